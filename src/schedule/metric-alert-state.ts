/**
 * The states of alerts on a KPI in `bot_alert_state` (kind `metric`, sku = the alert's id),
 * next to the low-stock states (alert-state-store.ts). A check locks the rows of the alerts
 * it judges (SELECT … FOR UPDATE, in id order) and decides, records and claims the messages in
 * that one transaction, so replicas checking at once run one after the other and the later
 * ones find the decisions made.
 */
import type { Selectable } from "kysely";
import type { BotStateDb, BotStateTransaction } from "../db/bot-state/bot-state-db.js";
import type { BotAlertStateTable } from "../db/bot-state/bot-tables.js";
import { fromSqlTimeOrNull, toSqlTime } from "../db/bot-state/sql-time.js";
import type { AlertStateName } from "./alert-state-store.js";
import type { MetricAlertState } from "./alert-transitions.js";

const METRIC = "metric";

export interface StoredMetricState extends MetricAlertState {
  readonly alertId: number;
  readonly lastValue: number | null;
}

function toState(row: Selectable<BotAlertStateTable>): StoredMetricState {
  return {
    alertId: Number(row.sku),
    state: row.state as AlertStateName,
    firedAt: fromSqlTimeOrNull(row.fired_at),
    snoozedUntil: fromSqlTimeOrNull(row.snoozed_until),
    remindedAt: fromSqlTimeOrNull(row.reminded_at),
    lastWindow: row.last_window,
    lastValue: row.last_value === null ? null : Number(row.last_value),
    noDataWindows: Number(row.no_data_windows),
    noDataReported: Number(row.no_data_reported) === 1,
  };
}

/** Makes sure each alert has a state row (ok) so a check can lock it. */
export async function ensureMetricStates(db: BotStateDb, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  const now = toSqlTime(at);
  await db
    .insertInto("bot_alert_state")
    .ignore()
    .values(
      ids.map((id) => ({
        kind: METRIC,
        sku: String(id),
        product_name: "",
        state: "ok",
        since: now,
        updated_at: now,
      })),
    )
    .execute();
}

export async function listMetricStates(db: BotStateDb): Promise<Map<number, StoredMetricState>> {
  const rows = await db.selectFrom("bot_alert_state").selectAll().where("kind", "=", METRIC).execute();
  return new Map(rows.map((r) => [Number(r.sku), toState(r)]));
}

/** Runs `decide` with the states of these alerts locked, in one transaction. */
export function withLockedMetricStates<T>(
  db: BotStateDb,
  ids: readonly number[],
  decide: (states: Map<number, StoredMetricState>, trx: BotStateTransaction) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const keys = [...new Set(ids)].sort((a, b) => a - b).map(String);
    const rows =
      keys.length === 0
        ? []
        : await trx
            .selectFrom("bot_alert_state")
            .selectAll()
            .where("kind", "=", METRIC)
            .where("sku", "in", keys)
            .orderBy("sku")
            .forUpdate()
            .execute();
    return decide(new Map(rows.map((r) => [Number(r.sku), toState(r)])), trx);
  });
}

/** Records a locked alert's next state and the value just checked. */
export async function saveMetricState(
  trx: BotStateTransaction,
  id: number,
  previous: MetricAlertState,
  next: MetricAlertState,
  value: number | null,
  at: Date,
): Promise<void> {
  const now = toSqlTime(at);
  const time = (d: Date | null) => (d ? toSqlTime(d) : null);
  await trx
    .updateTable("bot_alert_state")
    .set({
      state: next.state,
      ...(next.state !== previous.state ? { since: now } : {}),
      fired_at: time(next.firedAt),
      snoozed_until: time(next.snoozedUntil),
      reminded_at: time(next.remindedAt),
      last_window: next.lastWindow,
      last_value: value !== null && Number.isFinite(value) ? value : null,
      no_data_windows: Math.min(next.noDataWindows, 60_000),
      no_data_reported: next.noDataReported ? 1 : 0,
      updated_at: now,
    })
    .where("kind", "=", METRIC)
    .where("sku", "=", String(id))
    .execute();
}

/** Snoozes an alert until `until` (its Snooze 24 h button): no message before then. */
export async function snoozeMetricAlert(db: BotStateDb, id: number, until: Date, at: Date): Promise<void> {
  await ensureMetricStates(db, [id], at);
  const now = toSqlTime(at);
  await db
    .updateTable("bot_alert_state")
    .set({ state: "snoozed", since: now, snoozed_until: toSqlTime(until), updated_at: now })
    .where("kind", "=", METRIC)
    .where("sku", "=", String(id))
    .execute();
}
