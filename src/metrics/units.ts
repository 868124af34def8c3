/**
 * How each unit of the Answer reads: its decimals and its sign. The one home of precision
 * (STYLE.md: formatting happens only in renderers, and every renderer reads it here).
 */
import type { Unit } from "../answer/answer.js";

/** What a missing value shows as, on every surface. */
export const NO_VALUE = "—";

/**
 * Decimals by unit for a value as people read it: money to the cent, counts whole (a count
 * that is not whole, such as an average, gets two), percentages always with two (never
 * `17.2%` next to `9.14%` in one column), multiples (ROAS) with two, days of cover with one.
 */
export function decimalsOf(unit: Unit, value: number): number {
  switch (unit) {
    case "money":
    case "multiple":
      return 2;
    case "percent":
      return 2;
    case "days":
      return 1;
    case "count":
      return Number.isInteger(value) ? 0 : 2;
    case "text":
      return 0;
  }
}

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

/** "€" for EUR; an unknown code is written out ("CHF "). */
export function currencySymbol(currency: string): string {
  const code = currency.trim().toUpperCase();
  return CURRENCY_SYMBOLS[code] ?? `${code} `;
}
