/**
 * Calendar days as integers (days since 1970-01-01) and wall-clock text. All times the
 * generator writes are wall-clock in the shop's report time zone, so no conversion happens:
 * a day is a calendar date and a time is seconds since its midnight.
 */
import { todayInZone } from "../src/calendar/calendar.js";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const SECONDS_PER_DAY = 86_400;

/** The day number of an ISO date, or undefined when it is not a real calendar date. */
export function parseIsoDay(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayOf(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 1..12 */
export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

/** Today's date in an IANA time zone, for the clock's current instant (src/commands/calendar.ts). */
export function todayIn(timeZone: string, now: Date): string {
  return todayInZone(now, timeZone);
}

/** The current minute "HH:MM" in an IANA time zone, for the clock's instant `now`. */
export function minuteIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("hour")}:${part("minute")}`;
}

/**
 * The generated window: `days` calendar days ending on (and including) `endDay`, whose events
 * happen no later than `endSecond` seconds after its midnight (the end time, or the whole day).
 */
export class DayWindow {
  readonly firstDay: number;
  /** "YYYY-MM-DD " per window day (index 0 = firstDay). */
  private readonly prefixes: string[];
  /** The same prefixes as packed Latin-1 bytes, 11 per day (for RowBuffer.dateTime). */
  readonly prefixBytes: Uint8Array;

  constructor(
    readonly endDay: number,
    readonly days: number,
    readonly endSecond = SECONDS_PER_DAY - 1,
  ) {
    this.firstDay = endDay - days + 1;
    this.prefixes = Array.from({ length: days }, (_, i) => `${isoDay(this.firstDay + i)} `);
    this.prefixBytes = new Uint8Array(Buffer.from(this.prefixes.join(""), "latin1"));
  }

  /** The last second of window day `index` an event may have. */
  lastSecond(index: number): number {
    return index === this.days - 1 ? this.endSecond : SECONDS_PER_DAY - 1;
  }

  /** Text for any day number, inside the window or not. */
  date(day: number): string {
    const index = day - this.firstDay;
    return index >= 0 && index < this.days ? (this.prefixes[index] as string).slice(0, 10) : isoDay(day);
  }
}
