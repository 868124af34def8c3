/**
 * Low-stock alert state per product, `bot_alert_state` (db/schema/042, 110), kind `stock`,
 * keyed by SKU (KPI alerts keep their states in the same table as kind `metric`:
 * metric-alert-state.ts).
 * Decisions are made inside one transaction that locks every state row first
 * (SELECT … ORDER BY sku FOR UPDATE), so concurrent checks on several replicas run one
 * after the other and the second finds the first one's decisions already made. The
 * changes a decision makes (markFiring, markRecovered) take that transaction.
 */
import type { ExpressionBuilder, Selectable, Updateable } from "kysely";
import type { BotStateDb, BotStateTransaction } from "../db/bot-state/bot-state-db.js";
import type { BotAlertStateTable, BotTables } from "../db/bot-state/bot-tables.js";
import { againOnDeadlock } from "../db/bot-state/sql-errors.js";
import { fromSqlTime, fromSqlTimeOrNull, toSqlTime } from "../db/bot-state/sql-time.js";

export type AlertStateName = "ok" | "firing" | "snoozed";

export interface AlertState {
  readonly sku: string;
  readonly productName: string;
  readonly state: AlertStateName;
  readonly since: Date;
  readonly firedAt: Date | null;
  readonly claimedBy: string | null;
  /** The tag of the alert a check began posting for this product, and when (markPosting). */
  readonly postTag: string | null;
  readonly postStartedAt: Date | null;
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

/** This module's rows of bot_alert_state. */
const STOCK = "stock";

function toAlertState(row: Selectable<BotAlertStateTable>): AlertState {
  return {
    sku: row.sku,
    productName: row.product_name,
    state: row.state as AlertStateName,
    since: fromSqlTime(row.since),
    firedAt: fromSqlTimeOrNull(row.fired_at),
    claimedBy: row.claimed_by,
    postTag: row.post_tag,
    postStartedAt: fromSqlTimeOrNull(row.post_started_at),
    alertTarget: row.alert_target,
    alertMessageId: row.alert_message_id,
    sendError: row.send_error,
    snoozedUntil: fromSqlTimeOrNull(row.snoozed_until),
  };
}

export async function listAlertStates(db: BotStateDb): Promise<AlertState[]> {
  const rows = await db
    .selectFrom("bot_alert_state")
    .selectAll()
    .where("kind", "=", STOCK)
    .orderBy("sku")
    .execute();
  return rows.map(toAlertState);
}

/** Makes sure every product has a row (state ok) so the transaction can lock it. */
export async function ensureAlertRows(
  db: BotStateDb,
  products: readonly { readonly sku: string; readonly product: string }[],
  at: Date,
): Promise<void> {
  if (products.length === 0) return;
  const now = toSqlTime(at);
  await db
    .insertInto("bot_alert_state")
    .ignore()
    .values(
      products.map((p) => ({
        sku: p.sku,
        product_name: p.product.slice(0, 255),
        state: "ok",
        since: now,
        updated_at: now,
      })),
    )
    .execute();
}

/** Runs `decide` with every state row locked, inside one transaction on one connection. */
export function withLockedStates<T>(
  db: BotStateDb,
  decide: (states: AlertState[], trx: BotStateTransaction) => Promise<T>,
  afterLock?: () => Promise<void>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("bot_alert_state")
      .selectAll()
      .where("kind", "=", STOCK)
      .orderBy("sku")
      .forUpdate()
      .execute();
    await afterLock?.();
    return decide(rows.map(toAlertState), trx);
  });
}

/**
 * Moves a locked product to state `next` with `changes`. `since` is assigned before `state`
 * on purpose: MySQL and MariaDB assign left to right, so the CASE still sees the old state
 * and a product already in `next` keeps its `since`.
 */
async function moveTo(
  trx: BotStateTransaction,
  sku: string,
  next: AlertStateName,
  at: Date,
  changes: Updateable<BotAlertStateTable>,
): Promise<void> {
  const now = toSqlTime(at);
  await trx
    .updateTable("bot_alert_state")
    .set((eb) => ({
      since: eb.case().when("state", "=", next).then(eb.ref("since")).else(now).end(),
      state: next,
      ...changes,
      updated_at: now,
    }))
    .where("kind", "=", STOCK)
    .where("sku", "=", sku)
    .execute();
}

