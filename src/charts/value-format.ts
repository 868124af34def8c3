/**
 * Compact value formatting for axes, value labels and legends, by unit:
 * currency "€1.2k", percent "3.4%", multiple "3.42×" (ROAS), count "12.3k", days "4.5 d".
 * Deterministic: no Intl locale data, so every machine prints the same text.
 */
import type { ChartSpec, Unit } from "../answer/answer.js";

export type ValueStyle = "count" | "currency" | "percent" | "multiple" | "days";

/** What a missing value shows as. */
export const NO_VALUE = "—";

const MINUS = "\u2212";
const SUFFIXES = ["", "k", "M", "B", "T"] as const;

/** Metric keys whose ratio reads as a multiple (3.42×) rather than a percentage. */
export const MULTIPLE_METRICS: readonly string[] = ["roas"];

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  EUR: "€",
  USD: "$",
  GBP: "£",
  JPY: "¥",
  CNY: "¥",
  INR: "₹",
  KRW: "₩",
  ILS: "₪",
  NGN: "₦",
  UAH: "₴",
  PLN: "zł",
};

/**
 * The value style of a chart. A `multiple` is 3.42×; a `ratio` is a percentage, except for
 * metrics in MULTIPLE_METRICS (ROAS), recognised from the chart key ("roas_by_platform").
 */
export function valueStyleOf(spec: Pick<ChartSpec, "key" | "unit">): ValueStyle {
  const unit: Unit = spec.unit ?? "count";
  switch (unit) {
    case "currency":
      return "currency";
    case "percent":
      return "percent";
    case "days":
      return "days";
    case "multiple":
      return "multiple";
    case "ratio": {
      const words = spec.key.toLowerCase().split(/[^a-z0-9]+/);
      return words.some((word) => MULTIPLE_METRICS.includes(word)) ? "multiple" : "percent";
    }
    default:
      return "count";
  }
}

export function currencySymbol(currency: string): string {
  const code = currency.trim().toUpperCase();
  return CURRENCY_SYMBOLS[code] ?? `${code} `;
}

/** Formats one value; null and non-finite numbers show as "—". */
export function formatValue(value: number | null | undefined, style: ValueStyle, currency = "EUR"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  switch (style) {
    case "currency":
      return withSign(value, (abs) => `${currencySymbol(currency)}${compact(abs)}`);
    case "percent":
      return withSign(value, (abs) => `${percentDigits(abs * 100)}%`);
    case "multiple":
      return withSign(value, (abs) => `${compact(abs)}×`);
    case "days":
      return withSign(value, (abs) => `${compact(abs)} d`);
    default:
      return withSign(value, compact);
  }
}

/** Formats a share with one decimal (0.345 → "34.5%", 0.05 → "5.0%", tiny → "<0.1%"); ≥ 100% as formatValue. */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return NO_VALUE;
  const percent = share * 100;
  if (percent > 0 && percent < 0.05) return "<0.1%";
  if (Math.abs(percent) >= 99.95) return formatValue(share, "percent");
  return withSign(percent, (abs) => `${abs.toFixed(1)}%`);
}

function withSign(value: number, format: (abs: number) => string): string {
  const text = format(Math.abs(value));
  return value < 0 && /[1-9]/.test(text) ? `${MINUS}${text}` : text;
}

/** 0.45 → "0.45", 12.34 → "12.3", 950 → "950", 12_345 → "12.3k", 999_960 → "1M". */
export function compact(abs: number): string {
  if (abs < 0.0001) return "0";
  if (abs < 0.01) return trimZeros(abs.toPrecision(2));
  let tier = 0;
  let mantissa = abs;
  while (mantissa >= 999.5 && tier < SUFFIXES.length - 1) {
    mantissa /= 1000;
    tier += 1;
  }
  const decimals = tier === 0 && mantissa < 10 ? 2 : mantissa < 100 ? 1 : 0;
  return `${trimZeros(mantissa.toFixed(decimals))}${SUFFIXES[tier]}`;
}

function percentDigits(percent: number): string {
  if (percent >= 999.5) return compact(percent);
  const decimals = percent < 1 ? 2 : percent < 100 ? 1 : 0;
  return trimZeros(percent.toFixed(decimals));
}

function trimZeros(text: string): string {
  return text.includes(".") && !text.includes("e") ? text.replace(/\.?0+$/, "") : text;
}
