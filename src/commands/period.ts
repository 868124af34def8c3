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
 * - Comparison `previous`: the same number of days immediately before (also for months,
 *   mtd and clamped ranges: October 2026 is compared with Aug 31 – Sep 30).
 *   `last-year`: the same dates one year earlier, Feb 29 → Feb 28.
 */

import { type ComparisonMode, type PeriodSpec, periodSpecToText } from "../answer/query.js";
import {
  addDays,
  addYears,
  daysInRange,
  firstOfMonth,
  lastOfMonth,
  parseIsoDate,
  todayInZone,
} from "../calendar/calendar.js";
import { formatDateRange, monthLabel, quarterLabel } from "../calendar/date-format.js";
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
}

export interface ComparisonRange {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

interface Range {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

function relativeRange(word: string, today: string): Range {
  const date = parseIsoDate(today);
  if (!date) throw new TypeError(`Bad today: ${today}`);
  const { year, month } = date;
  const quarterStart = month - ((month - 1) % 3);
  const lastDays = /^last-(\d+)d$/u.exec(word);
  if (lastDays) {
    const days = Number(lastDays[1]);
    return { from: addDays(today, -days), to: addDays(today, -1), label: `last ${days} days` };
  }
  switch (word) {
    case "today":
      return { from: today, to: today, label: "today" };
    case "yesterday":
      return { from: addDays(today, -1), to: addDays(today, -1), label: "yesterday" };
    case "mtd":
      return { from: firstOfMonth(year, month), to: today, label: "month to date" };
    case "qtd":
      return { from: firstOfMonth(year, quarterStart), to: today, label: "quarter to date" };
    case "ytd":
      return { from: firstOfMonth(year, 1), to: today, label: "year to date" };
    case "last-month": {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { from: firstOfMonth(y, m), to: lastOfMonth(y, m), label: monthLabel(y, m) };
    }
    case "last-quarter": {
      const [y, q] = quarterStart === 1 ? [year - 1, 4] : [year, (quarterStart - 1) / 3];
      return { from: firstOfMonth(y, q * 3 - 2), to: lastOfMonth(y, q * 3), label: quarterLabel(y, q) };
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
  if (valid.kind === "relative")
    return { period: { ...relativeRange(valid.word, today), timezone }, notes: [] };

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
  return { period: { from, to: end, label, timezone }, notes };
}

/** The closed date range a spec denotes at `clock.now` in `clock.timeZone`. */
export function resolvePeriod(spec: PeriodSpec | string, clock: PeriodClock): ResolvedPeriod {
  return resolvePeriodWithNotes(spec, clock).period;
}

/** The range a period is compared with (see the module comment). */
export function comparisonPeriod(
  period: { readonly from: string; readonly to: string },
  mode: ComparisonMode,
): ComparisonRange {
  if (mode === "last-year") {
    return { from: addYears(period.from, -1), to: addYears(period.to, -1), label: "same dates last year" };
  }
  const days = daysInRange(period.from, period.to);
  return {
    from: addDays(period.from, -days),
    to: addDays(period.from, -1),
    label: days === 1 ? "previous day" : `previous ${days} days`,
  };
}
