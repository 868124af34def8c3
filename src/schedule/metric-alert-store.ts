/**
 * Alerts on a KPI, stored as subscriptions (db/schema/040, 110): the target, the KPI's area,
 * its window (`period`), its filters, the daily check time (`cron`, in `time_zone`) and the
 * pause flag, plus the alert as typed (`alert`), which is read back through the same parser
 * that read it first, so a stored alert means what it meant when it was made.
 */
import type { Selectable } from "kysely";
import { findKpiSeries, type KpiSeriesDefinition } from "../areas/kpi-series/kpi-sources.js";
import { filtersToText } from "../commands/command-text.js";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import type { BotSubscriptionsTable } from "../db/bot-state/bot-tables.js";
import { fromSqlTime, toSqlTime } from "../db/bot-state/sql-time.js";
import { quoted, UserError } from "../errors.js";
import { unitOf } from "../metrics/measures.js";
import { type AlertSpec, alertSpecToText } from "./alert-spec.js";
import { parseAlertText } from "./alert-words.js";
import {
  deleteSubscriptionRow,
  readSubscriptionRow,
  readSubscriptionRows,
  type Scope,
  setPausedRow,
} from "./subscription-store.js";
import { storedTarget, type Target, targetToText } from "./target.js";

export interface MetricAlert {
  readonly id: number;
  readonly target: Target;
  readonly spec: AlertSpec;
  readonly kpi: KpiSeriesDefinition;
  /** When its window is checked each day: `MM HH * * *` in timeZone. */
  readonly cron: string;
  readonly timeZone: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** Created or last resumed: scheduled checks before this are not made. */
  readonly activeSince: Date;
  readonly paused: boolean;
}

export interface NewMetricAlert {
  readonly target: Target;
  readonly spec: AlertSpec;
  readonly createdBy: string;
  /** REPORT_TIMEZONE, for an alert without tz=. */
  readonly defaultTimeZone: string;
  /** KPI_ALERT_TIME, for an alert without `at`. */
  readonly defaultTime: string;
}

/** The alert as typed after `/kpi alert`, canonical: parses back to the same spec. */
export const metricAlertText = (spec: AlertSpec): string => alertSpecToText(spec, unitOf(spec.kpi));

function toMetricAlert(row: Selectable<BotSubscriptionsTable>): MetricAlert {
  const spec = parseAlertText(row.alert ?? "");
  const kpi = findKpiSeries(spec.kpi) as KpiSeriesDefinition;
  return {
    id: Number(row.subscription_id),
    target: storedTarget(row.target),
    spec,
    kpi,
    cron: row.cron,
    timeZone: row.time_zone,
    createdBy: row.created_by,
    createdAt: fromSqlTime(row.created_at),
    activeSince: fromSqlTime(row.active_since),
    paused: Number(row.paused) === 1,
  };
}

export async function addMetricAlert(db: BotStateDb, input: NewMetricAlert, now: Date): Promise<MetricAlert> {
  const { spec } = input;
  const kpi = findKpiSeries(spec.kpi) as KpiSeriesDefinition;
  const [hour, minute] = (spec.at ?? input.defaultTime).split(":").map(Number);
  const cron = `${minute} ${hour} * * *`;
  const timeZone = spec.timeZone ?? input.defaultTimeZone;
  const filters = filtersToText(spec.filters);
  const at = toSqlTime(now);
  const createdBy = input.createdBy.trim().slice(0, 255) || "unknown";
  const result = await db
    .insertInto("bot_subscriptions")
    .values({
      target: targetToText(input.target),
      areas: kpi.area,
      period: spec.window,
      filters: filters === "" ? null : filters,
      alert: metricAlertText(spec),
      schedule_kind: "daily",
      cron,
      time_zone: timeZone,
      created_by: createdBy,
      created_at: at,
      active_since: at,
      paused: 0,
      updated_at: at,
    })
    .executeTakeFirstOrThrow();
  return {
    id: Number(result.insertId),
    target: input.target,
    spec,
    kpi,
    cron,
    timeZone,
    createdBy,
    createdAt: now,
    activeSince: now,
    paused: false,
  };
}

/**
 * Every alert (or one target's), oldest first. A row that no longer reads is passed to
 * `unreadable` and left out; without it, it throws.
 */
export function listMetricAlerts(
  db: BotStateDb,
  scope: Scope = {},
  unreadable?: (id: number, error: unknown) => void,
): Promise<MetricAlert[]> {
  return readSubscriptionRows(db, "alert", scope, toMetricAlert, unreadable);
}

export async function getMetricAlert(db: BotStateDb, id: number, scope: Scope = {}): Promise<MetricAlert> {
  const found = await readSubscriptionRow(db, "alert", id, scope, toMetricAlert);
  if (!found) {
    throw new UserError(
      "alert_not_found",
      `No alert with id ${id}${scope.target ? " in this channel" : ""} — /kpi alerts lists them.`,
    );
  }
  return found;
}

/** Parses an alert id as typed (`12` or `#12`), or throws a UserError. */
export function parseAlertId(text: string | undefined, verb: string): number {
  const match = /^#?(\d{1,15})$/u.exec(text?.trim() ?? "");
  if (!match) {
    throw new UserError(
      "invalid_alert_id",
      `${text ? `${quoted(text, 20)} is not an alert id` : "Which alert?"}: /kpi alert ${verb} <id>, e.g. /kpi alert ${verb} 12 — /kpi alerts lists the ids.`,
    );
  }
  return Number(match[1]);
}

export async function removeMetricAlert(db: BotStateDb, id: number, scope: Scope = {}): Promise<MetricAlert> {
  const found = await getMetricAlert(db, id, scope);
  await db.deleteFrom("bot_alert_state").where("kind", "=", "metric").where("sku", "=", String(id)).execute();
  await deleteSubscriptionRow(db, id);
  return found;
}

/** Pauses (no check, no message: what the alert's Mute button does) or resumes an alert. */
export async function setMetricAlertPaused(
  db: BotStateDb,
  id: number,
  paused: boolean,
  now: Date,
  scope: Scope = {},
): Promise<MetricAlert> {
  const found = await getMetricAlert(db, id, scope);
  if (found.paused !== paused) await setPausedRow(db, id, paused, now);
  return { ...found, paused };
}
