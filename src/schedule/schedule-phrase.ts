/**
 * Schedules as people write them in chat, turned into a cron expression and a zone:
 *
 *   daily 09:00 [zone]        →  0 9 * * *
 *   weekly mon 09:00 [zone]   →  0 9 * * 1
 *   monthly 1 09:00 [zone]    →  0 9 1 * *     (days 1-28: every month has them)
 *   cron "0 9 * * 1-5" [zone] →  as written    (the quotes may be left off)
 *
 * The zone is an IANA name (Europe/Berlin); without one the report zone is used. Each kind
 * has a default period: daily → yesterday, weekly → last-7d, monthly → last-month, and a
 * cron expression gets the default of the kind it amounts to (yesterday otherwise).
 */
import { quoted, UserError } from "../errors.js";
import { parseCron } from "./cron-parse.js";
import { canonicalTimeZone } from "./zone-time.js";

export type ScheduleKind = "daily" | "weekly" | "monthly" | "cron";

export interface Schedule {
  readonly kind: ScheduleKind;
  readonly cron: string;
  readonly timeZone: string;
}

export const SCHEDULE_EXAMPLES =
  'daily 09:00 Europe/Berlin, weekly mon 09:00, monthly 1 09:00 or cron "0 9 * * 1-5"';

const DEFAULT_PERIODS: Readonly<Record<ScheduleKind, string>> = {
  daily: "yesterday",
  weekly: "last-7d",
  monthly: "last-month",
  cron: "yesterday",
};

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const FULL_WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

export function scheduleError(problem: string): UserError {
  return new UserError("invalid_schedule", `${problem} Examples: ${SCHEDULE_EXAMPLES}.`);
}

const shown = (word: string): string => quoted(word, 30);

function parseTime(word: string | undefined): { hour: number; minute: number } {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(word ?? "");
  if (!match) {
    throw scheduleError(
      word === undefined
        ? "The schedule needs a time of day (24-hour HH:MM)."
        : `Invalid time ${shown(word)}: write the time as 24-hour HH:MM, e.g. 09:00 or 17:30.`,
    );
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function parseWeekday(word: string | undefined): number {
  const lower = (word ?? "").toLowerCase();
  const index = Math.max(WEEKDAYS.indexOf(lower), FULL_WEEKDAYS.indexOf(lower));
  if (index < 0) {
    throw scheduleError(
      `Invalid day ${shown(word ?? "(none)")}: weekly takes a day mon, tue, wed, thu, fri, sat or sun.`,
    );
  }
  return index;
}

function parseMonthDay(word: string | undefined): number {
  const match = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(word ?? "");
  const day = match ? Number(match[1]) : Number.NaN;
  if (!(day >= 1 && day <= 28)) {
    throw scheduleError(
      `Invalid day of month ${shown(word ?? "(none)")}: monthly takes a day 1-28 (every month has those; use cron for others).`,
    );
  }
  return day;
}

/** Splits text into words, keeping "double-quoted" parts whole (quotes removed). */
export function scheduleWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|\u201C([^\u201D]*)\u201D|(\S+)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? "",
  );
}

/** Parses schedule words (`["daily", "09:00", "Europe/Berlin"]`); throws a one-line UserError with examples. */
export function parseSchedulePhrase(words: readonly string[], defaultTimeZone: string): Schedule {
  const [first, ...rest] = words;
  const kind = (first ?? "").toLowerCase();
  let cron: string;
  let remaining: readonly string[];
  if (kind === "daily") {
    const { hour, minute } = parseTime(rest[0]);
    [cron, remaining] = [`${minute} ${hour} * * *`, rest.slice(1)];
  } else if (kind === "weekly") {
    const day = parseWeekday(rest[0]);
    const { hour, minute } = parseTime(rest[1]);
    [cron, remaining] = [`${minute} ${hour} * * ${day}`, rest.slice(2)];
  } else if (kind === "monthly") {
    const day = parseMonthDay(rest[0]);
    const { hour, minute } = parseTime(rest[1]);
    [cron, remaining] = [`${minute} ${hour} ${day} * *`, rest.slice(2)];
  } else if (kind === "cron") {
    const quoted = rest[0]?.includes(" ") ?? false;
    const take = quoted ? 1 : Math.min(5, rest.length);
    [cron, remaining] = [rest.slice(0, take).join(" "), rest.slice(take)];
    parseCron(cron);
  } else {
    throw scheduleError(
      first === undefined ? "The schedule is missing." : `Unknown schedule ${shown(first)}.`,
    );
  }
  if (remaining.length > 1) {
    throw scheduleError(`Unexpected ${shown(remaining[1] ?? "")} after the time zone.`);
  }
  const timeZone = canonicalTimeZone(remaining[0] ?? defaultTimeZone);
  return { kind: kind === "cron" ? kindOfCron(cron) : kind, cron: parseCron(cron).source, timeZone };
}

/** Parses a schedule written as one string: `daily 09:00 Europe/Berlin`, `cron "0 9 * * 1-5"`. */
export function parseScheduleText(text: string, defaultTimeZone: string): Schedule {
  return parseSchedulePhrase(scheduleWords(text), defaultTimeZone);
}

/** A schedule from a cron expression and zone (the CLI's --cron/--tz): its kind is what it amounts to. */
export function scheduleFromCron(cron: string, timeZone: string): Schedule {
  const spec = parseCron(cron);
  return { kind: kindOfCron(spec.source), cron: spec.source, timeZone: canonicalTimeZone(timeZone) };
}

/** daily "M H * * *", weekly "M H * * D", monthly "M H D * *" (single numbers), else cron. */
export function kindOfCron(cron: string): ScheduleKind {
  const [minute, hour, dom, month, dow] = parseCron(cron).source.split(" ");
  const single = (field: string | undefined) => field !== undefined && /^\d{1,2}$/.test(field);
  if (!single(minute) || !single(hour) || month !== "*") return "cron";
  if (dom === "*" && dow === "*") return "daily";
  if (dom === "*" && (single(dow) || WEEKDAYS.includes(dow?.toLowerCase() ?? ""))) return "weekly";
  if (single(dom) && dow === "*") return "monthly";
  return "cron";
}

export function defaultPeriodFor(kind: ScheduleKind): string {
  return DEFAULT_PERIODS[kind];
}

/** How a schedule reads back: `daily 09:00 Europe/Berlin`, `cron "0 9 * * 1-5" UTC`. */
export function describeSchedule(schedule: Schedule): string {
  const [minute, hour, dom, , dow] = schedule.cron.split(" ");
  const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  const dayName = (d: string | undefined) => WEEKDAYS[Number(d) % 7] ?? d?.toLowerCase();
  if (schedule.kind === "daily") return `daily ${time} ${schedule.timeZone}`;
  if (schedule.kind === "weekly") return `weekly ${dayName(dow)} ${time} ${schedule.timeZone}`;
  if (schedule.kind === "monthly") return `monthly ${dom} ${time} ${schedule.timeZone}`;
  return `cron "${schedule.cron}" ${schedule.timeZone}`;
}
