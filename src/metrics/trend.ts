/**
 * A KPI's change as people read it: its arrow, its size in the way the metric table says it
 * is expressed ("▲ 12.3%", "▲ 2.40 pp", "▲ €120.00"), and whether the move is good news.
 */
import type { Kpi, KpiChange, Unit } from "../answer/answer.js";
import { formatNumber, groupDigits } from "./format.js";
import { higherIsBetter } from "./measures.js";
import { decimalsOf, NO_VALUE } from "./units.js";

export type Trend = "up-good" | "up-bad" | "down-good" | "down-bad" | "flat" | "none";

/**
 * The size of a change without its sign: relative changes with one decimal ("12.3%"),
 * points with the decimals of the percentages themselves ("2.40 pp"), absolute differences
 * as the KPI's unit reads ("€120.00").
 */
function changeSize(change: KpiChange, unit: Unit, currency: string): string {
  const size = Math.abs(change.value);
  switch (change.kind) {
    case "relative":
      return `${groupDigits(size * 100, 1)}%`;
    case "points":
      return `${groupDigits(size * 100, decimalsOf("percent", size))} pp`;
    case "absolute":
      return formatNumber(size, unit, { currency });
  }
}

/** A change whose shown size is all zeros ("0.0%", "0.00 pp") reads as no change. */
const isFlat = (change: KpiChange, unit: Unit): boolean => !/[1-9]/.test(changeSize(change, unit, ""));

/** Direction of a KPI's change and whether that is good news for its metric. */
export function trendOf(kpi: Kpi): Trend {
  if (kpi.change === null) return "none";
  if (isFlat(kpi.change, kpi.unit)) return "flat";
  const up = kpi.change.value > 0;
  const good = up === higherIsBetter(kpi.key);
  return up ? (good ? "up-good" : "up-bad") : good ? "down-good" : "down-bad";
}

/**
 * "▲ 12.3%", "▼ 0.58 pp", "▲ €120.00", "= 0.0%"; "—" when there is a previous value but no
 * change can be shown (a base of zero, a missing value); "" without a previous value.
 */
export function formatChange(kpi: Kpi, currency: string): string {
  if (kpi.change === null) return kpi.previous === null ? "" : NO_VALUE;
  const size = changeSize(kpi.change, kpi.unit, currency);
  if (isFlat(kpi.change, kpi.unit)) return `= ${size}`;
  return `${kpi.change.value > 0 ? "▲" : "▼"} ${size}`;
}

/**
 * The change as an answer shows it: `formatChange`, or "—" when the answer has a comparison
 * but this KPI has no change (no base, or the data does not cover the comparison).
 */
export function changeText(kpi: Kpi, compared: boolean, currency: string): string {
  const text = formatChange(kpi, currency);
  return text === "" && compared ? NO_VALUE : text;
}
