/** `kpi generate` options: parsing with one-line errors, and the table sizes a scale implies. */
import { UserError } from "../src/errors.js";
import { parseIsoDay } from "./calendar.js";

export interface GenerateOptions {
  readonly seed: number;
  readonly scale: number;
  /** Last generated day, YYYY-MM-DD (wall clock in the report time zone). */
  readonly endDate: string;
  readonly days: number;
  readonly replace: boolean;
  /**
   * "HH:MM": nothing on the end date happens after this minute (wall clock in the report time
   * zone). Set to the current minute when the end date is today, so no event lies in the
   * future; absent = the whole end date. Part of the options: pass it again to reproduce a run.
   */
  readonly endTime?: string;
}

export interface RawGenerateOptions {
  readonly seed?: string | number;
  readonly scale?: string | number;
  readonly endDate?: string;
  readonly days?: string | number;
  readonly replace?: boolean;
  readonly endTime?: string;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_SCALE = 1;
export const DEFAULT_DAYS = 365;
export const MAX_SCALE = 100;
export const MAX_DAYS = 3660;

function invalid(option: string, value: unknown, expected: string): UserError {
  return new UserError("invalid_option", `--${option} must be ${expected} (got "${String(value)}").`);
}

function numberFrom(value: string | number): number {
  return typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value);
}

const MINUTE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Seconds after midnight of an "HH:MM" minute, or undefined when it is not one. */
export function minuteSeconds(text: string): number | undefined {
  const match = MINUTE.exec(text);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 : undefined;
}

/**
 * Validates raw option values; `today` is the default end date and `now` ("HH:MM", the current
 * minute in the report time zone) the default end time when the end date is today.
 */
export function parseGenerateOptions(raw: RawGenerateOptions, today: string, now?: string): GenerateOptions {
  const seed = numberFrom(raw.seed ?? DEFAULT_SEED);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw invalid("seed", raw.seed, "a whole number >= 0");
  }
  const scale = numberFrom(raw.scale ?? DEFAULT_SCALE);
  if (!Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) {
    throw invalid("scale", raw.scale, `a number above 0 and at most ${MAX_SCALE}, e.g. 0.1 or 10`);
  }
  const days = numberFrom(raw.days ?? DEFAULT_DAYS);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw invalid("days", raw.days, `a whole number from 1 to ${MAX_DAYS}`);
  }
  const endDate = raw.endDate ?? today;
  if (parseIsoDay(endDate) === undefined) {
    throw invalid("end-date", raw.endDate, "a calendar date written YYYY-MM-DD");
  }
  if (raw.endTime !== undefined && minuteSeconds(raw.endTime) === undefined) {
    throw invalid("end-time", raw.endTime, "a time of day written HH:MM, 00:00 to 23:59");
  }
  const endTime = raw.endTime ?? (endDate === today ? now : undefined);
  const options = { seed, scale, endDate, days, replace: raw.replace === true };
  return endTime === undefined ? options : { ...options, endTime };
}

/** Entity counts and event volumes for a scale and a window length (scale 1, 365 days = the reference shop). */
export interface Sizes {
  readonly users: number;
  readonly products: number;
  readonly campaigns: number;
  readonly ads: number;
  /** Expected visits in the window, of which `paidClicks` come from ad clicks. */
  readonly sessions: number;
  readonly paidClicks: number;
  readonly orders: number;
}

const REFERENCE = {
  users: 10_000,
  products: 1_000,
  campaigns: 100,
  ads: 1_000,
  sessionsPerYear: 350_000,
  paidShare: 0.3,
  ordersPerYear: 50_000,
};

export function sizesFor(scale: number, days: number): Sizes {
  const perYear = (n: number) => (n * scale * days) / 365;
  const sessions = Math.max(30, perYear(REFERENCE.sessionsPerYear));
  return {
    users: Math.max(30, Math.round(REFERENCE.users * scale)),
    products: Math.max(12, Math.round(REFERENCE.products * scale)),
    campaigns: Math.max(3, Math.round(REFERENCE.campaigns * scale)),
    ads: Math.max(10, Math.round(REFERENCE.ads * scale)),
    sessions,
    paidClicks: sessions * REFERENCE.paidShare,
    orders: Math.max(8, perYear(REFERENCE.ordersPerYear)),
  };
}
