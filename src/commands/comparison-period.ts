/**
 * The range a period is compared with — the one home of that rule (DESIGN.md "Comparisons").
 * `previous` depends on the kind of period:
 * - calendar: a whole month, quarter or year (`2026-10`, `last-month`, `last-quarter`) is
 *   compared with the whole unit before it (October with September, Q3 with Q2);
 * - to-date: `mtd`, `qtd`, `ytd` and a month still running are compared with the same number
 *   of days from the start of the previous unit, clipped to its end (Mar 1–31 → Feb 1–28);
 *   one that has reached its unit's last day is the whole unit, compared with the whole unit
 *   before (`ytd` on Dec 31, 2029 with all of 2028, not Jan 1 – Dec 30);
 * - rolling: `last-Nd`, `today`, `yesterday` and explicit ranges with the same number of days
 *   immediately before.
 * `last-year` is the same dates one year earlier, Feb 29 → Feb 28, whatever the kind.
 */
import type { ComparisonMode } from "../answer/query.js";
import { addDays, addYears, daysInRange } from "../calendar/calendar.js";
import { type CalendarUnit, endOfUnit, startOfUnit } from "../calendar/calendar-unit.js";

/** What kind of period a spec resolved to: what `vs previous` compares it with. */
export type PeriodKind =
  | { readonly kind: "rolling" }
  | { readonly kind: "calendar"; readonly unit: CalendarUnit }
  | { readonly kind: "to-date"; readonly unit: CalendarUnit };

export const ROLLING: PeriodKind = { kind: "rolling" };

export interface ComparisonRange {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

/** The range `period` (of `kind`) is compared with under `mode`. */
export function comparisonPeriod(
  period: { readonly from: string; readonly to: string },
  kind: PeriodKind,
  mode: ComparisonMode,
): ComparisonRange {
  if (mode === "last-year") {
    return { from: addYears(period.from, -1), to: addYears(period.to, -1), label: "same dates last year" };
  }
  const days = daysInRange(period.from, period.to);
  if (kind.kind === "rolling") {
    return {
      from: addDays(period.from, -days),
      to: addDays(period.from, -1),
      label: days === 1 ? "previous day" : `previous ${days} days`,
    };
  }
  const before = addDays(period.from, -1);
  const from = startOfUnit(before, kind.unit);
  const end = endOfUnit(before, kind.unit);
  const sameDays = addDays(from, days - 1);
  const whole = kind.kind === "calendar" || period.to === endOfUnit(period.from, kind.unit);
  if (whole || sameDays >= end) return { from, to: end, label: `previous ${kind.unit}` };
  const first = days === 1 ? "first day" : `first ${days} days`;
  return { from, to: sameDays, label: `${first} of the previous ${kind.unit}` };
}
