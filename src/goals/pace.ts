/**
 * A goal's period and pace, pure. The period is the current week (Monday to Sunday), month or
 * quarter containing "now" in the report zone. Pacing rule (linear in elapsed time): the time
 * elapsed is the whole days before today plus the part of today already gone, measured on the
 * zone's clock (a 23- or 25-hour day on a DST change counts as one day, its hours in proportion),
 * and the projection is `actual ÷ elapsed × days in the period` — the rest of the period is
 * expected to go as the part gone so far. With no time elapsed there is no projection.
 */
import { addDays, daysInRange, lastOfMonth, parseIsoDate, todayInZone } from "../calendar/calendar.js";
import { DAY_MS, dayNumberOf, instantOfWall, weekdayOf } from "../schedule/zone-time.js";

export const CADENCES = ["week", "month", "quarter"] as const;
export type Cadence = (typeof CADENCES)[number];

export interface GoalPeriod {
  readonly from: string;
  readonly to: string;
  /** The day "now" falls on (the period's last day with data, so far). */
  readonly today: string;
  readonly daysTotal: number;
  /** Whole days before today plus the elapsed part of today. */
  readonly daysElapsed: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The week, month or quarter containing `now` in `timeZone`, and how much of it has passed. */
export function goalPeriod(cadence: Cadence, now: Date, timeZone: string): GoalPeriod {
  const today = todayInZone(now, timeZone);
  const date = parseIsoDate(today) as { year: number; month: number; day: number };
  let from: string;
  let to: string;
  if (cadence === "week") {
    const monday = (weekdayOf(dayNumberOf(date)) + 6) % 7;
    from = addDays(today, -monday);
    to = addDays(from, 6);
  } else {
    const first = cadence === "month" ? date.month : date.month - ((date.month - 1) % 3);
    const last = cadence === "month" ? date.month : first + 2;
    from = `${date.year}-${pad(first)}-01`;
    to = lastOfMonth(date.year, last);
  }
  const midnight = (iso: string) => {
    const d = parseIsoDate(iso) as { year: number; month: number; day: number };
    return instantOfWall(Date.UTC(d.year, d.month - 1, d.day), timeZone);
  };
  const start = midnight(today);
  const length = midnight(addDays(today, 1)) - start;
  const partOfToday = Math.min(1, Math.max(0, (now.getTime() - start) / (length > 0 ? length : DAY_MS)));
  const before = daysInRange(from, today) - 1;
  return { from, to, today, daysTotal: daysInRange(from, to), daysElapsed: before + partOfToday };
}

/** Where the period ends if it keeps its pace so far; null when no time has passed. */
export function projectLinear(
  actual: number,
  period: Pick<GoalPeriod, "daysElapsed" | "daysTotal">,
): number | null {
  return period.daysElapsed > 0 ? (actual / period.daysElapsed) * period.daysTotal : null;
}
