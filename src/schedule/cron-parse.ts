/**
 * Five-field cron expressions: minute hour day-of-month month day-of-week. Each field is a
 * comma list of `*`, `n`, `a-b`, with an optional `/step` (`*\/15`, `1-5/2`, `5/10` = 5 to the
 * maximum by 10); months take jan–dec and weekdays sun–sat (0 and 7 are Sunday). As in Vixie
 * cron, when both day fields are restricted (neither starts with `*`) a day matches if EITHER
 * matches ("0 9 1 * mon" = the 1st and every Monday); otherwise both must match.
 */
import { quoted, UserError } from "../errors.js";

export interface CronSpec {
  /** The expression as given, single-spaced. */
  readonly source: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday. */
  readonly daysOfWeek: ReadonlySet<number>;
  readonly dayOfMonthStar: boolean;
  readonly dayOfWeekStar: boolean;
}

export const CRON_EXAMPLE = 'cron "0 9 * * 1-5" (09:00 Monday to Friday)';

interface FieldRule {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** Offset of names[0]: jan = 1, sun = 0. */
  readonly nameBase?: number;
}

const FIELDS: readonly FieldRule[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  {
    name: "month",
    min: 1,
    max: 12,
    names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
    nameBase: 1,
  },
  {
    name: "day of week",
    min: 0,
    max: 7,
    names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
    nameBase: 0,
  },
];

/** Shortest days per month (February: 29), to reject schedules that never fire. */
const LONGEST_MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function cronError(expression: string, problem: string): UserError {
  return new UserError(
    "invalid_cron",
    `Invalid cron expression ${quoted(expression, 60)}: ${problem}. Example: ${CRON_EXAMPLE}.`,
  );
}

function parseValue(text: string, rule: FieldRule, fail: (problem: string) => UserError): number {
  const lower = text.toLowerCase();
  const byName = rule.names?.indexOf(lower) ?? -1;
  if (byName >= 0) return byName + (rule.nameBase ?? 0);
  if (!/^\d{1,2}$/.test(text)) {
    const names = rule.names ? ` or ${rule.names[0]}-${rule.names[rule.names.length - 1]}` : "";
    throw fail(`${rule.name} \`${text.slice(0, 12)}\` is not a number ${rule.min}-${rule.max}${names}`);
  }
  const value = Number(text);
  if (value < rule.min || value > rule.max) {
    throw fail(`${rule.name} ${value} is out of range ${rule.min}-${rule.max}`);
  }
  return value;
}

function parseField(text: string, rule: FieldRule, fail: (problem: string) => UserError): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    const match = /^([^/]+)(?:\/(\d{1,2}))?$/.exec(item);
    if (!match?.[1]) throw fail(`${rule.name} \`${item.slice(0, 12) || "(empty)"}\` is not valid`);
    const step = match[2] === undefined ? 1 : Number(match[2]);
    if (step < 1) throw fail(`${rule.name} step must be at least 1`);
    let low: number;
    let high: number;
    if (match[1] === "*") {
      [low, high] = [rule.min, rule.max];
    } else {
      const [a, b, ...rest] = match[1].split("-");
      if (rest.length > 0 || a === undefined) throw fail(`${rule.name} \`${match[1]}\` is not a range`);
      low = parseValue(a, rule, fail);
      high = b === undefined ? (match[2] === undefined ? low : rule.max) : parseValue(b, rule, fail);
      if (high < low) throw fail(`${rule.name} range ${a}-${b} runs backwards`);
    }
    for (let v = low; v <= high; v += step) values.add(v);
  }
  return values;
}

/** Parses a cron expression, or throws a one-line UserError (code invalid_cron) with an example. */
export function parseCron(expression: string): CronSpec {
  const source = expression.trim().replace(/\s+/g, " ");
  const fail = (problem: string) => cronError(source, problem);
  const parts = source === "" ? [] : source.split(" ");
  if (parts.length !== 5) {
    throw fail(`expected 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`);
  }
  const fields = parts.map((part, i) => parseField(part, FIELDS[i] as FieldRule, fail));
  const [minutes, hours, daysOfMonth, months, weekdays] = fields as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (weekdays.delete(7)) weekdays.add(0);
  const spec: CronSpec = {
    source,
    minutes: [...minutes].sort((a, b) => a - b),
    hours: [...hours].sort((a, b) => a - b),
    daysOfMonth,
    months,
    daysOfWeek: weekdays,
    dayOfMonthStar: parts[2]?.startsWith("*") ?? true,
    dayOfWeekStar: parts[4]?.startsWith("*") ?? true,
  };
  const weekdaysDecide = !spec.dayOfMonthStar && !spec.dayOfWeekStar;
  const someDay = [...months].some((m) =>
    [...daysOfMonth].some((d) => d <= (LONGEST_MONTH_DAYS[m - 1] ?? 31)),
  );
  if (!weekdaysDecide && !someDay) throw fail("that day of month never occurs in those months");
  return spec;
}

/** Whether the schedule fires on a calendar day (month 1-12, weekday 0 = Sunday). */
export function cronMatchesDay(spec: CronSpec, month: number, day: number, weekday: number): boolean {
  if (!spec.months.has(month)) return false;
  const dom = spec.daysOfMonth.has(day);
  const dow = spec.daysOfWeek.has(weekday);
  return spec.dayOfMonthStar || spec.dayOfWeekStar ? dom && dow : dom || dow;
}
