/**
 * Plain calendar arithmetic on ISO dates ("YYYY-MM-DD"), with no Date objects and no
 * time zones: a date is converted to a day number (days since 1970-01-01, proleptic
 * Gregorian) and back. Only `todayInZone` looks at an instant, through Intl.
 */
import { quoted, UserError } from "../errors.js";

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1,
  };
}

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Parses "YYYY-MM-DD" strictly: undefined for anything else, including 2026-02-30. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const valid = date.month >= 1 && date.month <= 12 && date.day >= 1;
  return valid && date.day <= daysInMonth(date.year, date.month) ? date : undefined;
}

function requireDate(iso: string): CalendarDate {
  const date = parseIsoDate(iso);
  if (!date) throw new TypeError(`Not an ISO date: ${iso.slice(0, 20)}`);
  return date;
}

export function addDays(iso: string, days: number): string {
  return formatIsoDate(fromDayNumber(toDayNumber(requireDate(iso)) + days));
}

/** Same month and day `years` later (or earlier); Feb 29 becomes Feb 28 in a common year. */
export function addYears(iso: string, years: number): string {
  const { year, month, day } = requireDate(iso);
  const target = year + years;
  return formatIsoDate({ year: target, month, day: Math.min(day, daysInMonth(target, month)) });
}

/** Number of days in the closed range from..to (1 when from = to). */
export function daysInRange(from: string, to: string): number {
  return toDayNumber(requireDate(to)) - toDayNumber(requireDate(from)) + 1;
}

export function firstOfMonth(year: number, month: number): string {
  return formatIsoDate({ year, month, day: 1 });
}

export function lastOfMonth(year: number, month: number): string {
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
        timeZone,
        year: "numeric",
        month: "numeric",
        day: "numeric",
      });
    } catch {
      throw new UserError("invalid_time_zone", `Unknown time zone ${quoted(timeZone)}.`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date of the instant `now` in the IANA time zone, as "YYYY-MM-DD". */
export function todayInZone(now: Date, timeZone: string): string {
  if (Number.isNaN(now.getTime())) throw new TypeError("todayInZone: invalid Date");
  const parts = zoneFormatter(timeZone).formatToParts(now);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate({ year: part("year"), month: part("month"), day: part("day") });
}
