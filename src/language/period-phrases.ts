/**
 * Period phrases of plain questions → the exact grammar's period specs, against "today"
 * in the report zone. The rules (README "Just ask"):
 * - "last week", "past 7 days" → last-7d; "past month", "last 30 days", "last 4 weeks" →
 *   last-30d; "past 3 months", "last 90 days", "past quarter" → last-90d; any other
 *   "last N days|weeks" is the N (×7) full days ending yesterday, as a range.
 * - "last month", "last quarter" are the previous calendar month and quarter; "last year" is
 *   the previous calendar year (after "vs"/"compared to" it is the comparison instead).
 * - "this week" is Monday to today; "this month|quarter|year" → mtd|qtd|ytd.
 * - A month name ("in october", "oct 2025") is the latest such month that has started; "Q3"
 *   the latest third quarter that has started; "since monday" / "since oct 1" run to today.
 * - "black friday week" is the Monday–Sunday week of the latest Black Friday (4th Friday of
 *   November), "black friday weekend" its Friday to Monday (Cyber Monday).
 */
import type { PeriodSpec } from "../answer/query.js";
import { addDays, daysInMonth, firstOfMonth, lastOfMonth, parseIsoDate } from "../calendar/calendar.js";
import {
  blackFriday,
  latestMonth,
  latestWeekday,
  MONTHS,
  WEEKDAYS,
  yearAt,
  yearOf,
} from "./calendar-words.js";
import { numberOf } from "./plain-words.js";

export interface PeriodRead {
  readonly length: number;
  readonly spec: PeriodSpec;
}

const relative = (
  word:
    | "today"
    | "yesterday"
    | "last-7d"
    | "last-30d"
    | "last-90d"
    | "mtd"
    | "qtd"
    | "ytd"
    | "last-month"
    | "last-quarter",
): PeriodSpec => ({ kind: "relative", word });
const range = (from: string, to: string): PeriodSpec => ({ kind: "range", from, to });

const LAST = new Set(["last", "past", "previous", "prior", "trailing", "recent"]);
const DAY_UNITS = new Set(["day", "days", "d"]);
const WEEK_UNITS = new Set(["week", "weeks", "wk", "wks", "w"]);
const MONTH_UNITS = new Set(["month", "months", "mo", "mos"]);

function quarterRange(year: number, quarter: number): PeriodSpec {
  return range(firstOfMonth(year, quarter * 3 - 2), lastOfMonth(year, quarter * 3));
}

/** "last N days|weeks|months" and "last week|month|quarter|year". */
function readLast(words: readonly string[], i: number, today: string): PeriodRead | undefined {
  const lead = words[i] ?? "";
  if (!LAST.has(lead)) return undefined;
  const calendar = lead === "last" || lead === "previous" || lead === "prior";
  const next = words[i + 1];
  const count = numberOf(next);
  if (count !== undefined && count > 0) {
    const unit = words[i + 2] ?? "";
    const days = DAY_UNITS.has(unit) ? count : WEEK_UNITS.has(unit) ? count * 7 : undefined;
    if (days !== undefined) return { length: 3, spec: daysSpec(days, today) };
    if (MONTH_UNITS.has(unit)) {
      if (count === 1) return { length: 3, spec: relative("last-30d") };
      return { length: 3, spec: count === 3 ? relative("last-90d") : daysSpec(count * 30, today) };
    }
    return undefined;
  }
  if (next !== undefined && /^\d+d$/u.test(next))
    return { length: 2, spec: daysSpec(Number.parseInt(next, 10), today) };
  if (next === undefined) return undefined;
  if (WEEK_UNITS.has(next)) return { length: 2, spec: relative("last-7d") };
  if (next === "weekend") {
    const sunday = latestWeekday(today, 0, true);
    return { length: 2, spec: range(addDays(sunday, -1), sunday) };
  }
  if (MONTH_UNITS.has(next)) return { length: 2, spec: relative(calendar ? "last-month" : "last-30d") };
  if (next === "quarter") return { length: 2, spec: relative(calendar ? "last-quarter" : "last-90d") };
  if (next === "year") {
    if (!calendar) return { length: 2, spec: range(addDays(today, -365), addDays(today, -1)) };
    const year = yearOf(today) - 1;
    return { length: 2, spec: range(firstOfMonth(year, 1), lastOfMonth(year, 12)) };
  }
  const day = WEEKDAYS[next];
  if (day !== undefined) {
    const date = latestWeekday(today, day, true);
    return { length: 2, spec: range(date, date) };
  }
  const month = MONTHS[next];
  if (month !== undefined) {
    const latest = latestMonth(today, month);
    const year = parseIsoDate(today)?.month === month ? latest.year - 1 : latest.year;
    return { length: 2, spec: { kind: "month", year, month } };
  }
  return undefined;
}

