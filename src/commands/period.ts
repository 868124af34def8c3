/**
 * Resolving a period spec to a closed date range in the report time zone, and the range
 * it is compared with. The clock is injected: "today" is the calendar date of `now` in
 * `timeZone` (Intl); everything after that is plain calendar arithmetic.
 *
 * Semantics (DESIGN.md example: on 2026-11-26, last-30d = Oct 27 – Nov 25):
 * - today / yesterday: that one day.
 * - last-7d / last-30d / last-90d: the N full days ending yesterday (today is partial).
 * - mtd / qtd / ytd: from the 1st of the month / quarter / year through today.
 * - last-month / last-quarter: the previous full calendar month / quarter.
 * - YYYY-MM and ranges: as written, except for the future:
 *   a period that STARTS after today is an error ("no data yet"); one that starts on or
 *   before today but ENDS after it is clamped to end today, and a note says so (the
 *   label of a clamped month reads "November 2026 to date"). This keeps "the current
 *   month" (2026-11 on Nov 26) useful while never promising days that have not happened.
 * Each resolution also says the kind of period it is (calendar, to-date or rolling), which
 * decides what it is compared with (comparison-period.ts).
 */

import { type PeriodSpec, periodSpecToText } from "../answer/query.js";
import { addDays, firstOfMonth, lastOfMonth, parseIsoDate, todayInZone } from "../calendar/calendar.js";
import { formatDateRange, monthLabel, quarterLabel } from "../calendar/date-format.js";
import { type PeriodKind, ROLLING } from "./comparison-period.js";
import { commandError, echo } from "./messages.js";
import { parsePeriod, unknownPeriod, validatePeriodSpec } from "./period-spec.js";

export interface PeriodClock {
  readonly now: Date;
  /** IANA time zone of the report, e.g. "UTC" or "Europe/Berlin". */
  readonly timeZone: string;
}

/** A closed date range (both ends included), shaped like the Answer's `period`. */
export interface ResolvedPeriod {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly timezone: string;
}

export interface PeriodResolution {
  readonly period: ResolvedPeriod;
  /** Notes for the Answer, e.g. that the end was clamped to today. */
  readonly notes: readonly string[];
  /** Calendar, to-date or rolling: what `vs previous` compares the period with. */
  readonly kind: PeriodKind;
}

interface Range {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly kind: PeriodKind;
}

const MONTH: PeriodKind = { kind: "calendar", unit: "month" };
const QUARTER: PeriodKind = { kind: "calendar", unit: "quarter" };
const MONTH_TO_DATE: PeriodKind = { kind: "to-date", unit: "month" };
const QUARTER_TO_DATE: PeriodKind = { kind: "to-date", unit: "quarter" };
const YEAR_TO_DATE: PeriodKind = { kind: "to-date", unit: "year" };

function relativeRange(word: string, today: string): Range {
  const date = parseIsoDate(today);
  if (!date) throw new TypeError(`Bad today: ${today}`);
  const { year, month } = date;
  const quarterStart = month - ((month - 1) % 3);
  const lastDays = /^last-(\d+)d$/u.exec(word);
  if (lastDays) {
    const days = Number(lastDays[1]);
    return { from: addDays(today, -days), to: addDays(today, -1), label: `last ${days} days`, kind: ROLLING };
  }
  switch (word) {
    case "today":
      return { from: today, to: today, label: "today", kind: ROLLING };
    case "yesterday":
      return { from: addDays(today, -1), to: addDays(today, -1), label: "yesterday", kind: ROLLING };
    case "mtd":
      return { from: firstOfMonth(year, month), to: today, label: "month to date", kind: MONTH_TO_DATE };
    case "qtd":
      return {
        from: firstOfMonth(year, quarterStart),
        to: today,
        label: "quarter to date",
        kind: QUARTER_TO_DATE,
      };
    case "ytd":
      return { from: firstOfMonth(year, 1), to: today, label: "year to date", kind: YEAR_TO_DATE };
    case "last-month": {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { from: firstOfMonth(y, m), to: lastOfMonth(y, m), label: monthLabel(y, m), kind: MONTH };
    }
    case "last-quarter": {
      const [y, q] = quarterStart === 1 ? [year - 1, 4] : [year, (quarterStart - 1) / 3];
      return {
        from: firstOfMonth(y, q * 3 - 2),
        to: lastOfMonth(y, q * 3),
        label: quarterLabel(y, q),
        kind: QUARTER,
      };
    }
    default:
      throw unknownPeriod(word);
  }
}

function toSpec(spec: PeriodSpec | string): PeriodSpec {
  if (typeof spec !== "string") return validatePeriodSpec(spec);
  const parsed = parsePeriod(spec.trim());
  if (!parsed) throw unknownPeriod(spec.trim());
  return parsed;
}

/** Resolves a spec (or its text, e.g. "last-30d") and says what was adjusted. */
export function resolvePeriodWithNotes(spec: PeriodSpec | string, clock: PeriodClock): PeriodResolution {
  const valid = toSpec(spec);
  const today = todayInZone(clock.now, clock.timeZone);
  const timezone = clock.timeZone;
  if (valid.kind === "relative") {
    const { kind, ...range } = relativeRange(valid.word, today);
    return { period: { ...range, timezone }, notes: [], kind };
  }

  const from = valid.kind === "month" ? firstOfMonth(valid.year, valid.month) : valid.from;
  const to = valid.kind === "month" ? lastOfMonth(valid.year, valid.month) : valid.to;
  const text = periodSpecToText(valid);
  if (from > today) {
    throw commandError(
      "future_period",
      `The period ${echo(text)} starts after today (${today} in ${echo(timezone)}) — there is no data for it yet.`,
    );
  }
  const clamped = to > today;
  const end = clamped ? today : to;
  const label =
    valid.kind === "month"
      ? `${monthLabel(valid.year, valid.month)}${clamped ? " to date" : ""}`
      : formatDateRange(from, end);
  const notes = clamped
    ? [`The period ends today (${formatDateRange(end, end)}); later dates have no data yet.`]
    : [];
  // A month still running is a month to date; a range is rolling, clamped or not.
  const kind = valid.kind === "range" ? ROLLING : clamped ? MONTH_TO_DATE : MONTH;
  return { period: { from, to: end, label, timezone }, notes, kind };
}

/** The closed date range a spec denotes at `clock.now` in `clock.timeZone`. */
export function resolvePeriod(spec: PeriodSpec | string, clock: PeriodClock): ResolvedPeriod {
  return resolvePeriodWithNotes(spec, clock).period;
}
