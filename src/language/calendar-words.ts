/**
 * The calendar words of plain questions: month and weekday names, and the days they point at
 * from "today" (the latest such weekday, month or Black Friday). period-phrases.ts reads the
 * phrases they appear in.
 */
import { addDays, firstOfMonth, parseIsoDate } from "../calendar/calendar.js";

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  februar: 2,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  marz: 3,
  april: 4,
  apr: 4,
  may: 5,
  mai: 5,
  june: 6,
  jun: 6,
  juni: 6,
  july: 7,
  jul: 7,
  juli: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  oktober: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  dezember: 12,
};

export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};

const weekday = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** The latest day on or before `today` that is `day` (0 = Sunday). */
export function latestWeekday(today: string, day: number, strictlyBefore = false): string {
  let back = (weekday(today) - day + 7) % 7;
  if (back === 0 && strictlyBefore) back = 7;
  return addDays(today, -back);
}

export function yearOf(today: string): number {
  return parseIsoDate(today)?.year ?? 1970;
}

/** The latest `month` that has started by `today` (this year's, or last year's). */
export function latestMonth(today: string, month: number): { year: number; month: number } {
  const date = parseIsoDate(today);
  const year = date && month <= date.month ? date.year : yearOf(today) - 1;
  return { year, month };
}

/** The latest Black Friday (4th Friday of November) on or before `today`. */
export function blackFriday(today: string): string {
  for (const year of [yearOf(today), yearOf(today) - 1]) {
    const first = firstOfMonth(year, 11);
    const firstFriday = addDays(first, (5 - weekday(first) + 7) % 7);
    const day = addDays(firstFriday, 21);
    if (day <= today) return day;
  }
  return addDays(today, -1);
}

export function yearAt(words: readonly string[], index: number): number | undefined {
  const word = words[index];
  return word !== undefined && /^(19|20)\d{2}$/u.test(word) ? Number(word) : undefined;
}
