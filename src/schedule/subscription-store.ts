/**
 * Digest subscriptions in `bot_subscriptions` (db/schema/040; the rows with an `alert` are
 * alerts on a KPI, metric-alert-store.ts): add, list (one target or
 * all), remove, pause, resume. Everything is validated before it is stored; a stored row is
 * read back into structure (the period as a spec, the filters as a map), so a digest builds
 * its queries from the subscription directly. Times come from the caller's clock.
 */
import { type Selectable, sql } from "kysely";
import type { Filters, PeriodSpec } from "../answer/query.js";
import { periodSpecToText } from "../answer/query.js";
import type { Area } from "../areas/registry.js";
import { filtersToText } from "../commands/command-text.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import type { BotSubscriptionsTable } from "../db/bot-state/bot-tables.js";
import { fromSqlTime, toSqlTime } from "../db/bot-state/sql-time.js";
import { quoted, UserError } from "../errors.js";
import { nextSlot } from "./cron.js";
import { defaultPeriodFor, type Schedule, type ScheduleKind, scheduleFromCron } from "./schedule-phrase.js";
import { parseAreas, parsePeriodWord, parseSubscriptionFilters } from "./subscription-input.js";
import { storedTarget, type Target, targetToText } from "./target.js";
import { formatWallInZone } from "./zone-time.js";

export interface Subscription {
  readonly id: number;
  readonly target: Target;
  readonly areas: readonly Area[];
  /** The period as written, resolved at each slot in the subscription's zone. */
  readonly period: PeriodSpec;
  /** The filters every area's query has (typed values, matched when the digest runs). */
  readonly filters: Filters;
  readonly schedule: Schedule;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** Created or last resumed: no slot at or before this instant is ever sent. */
  readonly activeSince: Date;
  readonly paused: boolean;
  /** Sent only when a KPI moved (and a "nothing unusual" line once a week). */
  readonly quiet: boolean;
}

export interface NewSubscription {
  /** Where it goes, checked by its platform's rules (config.chat.parseTarget). */
  readonly target: Target;
  readonly areas: string | readonly string[];
  readonly schedule: Schedule;
  /** Defaults by schedule kind: daily → yesterday, weekly → last-7d, monthly → last-month. */
  readonly period?: string;
  readonly filters?: string;
  /** Who asked: a Slack/Teams user id, or `cli` for operators. */
  readonly createdBy: string;
  /** `--quiet`: send only when something moved. */
  readonly quiet?: boolean;
}

/** What a subscription sends, as a person types it: `campaigns, orders platform=meta` (areas joined by `separator`). */
export function subscriptionWhat(s: Subscription, separator = ", "): string {
  const filters = filtersToText(s.filters);
  return `${s.areas.join(separator)}${filters === "" ? "" : ` ${filters}`}`;
}

/** Its next slot after `now`, or null when it is paused or its schedule never comes round again. */
export function nextRunAt(s: Subscription, now: Date): Date | null {
  return s.paused ? null : (nextSlot(s.schedule.cron, s.schedule.timeZone, now) ?? null);
}

/** When it runs next, in its zone ("Wed Nov 25, 2026 09:00 Europe/Berlin"), or "paused" / "never". */
export function nextRunText(s: Subscription, now: Date): string {
  if (s.paused) return "paused";
  const next = nextRunAt(s, now);
  return next ? formatWallInZone(next, s.schedule.timeZone) : "never";
}

/** Restricts an operation to one target (chat: "only this channel's subscriptions"). */
export interface Scope {
  readonly target?: Target;
}

/** A stored row as a subscription; a row that no longer reads (edited by hand) throws a UserError. */
function toSubscription(row: Selectable<BotSubscriptionsTable>): Subscription {
  const areas = parseAreas(row.areas);
  return {
    id: Number(row.subscription_id),
    target: storedTarget(row.target),
    areas,
    period: parsePeriodWord(row.period),
    filters: parseSubscriptionFilters(areas, row.filters),
    schedule: {
      kind: row.schedule_kind as ScheduleKind,
      cron: row.cron,
      timeZone: row.time_zone,
    },
    createdBy: row.created_by,
    createdAt: fromSqlTime(row.created_at),
    activeSince: fromSqlTime(row.active_since),
    paused: Number(row.paused) === 1,
    quiet: Number(row.quiet) === 1,
  };
}

