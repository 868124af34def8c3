/**
 * A KPI's change against its comparison (DESIGN.md "Change"), pure arithmetic. The metric
 * table (measures.ts) says per key which rule applies: percentages change in percentage
 * points; everything else relatively, and only on a positive base. On a base of zero there
 * is no change to show (—); on a negative base (money can be negative, e.g. a loss) the
 * change is the absolute difference in the KPI's own unit. A missing value or previous
 * value gives no change.
 */
import type { KpiChange, Unit } from "../answer/answer.js";
import { finite, noNegativeZero } from "./ratio.js";

/** How the metric table says a key's change is expressed. */
export type ChangeRule = "relative" | "points";

/** The rule of a unit: percentages change in points, every other unit relatively. */
export function changeRuleOf(unit: Unit): ChangeRule {
  return unit === "percent" ? "points" : "relative";
}

/** The change from previous to current under a rule, or null where none can be shown. */
export function changeBetween(
  rule: ChangeRule,
  current: number | null | undefined,
  previous: number | null | undefined,
): KpiChange | null {
  if (!finite(current) || !finite(previous)) return null;
  const difference = noNegativeZero(current - previous);
  if (rule === "points") return { kind: "points", value: difference };
  if (previous > 0) return { kind: "relative", value: noNegativeZero(difference / previous) };
  if (previous < 0) return { kind: "absolute", value: difference };
  return null;
}