function daysSpec(days: number, today: string): PeriodSpec {
  if (days === 7) return relative("last-7d");
  if (days === 30) return relative("last-30d");
  if (days === 90) return relative("last-90d");
  if (days === 1) return relative("yesterday");
  return range(addDays(today, -days), addDays(today, -1));
}

function readThis(words: readonly string[], i: number, today: string): PeriodRead | undefined {
  const lead = words[i];
  const unit = words[i + 1];
  if (lead !== "this" && lead !== "current") return undefined;
  if (unit === "week") return { length: 2, spec: range(latestWeekday(today, 1), today) };
  if (unit === "month") return { length: 2, spec: relative("mtd") };
  if (unit === "quarter") return { length: 2, spec: relative("qtd") };
  if (unit === "year") return { length: 2, spec: relative("ytd") };
  return undefined;
}

function readToDate(words: readonly string[], i: number, today: string): PeriodRead | undefined {
  const [a, b, c] = [words[i], words[i + 1], words[i + 2]];
  if (b !== "to" || c !== "date") {
    if (a === "wtd") return { length: 1, spec: range(latestWeekday(today, 1), today) };
    return undefined;
  }
  if (a === "month") return { length: 3, spec: relative("mtd") };
  if (a === "quarter") return { length: 3, spec: relative("qtd") };
  if (a === "year") return { length: 3, spec: relative("ytd") };
  if (a === "week") return { length: 3, spec: range(latestWeekday(today, 1), today) };
  return undefined;
}

/** "october", "oct 2025", "in may" (may only after in/for/during/since or before a year). */
function readMonth(words: readonly string[], i: number, today: string): PeriodRead | undefined {
  const word = words[i] ?? "";
  const month = MONTHS[word];
  if (month === undefined) return undefined;
  const year = yearAt(words, i + 1);
  if (
    (word === "may" || word === "mar" || word === "sat" || word === "sun") &&
    year === undefined &&
    !["in", "for", "during", "since"].includes(words[i - 1] ?? "")
  )
    return undefined;
  if (year !== undefined) return { length: 2, spec: { kind: "month", year, month } };
  return { length: 1, spec: { kind: "month", ...latestMonth(today, month) } };
}

function readQuarter(words: readonly string[], i: number, today: string): PeriodRead | undefined {
  const word = words[i] ?? "";
  let quarter: number | undefined;
  let length = 1;
  const short = /^q([1-4])$/u.exec(word);
  if (short) quarter = Number(short[1]);
  else if (word === "quarter" && /^[1-4]$/u.test(words[i + 1] ?? "")) {
    quarter = Number(words[i + 1]);
    length = 2;
  }
  if (quarter === undefined) return undefined;
  const year = yearAt(words, i + length);
  if (year !== undefined) return { length: length + 1, spec: quarterRange(year, quarter) };
  const date = parseIsoDate(today);
  const started = date && quarter * 3 - 2 <= date.month ? date.year : yearOf(today) - 1;
  return { length, spec: quarterRange(started, quarter) };
}

