/**
 * Formatting numbers for people (terminal, Slack, Teams): currency, percent, multiples,
 * counts with thousands separators, "—" for no value. Pure and locale-independent, so the
 * same Answer prints the same text everywhere. Charts use their compact variant (src/charts).
 */
import type { Kpi, Unit } from "../answer/answer.js";
import { currencySymbol, NO_VALUE } from "../charts/value-format.js";
import { isMetricKey, METRICS } from "../metrics/definitions.js";

export { NO_VALUE };

const MINUS = "\u2212";

/** 1234567.891 → "1,234,567.89" with `digits` decimals. */
export function groupDigits(value: number, digits: number): string {
  const [whole = "0", fraction] = Math.abs(value).toFixed(digits).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

function signed(value: number, body: string): string {
  return value < 0 && body.replace(/[^1-9]/g, "") !== "" ? `${MINUS}${body}` : body;
}

/** How a number of this unit reads; `key` picks metric-specific display (ROAS as ×). */
export function formatNumber(
  value: number | null | undefined,
  unit: Unit,
  options: { currency: string; key?: string },
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const display = options.key && isMetricKey(options.key) ? METRICS[options.key].display : undefined;
  const style = unit === "ratio" && display === "multiple" ? "multiple" : unit;
  switch (style) {
    case "currency":
      return signed(value, `${currencySymbol(options.currency)}${groupDigits(value, 2)}`);
    case "ratio":
    case "percent": {
      const percent = value * 100;
      const digits = Math.abs(percent) < 10 ? 2 : 1;
      return signed(value, `${groupDigits(percent, digits)}%`);
    }
    case "multiple":
      return signed(value, `${groupDigits(value, 2)}×`);
    case "days":
      return signed(value, `${groupDigits(value, 1)} d`);
    case "text":
      return String(value);
    default:
      return signed(value, groupDigits(value, Number.isInteger(value) ? 0 : 2));
  }
}

/** Figure KPIs (not in the metric table) where a rise is bad news. */
const LOWER_IS_BETTER = new Set(["low_stock", "out_of_stock", "discount", "paused_ads"]);

export function higherIsBetter(key: string): boolean {
  if (isMetricKey(key)) return METRICS[key].higherIsBetter;
  return !LOWER_IS_BETTER.has(key);
}

export type Trend = "up-good" | "up-bad" | "down-good" | "down-bad" | "flat" | "none";

/** Direction of a KPI's change and whether that is good news. */
export function trendOf(kpi: Kpi): Trend {
  if (kpi.change === null) return "none";
  if (Math.abs(kpi.change) < 0.0005) return "flat";
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
