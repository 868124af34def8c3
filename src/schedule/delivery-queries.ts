/**
 * Reading the delivery ledger: what a tick needs to plan (slots already there, the latest
 * slot per subscription), what it may take over (due retries, stale claims), and a
 * channel's recent deliveries for `/kpi status`.
 */
import { DELIVERY_COLUMNS, type Delivery, toDelivery } from "./delivery-ledger.js";
import { fromSqlTime, type Row, type ScheduleDb, toSqlTime } from "./schedule-db.js";
import { type Target, targetToText } from "./target.js";

/** Slots already in the ledger in (from, to], by subscription id. */
export async function ledgerSlots(db: ScheduleDb, from: Date, to: Date): Promise<Map<number, Set<number>>> {
  const [rows] = await db.execute<Row[]>(
    "SELECT subscription_id, slot_at FROM bot_deliveries WHERE slot_at > ? AND slot_at <= ?",
    [toSqlTime(from), toSqlTime(to)],
  );
  const slots = new Map<number, Set<number>>();
  for (const row of rows) {
    const id = Number(row.subscription_id);
    const set = slots.get(id) ?? new Set<number>();
    set.add(fromSqlTime(row.slot_at).getTime());
    slots.set(id, set);
  }
  return slots;
}

/** The latest slot in the ledger per subscription. */
export async function lastLedgerSlots(db: ScheduleDb): Promise<Map<number, Date>> {
  const [rows] = await db.execute<Row[]>(
    "SELECT subscription_id, MAX(slot_at) AS last_slot FROM bot_deliveries GROUP BY subscription_id",
  );
  return new Map(rows.map((r) => [Number(r.subscription_id), fromSqlTime(r.last_slot)]));
}

/** Deliveries waiting for a retry whose time has come. */
export async function dueRetries(db: ScheduleDb, at: Date): Promise<Delivery[]> {
  const [rows] = await db.execute<Row[]>(
    `SELECT ${DELIVERY_COLUMNS} FROM bot_deliveries WHERE status = 'retrying' AND next_attempt_at <= ?
     ORDER BY next_attempt_at, delivery_id`,
    [toSqlTime(at)],
  );
  return rows.map(toDelivery);
}

/** Claims whose owner has not finished within the stale window (it probably died). */
export async function staleClaims(db: ScheduleDb, at: Date, staleMs: number): Promise<Delivery[]> {
  const [rows] = await db.execute<Row[]>(
    `SELECT ${DELIVERY_COLUMNS} FROM bot_deliveries WHERE status = 'claimed' AND claimed_at < ?
     ORDER BY claimed_at, delivery_id`,
    [toSqlTime(new Date(at.getTime() - staleMs))],
  );
  return rows.map(toDelivery);
}

/** The latest deliveries of one target's subscriptions, newest slot first (`/kpi status`). */
export async function recentDeliveries(db: ScheduleDb, target: Target, limit = 10): Promise<Delivery[]> {
  const [rows] = await db.execute<Row[]>(
    `SELECT ${DELIVERY_COLUMNS.replace(/(\w+)/g, "d.$1")} FROM bot_deliveries d
     JOIN bot_subscriptions s ON s.subscription_id = d.subscription_id
     WHERE s.target = ? ORDER BY d.slot_at DESC, d.delivery_id DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
    [targetToText(target)],
  );
  return rows.map(toDelivery);
}
