/**
 * Low-stock alert state per product, `bot_alert_state` (db/schema/042), keyed by SKU.
 * Decisions are made inside one transaction that locks every state row first
 * (SELECT … ORDER BY sku FOR UPDATE), so concurrent checks on several replicas run one
 * after the other and the second finds the first one's decisions already made.
 */
import type { PoolConnection } from "mysql2/promise";
import {
  fromSqlTime,
  fromSqlTimeOrNull,
  type Row,
  type ScheduleDb,
  toSqlTime,
  type WriteResult,
} from "./schedule-db.js";

export type AlertStateName = "ok" | "firing" | "snoozed";

export interface AlertState {
  readonly sku: string;
  readonly productName: string;
  readonly state: AlertStateName;
  readonly since: Date;
  readonly firedAt: Date | null;
  readonly claimedBy: string | null;
  readonly alertTarget: string | null;
  /** The posted alert (thread for the recovery note); null while not (yet) posted. */
  readonly alertMessageId: string | null;
  readonly sendError: string | null;
  readonly snoozedUntil: Date | null;
}

/** The check that claimed a set of products for one alert message. */
export interface AlertClaim {
  readonly skus: readonly string[];
  readonly firedAt: Date;
  readonly replicaId: string;
}

const COLUMNS = `sku, product_name, state, since, fired_at, claimed_by, alert_target, alert_message_id,
  send_error, snoozed_until`;

function toAlertState(row: Row): AlertState {
  const text = (value: unknown) => (value === null ? null : String(value));
  return {
    sku: String(row.sku),
    productName: String(row.product_name),
    state: String(row.state) as AlertStateName,
    since: fromSqlTime(row.since),
    firedAt: fromSqlTimeOrNull(row.fired_at),
    claimedBy: text(row.claimed_by),
    alertTarget: text(row.alert_target),
    alertMessageId: text(row.alert_message_id),
    sendError: text(row.send_error),
    snoozedUntil: fromSqlTimeOrNull(row.snoozed_until),
  };
}

export async function listAlertStates(db: ScheduleDb): Promise<AlertState[]> {
  const [rows] = await db.execute<Row[]>(`SELECT ${COLUMNS} FROM bot_alert_state ORDER BY sku`);
  return rows.map(toAlertState);
}

/** Makes sure every product has a row (state ok) so the transaction can lock it. */
export async function ensureAlertRows(
  db: ScheduleDb,
  products: readonly { readonly sku: string; readonly product: string }[],
  at: Date,
): Promise<void> {
  if (products.length === 0) return;
  const now = toSqlTime(at);
  await db.execute(
    `INSERT IGNORE INTO bot_alert_state (sku, product_name, state, since, updated_at) VALUES ${products
      .map(() => "(?, ?, 'ok', ?, ?)")
      .join(", ")}`,
    products.flatMap((p) => [p.sku, p.product.slice(0, 255), now, now]),
  );
}

/** Runs `decide` with every state row locked, inside one transaction on one connection. */
export async function withLockedStates<T>(
  db: ScheduleDb,
  decide: (states: AlertState[], connection: PoolConnection) => Promise<T>,
  afterLock?: () => Promise<void>,
): Promise<T> {
  const connection = await db.getConnection();
  try {
    await connection.beginTransaction();
    try {
      const [rows] = await connection.execute<Row[]>(
        `SELECT ${COLUMNS} FROM bot_alert_state ORDER BY sku FOR UPDATE`,
      );
      await afterLock?.();
      const result = await decide(rows.map(toAlertState), connection);
      await connection.commit();
      return result;
    } catch (error) {
      await connection.rollback().catch(() => undefined);
      throw error;
    }
  } finally {
    connection.release();
  }
}

const inList = (count: number) => Array.from({ length: count }, () => "?").join(", ");

/** Records the posted alert on the products it claimed (fenced by the claim). */
export async function recordAlertPosted(
  db: ScheduleDb,
  claim: AlertClaim,
  target: string,
  messageId: string,
  at: Date,
): Promise<number> {
  const [result] = await db.execute<WriteResult>(
    `UPDATE bot_alert_state SET alert_target = ?, alert_message_id = ?, send_error = NULL, updated_at = ?
     WHERE state = 'firing' AND claimed_by = ? AND fired_at = ? AND sku IN (${inList(claim.skus.length)})`,
    [
      target,
      messageId.slice(0, 255),
      toSqlTime(at),
      claim.replicaId,
      toSqlTime(claim.firedAt),
      ...claim.skus,
    ],
  );
  return result.affectedRows;
}

/** Records that posting the alert failed: a later check claims the products again. */
export async function recordAlertFailed(
  db: ScheduleDb,
  claim: AlertClaim,
  code: string,
  at: Date,
): Promise<void> {
  await db.execute(
    `UPDATE bot_alert_state SET send_error = ?, updated_at = ?
     WHERE state = 'firing' AND claimed_by = ? AND fired_at = ? AND sku IN (${inList(claim.skus.length)})`,
    [code.slice(0, 64), toSqlTime(at), claim.replicaId, toSqlTime(claim.firedAt), ...claim.skus],
  );
}

/** Snoozes products until `until`: no alert for them before then (the alert's snooze button). */
export async function snoozeProducts(
  db: ScheduleDb,
  skus: readonly string[],
  until: Date,
  at: Date,
): Promise<void> {
  const now = toSqlTime(at);
  for (const sku of new Set(skus.map((s) => s.trim()).filter(Boolean))) {
    await db.execute(
      `INSERT INTO bot_alert_state (sku, product_name, state, since, snoozed_until, updated_at)
       VALUES (?, ?, 'snoozed', ?, ?, ?)
       ON DUPLICATE KEY UPDATE state = 'snoozed', since = VALUES(since),
         snoozed_until = VALUES(snoozed_until), updated_at = VALUES(updated_at)`,
      [sku.slice(0, 32), sku, now, toSqlTime(until), now],
    );
  }
}