function readSince(words: readonly string[], i: number, today: string): PeriodRead | undefined {
  if (words[i] !== "since") return undefined;
  const next = words[i + 1] ?? "";
  const day = WEEKDAYS[next];
  if (day !== undefined) return { length: 2, spec: range(latestWeekday(today, day), today) };
  const month = MONTHS[next];
  if (month !== undefined) {
    const dayOfMonth = numberOf(words[i + 2]);
    const { year } = latestMonth(today, month);
    if (dayOfMonth !== undefined && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(year, month)) {
      const from = addDays(firstOfMonth(year, month), dayOfMonth - 1);
      if (from <= today) return { length: 3, spec: range(from, today) };
    }
    return { length: 2, spec: range(firstOfMonth(year, month), today) };
  }
  if (next === "yesterday") return { length: 2, spec: range(addDays(today, -1), today) };
  if (/^\d{4}-\d{2}-\d{2}$/u.test(next) && parseIsoDate(next) && next <= today)
    return { length: 2, spec: range(next, today) };
  return undefined;
}

function readHoliday(words: readonly string[], i: number, today: string): PeriodRead | undefined {
  const [a, b, c] = [words[i], words[i + 1], words[i + 2]];
  const friday = () => blackFriday(today);
  if (a === "black" && b === "friday" && c === "week") {
    const monday = addDays(friday(), -4);
    return { length: 3, spec: range(monday, addDays(monday, 6)) };
  }
  if (a === "black" && b === "friday" && c === "weekend")
    return { length: 3, spec: range(friday(), addDays(friday(), 3)) };
  if ((a === "cyber" && (b === "week" || b === "weekend")) || a === "bfcm")
    return { length: a === "bfcm" ? 1 : 2, spec: range(friday(), addDays(friday(), 3)) };
  if (a === "cyber" && b === "monday")
    return { length: 2, spec: range(addDays(friday(), 3), addDays(friday(), 3)) };
  return undefined;
}

function readSimple(words: readonly string[], i: number, today: string): PeriodRead | undefined {
  const [a, b, c] = [words[i], words[i + 1], words[i + 2]];
  if (a === "today" || (a === "so" && b === "far" && c === "today"))
    return { length: a === "today" ? 1 : 3, spec: relative("today") };
  if (a === "day" && b === "before" && c === "yesterday") {
    const day = addDays(today, -2);
    return { length: 3, spec: range(day, day) };
  }
  if (a === "yesterday" || a === "yday" || a === "ytday") return { length: 1, spec: relative("yesterday") };
  if (a === "mtd") return { length: 1, spec: relative("mtd") };
  if (a === "qtd") return { length: 1, spec: relative("qtd") };
  if (a === "ytd") return { length: 1, spec: relative("ytd") };
  return undefined;
}

const READERS = [readSimple, readHoliday, readLast, readThis, readToDate, readSince, readQuarter, readMonth];

/** The period phrase starting at words[i], if any. */
export function readPeriodAt(words: readonly string[], i: number, today: string): PeriodRead | undefined {
  for (const read of READERS) {
    const found = read(words, i, today);
    if (found) return found;
  }
  return undefined;
}

/** Every word a period phrase uses (known words are never "corrected"; the long ones are what typos are corrected to). */
export const PERIOD_VOCABULARY: readonly string[] = [
  ...Object.keys(MONTHS),
  ...Object.keys(WEEKDAYS),
  ...LAST,
  ...DAY_UNITS,
  ...WEEK_UNITS,
  ...MONTH_UNITS,
  ...[
    "today",
    "yesterday",
    "yday",
    "weekend",
    "quarter",
    "year",
    "years",
    "this",
    "current",
    "since",
    "black",
    "friday",
  ],
  ...["cyber", "bfcm", "date", "far", "wtd", "mtd", "qtd", "ytd", "before", "day"],
];
