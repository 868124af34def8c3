/**
 * The period part of a command, as written (before any clock is consulted): a relative
 * word, a calendar month `YYYY-MM`, or a closed range `YYYY-MM-DD..YYYY-MM-DD`. What can
 * be checked without a clock (real dates, order, at most 3 years) is checked here.
 */

import { PERIOD_WORDS, type PeriodSpec, periodSpecToText } from "../answer/query.js";
import { addYears, daysInMonth, parseIsoDate } from "../calendar/calendar.js";
import { monthName } from "../calendar/date-format.js";
import type { UserError } from "../errors.js";
import { commandError, didYouMean, echo } from "./messages.js";
import { suggest } from "./suggest.js";

/** Longest range accepted: from + 3 years − 1 day (2023-01-01..2025-12-31 is fine). */
export const MAX_RANGE_YEARS = 3;
const MIN_YEAR = 1900;

function invalidDate(text: string): UserError {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) {
    return commandError(
      "invalid_date",
      `Invalid date ${echo(text)} — dates are YYYY-MM-DD with a month 01–12.`,
    );
  }
  const days = daysInMonth(year, month);
  return commandError(
    "invalid_date",
    `Invalid date ${echo(text)} — ${monthName(month)} ${year} has ${days} days.`,
  );
}

function checkYear(year: number, text: string): void {
  if (year < MIN_YEAR) {
    throw commandError(
      "invalid_date",
      `Invalid date ${echo(text)} — dates before ${MIN_YEAR} are not supported.`,
    );
  }
}

/** Throws the UserError a malformed or absurd spec deserves; returns the spec otherwise. */
export function validatePeriodSpec(spec: PeriodSpec): PeriodSpec {
  const text = periodSpecToText(spec);
  if (spec.kind === "relative") {
    if (!(PERIOD_WORDS as readonly string[]).includes(spec.word)) throw unknownPeriod(spec.word);
    return spec;
  }
  if (spec.kind === "month") {
    if (!Number.isInteger(spec.month) || spec.month < 1 || spec.month > 12 || !Number.isInteger(spec.year)) {
      throw commandError("invalid_date", `Invalid month ${echo(text)} — months are 01–12.`);
    }
    checkYear(spec.year, text);
    return spec;
  }
  const from = parseIsoDate(spec.from);
  if (!from) throw invalidDate(spec.from);
  const to = parseIsoDate(spec.to);
  if (!to) throw invalidDate(spec.to);
  checkYear(from.year, spec.from);
  if (spec.to < spec.from) {
    throw commandError(
      "reversed_range",
      `The range ${echo(text)} ends before it starts — put the earlier date first.`,
    );
  }
  if (spec.to >= addYears(spec.from, MAX_RANGE_YEARS)) {
    throw commandError(
      "range_too_long",
      `The range ${echo(text)} is longer than ${MAX_RANGE_YEARS} years — pick a shorter one.`,
    );
  }
  return spec;
}

/** True when an unknown word was probably meant as a period (a date, or near a period word). */
export function looksLikePeriod(word: string): boolean {
  return /^\d/u.test(word) || suggest(word, PERIOD_WORDS).length > 0;
}

/** The error for a word that is not a period: the nearest period words, or the date forms. */
export function unknownPeriod(word: string): UserError {
  const lower = word.toLowerCase();
  let hint = didYouMean(suggest(lower, PERIOD_WORDS));
  if (parseIsoDate(lower)) hint = didYouMean([`${lower}..${lower}`]);
  else if (hint === "" && /^\d/u.test(lower))
    hint = " — dates are YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (e.g. 2026-10-01..2026-10-31).";
  else if (hint === "") hint = " — try last-30d, mtd, last-month, 2026-11 or 2026-10-01..2026-10-31.";
  return commandError("unknown_period", `Unknown period ${echo(word)}${hint}`);
}

/**
 * The spec a command word denotes (case-insensitive), undefined when the word is not a
 * period at all, or a thrown UserError when it is a period form with bad dates.
 */
export function parsePeriod(word: string): PeriodSpec | undefined {
  const lower = word.toLowerCase();
  const relative = PERIOD_WORDS.find((candidate) => candidate === lower);
  if (relative) return { kind: "relative", word: relative };
  const month = /^(\d{4})-(\d{2})$/u.exec(lower);
  if (month) return validatePeriodSpec({ kind: "month", year: Number(month[1]), month: Number(month[2]) });
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/u.exec(lower);
  if (range) return validatePeriodSpec({ kind: "range", from: range[1] ?? "", to: range[2] ?? "" });
  return undefined;
}
