/**
 * Digest subscriptions in `bot_subscriptions` (db/schema/040): add, list (one target or
 * all), remove, pause, resume. Everything is validated before it is stored; times come
 * from the caller's clock.
 */
import type { Area } from "../commands/areas.js";
import { UserError } from "../errors.js";
import { fromSqlTime, type Row, type ScheduleDb, toSqlTime, type WriteResult } from "./schedule-db.js";
import { defaultPeriodFor, type Schedule, type ScheduleKind, scheduleFromCron } from "./schedule-phrase.js";
import { checkFilters, parseAreas, parsePeriodWord } from "./subscription-input.js";
import { parseTarget, type Target, targetToText } from "./target.js";

export interface Subscription {
  readonly id: number;
  readonly target: Target;
  readonly areas: readonly Area[];
  /** A period word or form, resolved at each slot in the subscription's zone. */
  readonly period: string;
  /** Filter words (`platform=meta city=Berlin`), or null. */
  readonly filters: string | null;
  readonly schedule: Schedule;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** Created or last resumed: no slot at or before this instant is ever sent. */
  readonly activeSince: Date;
  readonly paused: boolean;
}

export interface NewSubscription {
  readonly target: string | Target;
  readonly areas: string | readonly string[];
  readonly schedule: Schedule;
  /** Defaults by schedule kind: daily → yesterday, weekly → last-7d, monthly → last-month. */
  readonly period?: string;
  readonly filters?: string;
  /** Who asked: a Slack/Teams user id, or `cli` for operators. */
  readonly createdBy: string;
}

/** Restricts an operation to one target (chat: "only this channel's subscriptions"). */
export interface Scope {
  readonly target?: Target;
}

const COLUMNS = `subscription_id, target, areas, period, filters, schedule_kind, cron, time_zone,
  created_by, created_at, active_since, paused`;

function toSubscription(row: Row): Subscription {
  return {
    id: Number(row.subscription_id),
    target: parseTarget(String(row.target)),
    areas: String(row.areas).split(",") as Area[],
    period: String(row.period),
    filters: row.filters === null ? null : String(row.filters),
    schedule: {
      kind: String(row.schedule_kind) as ScheduleKind,
      cron: String(row.cron),
      timeZone: String(row.time_zone),
    },
    createdBy: String(row.created_by),
    createdAt: fromSqlTime(row.created_at),
    activeSince: fromSqlTime(row.active_since),
    paused: Number(row.paused) === 1,
  };
}

export async function addSubscription(
  db: ScheduleDb,
  input: NewSubscription,
  now: Date,
): Promise<Subscription> {
  const target = typeof input.target === "string" ? parseTarget(input.target) : input.target;
  const checked = scheduleFromCron(input.schedule.cron, input.schedule.timeZone);
  const schedule = { ...checked, kind: input.schedule.kind };
  const areas = parseAreas(input.areas);
  const period = parsePeriodWord(input.period ?? defaultPeriodFor(schedule.kind));
  const filters = checkFilters(areas, period, input.filters);
  const createdBy = input.createdBy.trim().slice(0, 255) || "unknown";
  const at = toSqlTime(now);
  const [result] = await db.execute<WriteResult>(
    `INSERT INTO bot_subscriptions (target, areas, period, filters, schedule_kind, cron, time_zone,
       created_by, created_at, active_since, paused, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
    [
      targetToText(target),
      areas.join(","),
      period,
      filters,
      schedule.kind,
      schedule.cron,
      schedule.timeZone,
      createdBy,
      at,
      at,
      at,
    ],
  );
  return {
    id: result.insertId,
    target,
    areas,
    period,
    filters,
    schedule,
    createdBy,
    createdAt: now,
    activeSince: now,
    paused: false,
  };
}

/** All subscriptions (or one target's), oldest first. */
export async function listSubscriptions(db: ScheduleDb, scope: Scope = {}): Promise<Subscription[]> {
  const [rows] = scope.target
    ? await db.execute<Row[]>(
        `SELECT ${COLUMNS} FROM bot_subscriptions WHERE target = ? ORDER BY subscription_id`,
        [targetToText(scope.target)],
      )
    : await db.execute<Row[]>(`SELECT ${COLUMNS} FROM bot_subscriptions ORDER BY subscription_id`);
  return rows.map(toSubscription);
}

export async function getSubscription(
  db: ScheduleDb,
  id: number,
  scope: Scope = {},
): Promise<Subscription | undefined> {
  const [rows] = await db.execute<Row[]>(
    `SELECT ${COLUMNS} FROM bot_subscriptions WHERE subscription_id = ?`,
    [id],
  );
  const found = rows[0] ? toSubscription(rows[0]) : undefined;
  if (found && scope.target && targetToText(found.target) !== targetToText(scope.target)) return undefined;
  return found;
}

function notFound(id: number, scope: Scope): UserError {
  const where = scope.target ? " in this channel" : "";
  return new UserError("subscription_not_found", `No subscription with id ${id}${where}.`);
}

/** Parses an id as typed (`12` or `#12`), or throws a UserError. */
export function parseSubscriptionId(text: string): number {
  const match = /^#?(\d{1,15})$/.exec(text.trim());
  if (!match) {
    const shown = text.replace(/[`\p{C}]/gu, "").slice(0, 20);
    throw new UserError(
      "invalid_subscription_id",
      `\`${shown}\` is not a subscription id: use the number shown by the list, e.g. 12.`,
    );
  }
  return Number(match[1]);
}

/** Removes a subscription and its delivery history; throws a UserError when there is none (in scope). */
export async function removeSubscription(
  db: ScheduleDb,
  id: number,
  scope: Scope = {},
): Promise<Subscription> {
  const found = await getSubscription(db, id, scope);
  if (!found) throw notFound(id, scope);
  await db.execute("DELETE FROM bot_subscriptions WHERE subscription_id = ?", [id]);
  return found;
}

/** Pauses (no slot is sent or recorded while paused) or resumes (slots count again from now). */
export async function setPaused(
  db: ScheduleDb,
  id: number,
  paused: boolean,
  now: Date,
  scope: Scope = {},
): Promise<Subscription> {
  const found = await getSubscription(db, id, scope);
  if (!found) throw notFound(id, scope);
  if (found.paused === paused) return found;
  const at = toSqlTime(now);
  await db.execute(
    `UPDATE bot_subscriptions SET paused = ?, updated_at = ?,
       active_since = CASE WHEN ? = 0 THEN GREATEST(?, created_at) ELSE active_since END
     WHERE subscription_id = ?`,
    [paused ? 1 : 0, at, paused ? 1 : 0, at, id],
  );
  return (await getSubscription(db, id)) ?? found;
}
