/** A KPI's change as people read it: its arrow, its size, and whether the move is good news. */
import type { Kpi } from "../answer/answer.js";
import { groupDigits } from "./format.js";
import { higherIsBetter } from "./measures.js";
import { NO_VALUE } from "./units.js";

export type Trend = "up-good" | "up-bad" | "down-good" | "down-bad" | "flat" | "none";

/** Changes smaller than this (0.05%) read as no change. */
const FLAT = 0.0005;

/** Direction of a KPI's change and whether that is good news for its metric. */
export function trendOf(kpi: Kpi): Trend {
  if (kpi.change === null) return "none";
  if (Math.abs(kpi.change) < FLAT) return "flat";
  const up = kpi.change > 0;
  const good = up === higherIsBetter(kpi.key);
  return up ? (good ? "up-good" : "up-bad") : good ? "down-good" : "down-bad";
}

/** "▲ 12.3%", "▼ 4.0%", "= 0.0%", or "" without a previous value. */
export function formatChange(kpi: Kpi): string {
  const trend = trendOf(kpi);
  if (trend === "none" || kpi.change === null) return "";
  const amount = `${groupDigits(Math.abs(kpi.change) * 100, 1)}%`;
  if (trend === "flat") return `= ${amount}`;
  return `${kpi.change > 0 ? "▲" : "▼"} ${amount}`;
}

/**
 * The change as an answer shows it: `formatChange`, or "—" when the answer has a comparison
 * but this KPI has no change (no base, or the data does not cover the comparison).
 */
export function changeText(kpi: Kpi, compared: boolean): string {
  const text = formatChange(kpi);
  return text === "" && compared ? NO_VALUE : text;
}
