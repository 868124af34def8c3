/** Calendar months, quarters and years as closed ranges of ISO dates. */
import { firstOfMonth, lastOfMonth, parseIsoDate } from "./calendar.js";

export type CalendarUnit = "month" | "quarter" | "year";

function monthsOf(iso: string, unit: CalendarUnit): { year: number; first: number; last: number } {
  const date = parseIsoDate(iso);
  if (!date) throw new TypeError(`Not an ISO date: ${iso.slice(0, 20)}`);
  if (unit === "month") return { year: date.year, first: date.month, last: date.month };
  if (unit === "year") return { year: date.year, first: 1, last: 12 };
  const first = date.month - ((date.month - 1) % 3);
  return { year: date.year, first, last: first + 2 };
}

/** The first day of the month, quarter or year that contains `iso`. */
export function startOfUnit(iso: string, unit: CalendarUnit): string {
  const { year, first } = monthsOf(iso, unit);
  return firstOfMonth(year, first);
}

/** The last day of the month, quarter or year that contains `iso`. */
export function endOfUnit(iso: string, unit: CalendarUnit): string {
  const { year, last } = monthsOf(iso, unit);
  return lastOfMonth(year, last);
}
