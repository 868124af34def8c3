/**
 * Wall-clock time in an IANA zone, through Intl only (no dependency). A wall time is held
 * as "wall milliseconds": the same fields read as if they were UTC (Date.UTC(y, m-1, d, h, mi)).
 *
 * The DST rule (RFC 5545 §3.3.5, also Temporal's "compatible" disambiguation):
 * - a wall time that does not exist (skipped by a spring-forward gap) is read with the UTC
 *   offset from before the gap, i.e. shifted forward by the gap's length: 02:30 on
 *   2026-03-29 in Europe/Berlin is 03:30 CEST (01:30Z);
 * - a wall time that exists twice (fall back) is its first occurrence: 02:30 on 2026-10-25
 *   in Europe/Berlin is 02:30 CEST (00:30Z), never also 02:30 CET.
 */
import { fromDayNumber, toDayNumber } from "../calendar/calendar.js";
import { shortMonth } from "../calendar/date-format.js";
import { quoted, UserError } from "../errors.js";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The IANA name as Intl spells it (europe/berlin → Europe/Berlin), or a UserError with an example. */
export function canonicalTimeZone(name: string): string {
  const trimmed = name.trim();
  try {
    if (!/^[A-Za-z][\w+\-/]*$/.test(trimmed)) throw new RangeError(trimmed);
    return new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    throw new UserError(
      "invalid_time_zone",
      `Unknown time zone ${quoted(trimmed)}: use an IANA name such as Europe/Berlin, America/New_York or UTC.`,
    );
  }
}

/** The wall time of an instant in the zone, as wall milliseconds (seconds kept, ms dropped). */
export function wallOf(instantMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** UTC offset of the zone at an instant, in ms (Berlin in summer: +7,200,000). */
export function offsetAt(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallOf(whole, timeZone) - whole;
}

/** The instant a wall time denotes, under the DST rule above. */
export function instantOfWall(wallMs: number, timeZone: string): number {
  const before = offsetAt(wallMs - DAY_MS, timeZone);
  const after = offsetAt(wallMs + DAY_MS, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => wallMs - offset)
    .filter((instant) => wallOf(instant, timeZone) === wallMs)
    .sort((a, b) => a - b);
  return valid[0] ?? wallMs - before;
}

export interface WallDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 1970-01-01 of the wall date of an instant in the zone. */
export function localDayNumber(instantMs: number, timeZone: string): number {
  return Math.floor(wallOf(instantMs, timeZone) / DAY_MS);
}

export function wallDateOf(dayNumber: number): WallDate {
  return fromDayNumber(dayNumber);
}

export function dayNumberOf(date: WallDate): number {
  return toDayNumber(date);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "Tue Nov 24" for a day number. */
export function shortDay(dayNumber: number): string {
  const { month, day } = wallDateOf(dayNumber);
  return `${WEEKDAYS[weekdayOf(dayNumber)]} ${shortMonth(month)} ${day}`;
}

/** "Tue Nov 24, 2026 09:00 Europe/Berlin": an instant as the zone's clock shows it, the zone named. */
export function formatWallInZone(instant: Date, timeZone: string): string {
  return `${formatWall(instant.getTime(), timeZone)} ${timeZone}`;
}

/** "Tue Nov 24, 2026 09:00" for an instant in the zone. */
export function formatWall(instantMs: number, timeZone: string): string {
  const wall = wallOf(instantMs, timeZone);
  const dayNumber = Math.floor(wall / DAY_MS);
  const minutes = Math.floor((wall - dayNumber * DAY_MS) / MINUTE_MS);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${shortDay(dayNumber)}, ${wallDateOf(dayNumber).year} ${hh}:${mm}`;
}