export async function addSubscription(
  db: BotStateDb,
  input: NewSubscription,
  now: Date,
): Promise<Subscription> {
  const target = input.target;
  const checked = scheduleFromCron(input.schedule.cron, input.schedule.timeZone);
  const schedule = { ...checked, kind: input.schedule.kind };
  const areas = parseAreas(input.areas);
  const period = parsePeriodWord(input.period ?? defaultPeriodFor(schedule.kind));
  const filters = parseSubscriptionFilters(areas, input.filters);
  const filterText = filtersToText(filters);
  const createdBy = input.createdBy.trim().slice(0, 255) || "unknown";
  const at = toSqlTime(now);
  const result = await db
    .insertInto("bot_subscriptions")
    .values({
      target: targetToText(target),
      areas: areas.join(","),
      period: periodSpecToText(period),
      filters: filterText === "" ? null : filterText,
      schedule_kind: schedule.kind,
      cron: schedule.cron,
      time_zone: schedule.timeZone,
      created_by: createdBy,
      created_at: at,
      active_since: at,
      paused: 0,
      quiet: input.quiet ? 1 : 0,
      updated_at: at,
    })
    .executeTakeFirstOrThrow();
  return {
    id: Number(result.insertId),
    target,
    areas,
    period,
    filters,
    schedule,
    createdBy,
    createdAt: now,
    activeSince: now,
    paused: false,
    quiet: input.quiet === true,
  };
}

/**
 * All subscriptions (or one target's), oldest first. A row that no longer reads is passed to
 * `unreadable` and left out (a tick logs it and goes on); without it, it throws.
 */
export function listSubscriptions(
  db: BotStateDb,
  scope: Scope = {},
  unreadable?: (id: number, error: unknown) => void,
): Promise<Subscription[]> {
  return readSubscriptionRows(db, "digest", scope, toSubscription, unreadable);
}

/**
 * The rows of one kind (digests, or alerts on a KPI: those with an `alert`), of one target or
 * all, oldest first, each read by `read`; a row `read` refuses goes to `unreadable` (or throws).
 */
export async function readSubscriptionRows<T>(
  db: BotStateDb,
  kind: "digest" | "alert",
  scope: Scope,
  read: (row: Selectable<BotSubscriptionsTable>) => T,
  unreadable?: (id: number, error: unknown) => void,
): Promise<T[]> {
  let query = db
    .selectFrom("bot_subscriptions")
    .selectAll()
    .where("alert", kind === "digest" ? "is" : "is not", null)
    .orderBy("subscription_id");
  if (scope.target) query = query.where("target", "=", targetToText(scope.target));
  const found: T[] = [];
  for (const row of await query.execute()) {
    try {
      found.push(read(row));
    } catch (error) {
      if (!unreadable) throw error;
      unreadable(Number(row.subscription_id), error);
    }
  }
  return found;
}

export function getSubscription(
  db: BotStateDb,
  id: number,
  scope: Scope = {},
): Promise<Subscription | undefined> {
  return readSubscriptionRow(db, "digest", id, scope, toSubscription);
}

/** The row `id` of one kind read by `read`, or undefined when there is none (in scope). */
export async function readSubscriptionRow<T extends { readonly target: Target }>(
  db: BotStateDb,
  kind: "digest" | "alert",
  id: number,
  scope: Scope,
  read: (row: Selectable<BotSubscriptionsTable>) => T,
): Promise<T | undefined> {
  const row = await db
    .selectFrom("bot_subscriptions")
    .selectAll()
    .where("subscription_id", "=", id)
    .where("alert", kind === "digest" ? "is" : "is not", null)
    .executeTakeFirst();
  const found = row ? read(row) : undefined;
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
    throw new UserError(
      "invalid_subscription_id",
      `${quoted(text, 20)} is not a subscription id: use the number shown by the list, e.g. 12.`,
    );
  }
  return Number(match[1]);
}

/** Removes a subscription and its delivery history; throws a UserError when there is none (in scope). */
export async function removeSubscription(
  db: BotStateDb,
  id: number,
  scope: Scope = {},
): Promise<Subscription> {
  const found = await getSubscription(db, id, scope);
  if (!found) throw notFound(id, scope);
  await deleteSubscriptionRow(db, id);
  return found;
}

/** Deletes a row of bot_subscriptions (a digest or an alert) with its delivery history. */
export async function deleteSubscriptionRow(db: BotStateDb, id: number): Promise<void> {
  await db.deleteFrom("bot_subscriptions").where("subscription_id", "=", id).execute();
}

/** Pauses or resumes a row of bot_subscriptions (a digest or an alert); resuming counts slots from `now`. */
export async function setPausedRow(db: BotStateDb, id: number, paused: boolean, now: Date): Promise<void> {
  const at = toSqlTime(now);
  await db
    .updateTable("bot_subscriptions")
    .set({
      paused: paused ? 1 : 0,
      updated_at: at,
      // Resuming counts slots from now (never before creation: ck_bot_subscriptions_active).
      ...(paused ? {} : { active_since: sql<string>`GREATEST(${at}, created_at)` }),
    })
    .where("subscription_id", "=", id)
    .execute();
}

/** Pauses (no slot is sent or recorded while paused) or resumes (slots count again from now). */
export async function setPaused(
  db: BotStateDb,
  id: number,
  paused: boolean,
  now: Date,
  scope: Scope = {},
): Promise<Subscription> {
  const found = await getSubscription(db, id, scope);
  if (!found) throw notFound(id, scope);
  if (found.paused === paused) return found;
  await setPausedRow(db, id, paused, now);
  return (await getSubscription(db, id)) ?? found;
}