/**
 * A locked product goes (or stays) firing, claimed by this check for a new alert. With
 * `keepPost` (an earlier check may have posted its alert), what that check began posting
 * (tag, time, target) is kept so this one can look for it; otherwise it is forgotten.
 */
export function markFiring(
  trx: BotStateTransaction,
  item: { readonly sku: string; readonly product: string },
  replicaId: string,
  at: Date,
  keepPost: boolean,
): Promise<void> {
  return moveTo(trx, item.sku, "firing", at, {
    product_name: item.product.slice(0, 255),
    fired_at: toSqlTime(at),
    claimed_by: replicaId,
    ...(keepPost ? {} : { post_tag: null, post_started_at: null, alert_target: null }),
    alert_message_id: null,
    send_error: null,
    snoozed_until: null,
  });
}

/** A locked product is back above its level: state `next`, its alert thread forgotten. */
export function markRecovered(
  trx: BotStateTransaction,
  sku: string,
  next: "ok" | "snoozed",
  at: Date,
): Promise<void> {
  // A snooze that is still on keeps its end; back to ok clears it.
  return moveTo(trx, sku, next, at, {
    alert_message_id: null,
    post_tag: null,
    post_started_at: null,
    ...(next === "ok" ? { snoozed_until: null } : {}),
  });
}

/** Only the products `claim` moved to firing, while it still owns them. */
const ownedBy = (claim: AlertClaim) => (eb: ExpressionBuilder<BotTables, "bot_alert_state">) =>
  eb.and([
    eb("kind", "=", STOCK),
    eb("state", "=", "firing"),
    eb("claimed_by", "=", claim.replicaId),
    eb("fired_at", "=", toSqlTime(claim.firedAt)),
    eb("sku", "in", claim.skus),
  ]);

/**
 * Records, before the post, that `claim` is posting the alert tagged `tag` to `target`;
 * how many of its products it still owned (fewer than claimed: another check took over).
 */
export async function markPosting(
  db: BotStateDb,
  claim: AlertClaim,
  target: string,
  tag: string,
  at: Date,
): Promise<number> {
  const now = toSqlTime(at);
  const result = await againOnDeadlock(db, () =>
    db
      .updateTable("bot_alert_state")
      .set({ post_tag: tag.slice(0, 64), post_started_at: now, alert_target: target, updated_at: now })
      .where(ownedBy(claim))
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows);
}

/** Records the posted alert on the products it claimed (fenced by the claim); how many it updated. */
export async function recordAlertPosted(
  db: BotStateDb,
  claim: AlertClaim,
  target: string,
  messageId: string,
  at: Date,
): Promise<number> {
  const result = await againOnDeadlock(db, () =>
    db
      .updateTable("bot_alert_state")
      .set({
        alert_target: target,
        alert_message_id: messageId.slice(0, 255),
        send_error: null,
        updated_at: toSqlTime(at),
      })
      .where(ownedBy(claim))
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows);
}

/** Records that posting the alert failed: a later check claims the products again. */
export async function recordAlertFailed(
  db: BotStateDb,
  claim: AlertClaim,
  code: string,
  at: Date,
): Promise<void> {
  await againOnDeadlock(db, () =>
    db
      .updateTable("bot_alert_state")
      .set({ send_error: code.slice(0, 64), updated_at: toSqlTime(at) })
      .where(ownedBy(claim))
      .execute(),
  );
}

/** Snoozes products until `until`: no alert for them before then (the alert's snooze button). */
export async function snoozeProducts(
  db: BotStateDb,
  skus: readonly string[],
  until: Date,
  at: Date,
): Promise<void> {
  const now = toSqlTime(at);
  const snoozed = { state: "snoozed", since: now, snoozed_until: toSqlTime(until), updated_at: now };
  for (const sku of new Set(skus.map((s) => s.trim()).filter(Boolean))) {
    // The update binds the same values again rather than VALUES(col), which MySQL 8.0.20+
    // deprecates, and the row alias MySQL prefers instead, which MariaDB lacks.
    await db
      .insertInto("bot_alert_state")
      .values({ sku: sku.slice(0, 32), product_name: sku, ...snoozed })
      .onDuplicateKeyUpdate(snoozed)
      .execute();
  }
}
