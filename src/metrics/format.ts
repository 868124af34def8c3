/**
 * Numbers for people, by unit, the same on every surface (terminal, Slack, Teams, CSV
 * headings aside, chart labels): "€1,234.50", "3.42%", "3.42×", "1,234", "4.5 d", "—".
 * Pure and locale-independent. Charts have two tighter variants: value labels abbreviate
 * money and counts of 1,000 or more ("€12.3k") but keep every other unit's decimals, and
 * axis ticks also drop trailing zeros ("2%", "€1.5k").
 */
import type { Unit } from "../answer/answer.js";
import { currencySymbol, decimalsOf, NO_VALUE } from "./units.js";

const MINUS = "\u2212";
const SUFFIXES = ["", "k", "M", "B", "T"] as const;

/** 1234567.891 → "1,234,567.89" with `digits` decimals (the sign is left out). */
export function groupDigits(value: number, digits: number): string {
  const [whole = "0", fraction] = Math.abs(value).toFixed(digits).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** A minus in front when the shown digits are not all zero ("−€1.20", never "−0.00%"). */
function signed(value: number, body: string): string {
  return value < 0 && /[1-9]/.test(body) ? `${MINUS}${body}` : body;
}

/** The unit's symbol around a number that is already written out. */
function dressed(unit: Unit, digits: string, currency: string): string {
  switch (unit) {
    case "money":
      return `${currencySymbol(currency)}${digits}`;
    case "percent":
      return `${digits}%`;
    case "multiple":
      return `${digits}×`;
    case "days":
      return `${digits} d`;
    default:
      return digits;
  }
}

const shownNumber = (value: number, unit: Unit) => (unit === "percent" ? value * 100 : value);

/** How a number of this unit reads in text: full digits, thousands grouped. */
export function formatNumber(
  value: number | null | undefined,
  unit: Unit,
  options: { readonly currency: string },
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  if (unit === "text") return String(value);
  const digits = groupDigits(shownNumber(value, unit), decimalsOf(unit, value));
  return signed(value, dressed(unit, digits, options.currency));
}

/** A value label on a chart: like formatNumber, with money and counts of 1,000 or more abbreviated. */
export function formatChartValue(value: number | null | undefined, unit: Unit, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  if ((unit === "money" || unit === "count") && Math.abs(value) >= 999.5) {
    return signed(value, dressed(unit, compact(Math.abs(value)), currency));
  }
  return formatNumber(value, unit, { currency });
}

/** An axis tick: compact, trailing zeros dropped ("€1.2k", "2%", "0.45%", "3.5×"). */
export function formatTick(value: number | null | undefined, unit: Unit, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const abs = Math.abs(value);
  const digits = unit === "percent" ? percentDigits(abs * 100) : compact(abs);
  return signed(value, dressed(unit, digits, currency));
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
