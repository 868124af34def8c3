/**
 * When a cron schedule fires, as instants: the wall-clock times the expression names, read
 * in an IANA zone under the DST rule of zone-time.ts (a skipped time fires once, shifted
 * forward by the gap; a repeated time fires once, at its first occurrence). Instants are
 * deduplicated, so a shifted time that lands on a time the schedule also names fires once.
 */
import { type CronSpec, cronMatchesDay, parseCron } from "./cron-parse.js";
import {
  canonicalTimeZone,
  DAY_MS,
  HOUR_MS,
  instantOfWall,
  localDayNumber,
  MINUTE_MS,
  offsetAt,
  wallDateOf,
  weekdayOf,
} from "./zone-time.js";

export type { CronSpec } from "./cron-parse.js";
export { CRON_EXAMPLE, parseCron } from "./cron-parse.js";

/** How far nextSlot looks ahead: enough for Feb 29 across a skipped leap year (2096 → 2104). */
const SEARCH_DAYS = 9 * 366;

/** Enumerating more slots than this in one call is refused (a guard against runaway windows). */
export const MAX_SLOTS = 200_000;

const specOf = (expr: string | CronSpec): CronSpec => (typeof expr === "string" ? parseCron(expr) : expr);

/** The instants of one local day's wall times (ascending; may spill past midnight after a gap). */
export function slotsOfDay(spec: CronSpec, timeZone: string, dayNumber: number): number[] {
  const date = wallDateOf(dayNumber);
  if (!cronMatchesDay(spec, date.month, date.day, weekdayOf(dayNumber))) return [];
  const dayStart = dayNumber * DAY_MS;
  // Same offset from the day before to the day after: no DST change near, no need to resolve each time.
  const offset = offsetAt(dayStart - DAY_MS, timeZone);
  const steady = offset === offsetAt(dayStart + 2 * DAY_MS, timeZone);
  const instants = new Set<number>();
  for (const hour of spec.hours) {
    for (const minute of spec.minutes) {
      const wall = dayStart + hour * HOUR_MS + minute * MINUTE_MS;
      instants.add(steady ? wall - offset : instantOfWall(wall, timeZone));
    }
  }
  return [...instants].sort((a, b) => a - b);
}

/**
 * The instants in (fromExclusive, toInclusive] at which the schedule fires in the zone,
 * ascending. Throws a UserError for a bad expression or zone.
 */
export function slotsBetween(
  expr: string | CronSpec,
  timeZone: string,
  fromExclusive: Date,
  toInclusive: Date,
): Date[] {
  const spec = specOf(expr);
  const zone = canonicalTimeZone(timeZone);
  const from = fromExclusive.getTime();
  const to = toInclusive.getTime();
  if (!(to > from)) return [];
  // One day either side: wall days differ from UTC days by up to ±14 h, and a gap shift spills over.
  const first = localDayNumber(from, zone) - 1;
  const last = localDayNumber(to, zone) + 1;
  const found = new Set<number>();
  for (let day = first; day <= last; day++) {
    for (const instant of slotsOfDay(spec, zone, day)) {
      if (instant > from && instant <= to) found.add(instant);
    }
    if (found.size > MAX_SLOTS) throw new RangeError(`more than ${MAX_SLOTS} slots between two instants`);
  }
  return [...found].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** The first instant strictly after `after` at which the schedule fires, or undefined (never). */
export function nextSlot(expr: string | CronSpec, timeZone: string, after: Date): Date | undefined {
  const spec = specOf(expr);
  const zone = canonicalTimeZone(timeZone);
  const from = after.getTime();
  const start = localDayNumber(from, zone) - 1;
  for (let day = start; day <= start + SEARCH_DAYS; day++) {
    const candidates = [...slotsOfDay(spec, zone, day), ...slotsOfDay(spec, zone, day + 1)];
    const next = candidates.filter((instant) => instant > from).sort((a, b) => a - b)[0];
    if (next !== undefined) return new Date(next);
  }
  return undefined;
}
