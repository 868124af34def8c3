/** Human text for periods: "Oct 27 – Nov 25, 2026 · UTC", "November 2026", "Q3 2026". */
import { parseIsoDate } from "./calendar.js";

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "November" for 11. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** "Nov" for 11. */
export function shortMonth(month: number): string {
  return monthName(month).slice(0, 3);
}

/** "Oct 1, 2026" for one day, "Oct 1 – Oct 31, 2026" within a year, else both years. */
export function formatDateRange(from: string, to: string): string {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return `${from} – ${to}`;
  const start = `${shortMonth(a.month)} ${a.day}`;
  const end = `${shortMonth(b.month)} ${b.day}, ${b.year}`;
  if (from === to) return end;
  return a.year === b.year ? `${start} – ${end}` : `${start}, ${a.year} – ${end}`;
}

/** The line every answer prints under its title: "Oct 27 – Nov 25, 2026 · UTC". */
export function formatPeriod(period: {
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
}): string {
  return `${formatDateRange(period.from, period.to)} · ${period.timezone}`;
}

export function monthLabel(year: number, month: number): string {
  return `${monthName(month)} ${year}`;
}

export function quarterLabel(year: number, quarter: number): string {
  return `Q${quarter} ${year}`;
}
