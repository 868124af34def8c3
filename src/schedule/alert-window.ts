/**
 * The days an alert's window covers, as of the day it is checked in its zone, and the windows
 * before it: the 14 the chart shows, the one a change compares with, the 8 of the same kind
 * an `unusual` check measures against. Windows end before the check day, except `today`.
 * - yesterday / today: one day; the windows before it are the days before;
 * - last-7d: the 7 full days ending yesterday; before it, the 7 days before, and so on;
 * - week: the last full week, Monday to Sunday; month: the last full calendar month.
 * The comparison rule is the questions' own (src/commands/comparison-period.ts).
 */
import type { DateRange } from "../areas/area-module.js";
import { addDays, parseIsoDate, toDayNumber } from "../calendar/calendar.js";
import { endOfUnit, startOfUnit } from "../calendar/calendar-unit.js";
import { comparisonPeriod, ROLLING } from "../commands/comparison-period.js";
import type { AlertWindow, ChangeBase } from "./alert-spec.js";
import { weekdayOf } from "./zone-time.js";

/** Windows the chart of a firing alert shows (the current one last). */
export const CHART_WINDOWS = 14;
/** Windows of the same kind an `unusual` check compares with. */
export const BASELINE_WINDOWS = 8;

/** Days since Monday: Monday 0 … Sunday 6. */
function daysSinceMonday(iso: string): number {
  const date = parseIsoDate(iso);
  if (!date) throw new TypeError(`Not an ISO date: ${iso.slice(0, 20)}`);
  return (weekdayOf(toDayNumber(date)) + 6) % 7;
}

function monthBack(range: DateRange, months: number): DateRange {
  let from = range.from;
  for (let i = 0; i < months; i++) from = startOfUnit(addDays(from, -1), "month");
  return { from, to: endOfUnit(from, "month") };
}

const shift = (range: DateRange, days: number): DateRange => ({
  from: addDays(range.from, days),
  to: addDays(range.to, days),
});

/** The window `back` windows before the current one (0: the current one), as of `today`. */
export function windowAt(window: AlertWindow, today: string, back = 0): DateRange {
  switch (window) {
    case "today":
      return shift({ from: today, to: today }, -back);
    case "yesterday":
      return shift({ from: today, to: today }, -1 - back);
    case "last-7d":
      return shift({ from: addDays(today, -7), to: addDays(today, -1) }, -7 * back);
    case "week": {
      const sunday = addDays(today, -1 - daysSinceMonday(today));
      return shift({ from: addDays(sunday, -6), to: sunday }, -7 * back);
    }
    case "month": {
      const last = addDays(startOfUnit(today, "month"), -1);
      return monthBack({ from: startOfUnit(last, "month"), to: last }, back);
    }
  }
}

/** The window a change is measured against. */
export function changeBase(window: AlertWindow, current: DateRange, versus: ChangeBase): DateRange {
  if (versus === "previous-week") return shift(current, -7);
  if (versus === "last-year") return comparisonPeriod(current, ROLLING, "last-year");
  if (window === "month") return comparisonPeriod(current, { kind: "calendar", unit: "month" }, "previous");
  return comparisonPeriod(current, ROLLING, "previous");
}

/**
 * The 8 windows an `unusual` check compares with: the same weekday in the 8 weeks before for a
 * day, the 8 weeks (or 7-day blocks) before for a week, the 8 months before for a month.
 */
export function baselineWindows(window: AlertWindow, current: DateRange): DateRange[] {
  const windows: DateRange[] = [];
  for (let i = 1; i <= BASELINE_WINDOWS; i++)
    windows.push(window === "month" ? monthBack(current, i) : shift(current, -7 * i));
  return windows;
}

/** Every day any of the ranges covers, as one range (what one query reads). */
export function spanOf(ranges: readonly DateRange[]): DateRange {
  let { from, to } = ranges[0] as DateRange;
  for (const r of ranges) {
    if (r.from < from) from = r.from;
    if (r.to > to) to = r.to;
  }
  return { from, to };
}

/** Whether two ranges share a day. */
export const overlaps = (a: DateRange, b: DateRange): boolean => a.from <= b.to && b.from <= a.to;
