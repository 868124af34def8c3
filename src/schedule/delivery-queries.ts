/**
 * Reading the delivery ledger: what a tick needs to plan (slots already there, the latest
 * slot per subscription), what it may take over (due retries, stale claims), and a
 * channel's recent deliveries for `/kpi status`.
 */
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import { fromSqlTime, toSqlTime } from "../db/bot-state/sql-time.js";
import { DELIVERY_COLUMNS, type Delivery, toDelivery } from "./delivery-row.js";
import { type Target, targetToText } from "./target.js";

/** Slots already in the ledger in (from, to], by subscription id. */
export async function ledgerSlots(db: BotStateDb, from: Date, to: Date): Promise<Map<number, Set<number>>> {
  const rows = await db
    .selectFrom("bot_deliveries")
    .select(["subscription_id", "slot_at"])
    .where("slot_at", ">", toSqlTime(from))
    .where("slot_at", "<=", toSqlTime(to))
    .execute();
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
export async function lastLedgerSlots(db: BotStateDb): Promise<Map<number, Date>> {
  const rows = await db
    .selectFrom("bot_deliveries")
    .select((eb) => ["subscription_id", eb.fn.max("slot_at").as("last_slot")])
    .groupBy("subscription_id")
    .execute();
  return new Map(rows.map((r) => [Number(r.subscription_id), fromSqlTime(r.last_slot)]));
}

/** Deliveries waiting for a retry whose time has come. */
export async function dueRetries(db: BotStateDb, at: Date): Promise<Delivery[]> {
  const rows = await db
    .selectFrom("bot_deliveries")
    .select(DELIVERY_COLUMNS)
    .where("status", "=", "retrying")
    .where("next_attempt_at", "<=", toSqlTime(at))
    .orderBy("next_attempt_at")
    .orderBy("delivery_id")
    .execute();
  return rows.map(toDelivery);
}

/** Claims whose owner has not finished within the stale window (it probably died). */
export async function staleClaims(db: BotStateDb, at: Date, staleMs: number): Promise<Delivery[]> {
  const rows = await db
    .selectFrom("bot_deliveries")
    .select(DELIVERY_COLUMNS)
    .where("status", "=", "claimed")
    .where("claimed_at", "<", toSqlTime(new Date(at.getTime() - staleMs)))
    .orderBy("claimed_at")
    .orderBy("delivery_id")
    .execute();
  return rows.map(toDelivery);
}

/** The latest deliveries of one target's subscriptions, newest slot first (`/kpi status`). */
export async function recentDeliveries(db: BotStateDb, target: Target, limit = 10): Promise<Delivery[]> {
  const rows = await db
    .selectFrom("bot_deliveries as d")
    .innerJoin("bot_subscriptions as s", "s.subscription_id", "d.subscription_id")
    .select(DELIVERY_COLUMNS.map((column) => `d.${column}` as const))
    .where("s.target", "=", targetToText(target))
    .orderBy("d.slot_at", "desc")
    .orderBy("d.delivery_id", "desc")
    .limit(Math.max(1, Math.floor(limit)))
    .execute();
  return rows.map(toDelivery);
}

/** The message id of an alert's latest sent `event` message before `before` (a resolved note's thread). */
export async function lastSentEvent(
  db: BotStateDb,
  subscriptionId: number,
  event: string,
  before: Date,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("bot_deliveries")
    .select("message_id")
    .where("subscription_id", "=", subscriptionId)
    .where("event", "=", event)
    .where("status", "=", "sent")
    .where("slot_at", "<", toSqlTime(before))
    .orderBy("slot_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.message_id ?? undefined;
}

/** The latest delivery of each alert (`kpi alerts list`, `/kpi alerts`: failures show there). */
export async function lastAlertDeliveries(db: BotStateDb): Promise<Map<number, Delivery>> {
  const rows = await db
    .selectFrom("bot_deliveries")
    .select(DELIVERY_COLUMNS)
    .where("event", "is not", null)
    .orderBy("slot_at", "desc")
    .orderBy("delivery_id", "desc")
    .execute();
  const last = new Map<number, Delivery>();
  for (const row of rows) {
    const delivery = toDelivery(row);
    if (!last.has(delivery.subscriptionId)) last.set(delivery.subscriptionId, delivery);
  }
  return last;
}
