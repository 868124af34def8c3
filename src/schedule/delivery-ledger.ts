/**
 * The delivery ledger, `bot_deliveries` (db/schema/041). A slot is claimed by INSERTing its
 * row before anything is sent: the unique key (subscription_id, slot_at) lets exactly one
 * replica win. Every later change is a conditional UPDATE fenced by (claimed_by, attempts),
 * so a replica that lost its claim (it was slow past the stale window and another took
 * over) changes nothing. Taking over a retry or a stale claim increments attempts.
 * (Kysely's numUpdatedRows is mysql2's affectedRows: the rows the fenced WHERE matched.)
 */
import { type ExpressionBuilder, sql, type UpdateObject } from "kysely";
import type { BotStateDb } from "../db/bot-state/bot-state-db.js";
import type { BotTables } from "../db/bot-state/bot-tables.js";
import { againOnDeadlock, isDuplicateKey, isMissingParent } from "../db/bot-state/sql-errors.js";
import { fromSqlTime, toSqlTime } from "../db/bot-state/sql-time.js";
import type { Delivery } from "./delivery-row.js";

/** Proof of ownership of one delivery attempt. */
export interface Claim {
  readonly deliveryId: number;
  readonly subscriptionId: number;
  readonly slotAt: Date;
  /** This attempt's number (1 for the first). */
  readonly attempts: number;
  readonly replicaId: string;
  /** When an earlier attempt first began posting (it may have posted); null if none did. */
  readonly postStartedAt: Date | null;
}

/**
 * Claims a slot: the claim, or undefined when another replica has it (or the subscription is
 * gone). `event` names an alert's message (firing, resolved, …); a digest has none. `db` may be
 * a transaction: an alert check claims its messages in the transaction that decided them.
 */
export async function claimSlot(
  db: BotStateDb,
  subscriptionId: number,
  slot: Date,
  replicaId: string,
  at: Date,
  event?: string,
): Promise<Claim | undefined> {
  const now = toSqlTime(at);
  try {
    const result = await db
      .insertInto("bot_deliveries")
      .values({
        subscription_id: subscriptionId,
        slot_at: toSqlTime(slot),
        ...(event ? { event } : {}),
        status: "claimed",
        attempts: 1,
        claimed_by: replicaId,
        claimed_at: now,
        created_at: now,
        updated_at: now,
      })
      .executeTakeFirstOrThrow();
    return {
      deliveryId: Number(result.insertId),
      subscriptionId,
      slotAt: slot,
      attempts: 1,
      replicaId,
      postStartedAt: null,
    };
  } catch (error) {
    if (isDuplicateKey(error) || isMissingParent(error)) return undefined;
    throw error;
  }
}

/**
 * Claims several digest slots at once (a tick's slots for one channel): one INSERT each, in
 * one transaction, in the order given. A replica claiming the same slots at the same time
 * waits on the first row's lock until this transaction ends, then finds them all taken: one
 * replica gets a channel's slots. Each claim stands on its own INSERT (never on who the rows
 * say claimed them), so replicas sharing a name still claim each slot once.
 */
export async function claimSlots(
  db: BotStateDb,
  slots: readonly { readonly subscriptionId: number; readonly slot: Date }[],
  replicaId: string,
  at: Date,
): Promise<Claim[]> {
  if (slots.length === 0) return [];
  // Duplicate-key checks lock index gaps: two channels' claims can deadlock; the victim runs again.
  return againOnDeadlock(db, () =>
    db.transaction().execute(async (trx) => {
      const claims: Claim[] = [];
      for (const { subscriptionId, slot } of slots) {
        const claim = await claimSlot(trx, subscriptionId, slot, replicaId, at);
        if (claim) claims.push(claim);
      }
      return claims;
    }),
  );
}

/** Records slots that were missed for good; slots already in the ledger are left as they are. */
export async function recordSkipped(
  db: BotStateDb,
  subscriptionId: number,
  slots: readonly Date[],
  at: Date,
): Promise<number> {
  if (slots.length === 0) return 0;
  const now = toSqlTime(at);
  try {
    const result = await againOnDeadlock(db, () =>
      db
        .insertInto("bot_deliveries")
        .ignore()
        .values(
          slots.map((slot) => ({
            subscription_id: subscriptionId,
            slot_at: toSqlTime(slot),
            status: "skipped",
            attempts: 0,
            error_code: "missed_window",
            created_at: now,
            updated_at: now,
          })),
        )
        .executeTakeFirstOrThrow(),
    );
    return Number(result.numInsertedOrUpdatedRows ?? 0n);
  } catch (error) {
    if (isMissingParent(error)) return 0;
    throw error;
  }
}

/**
 * Takes over a due retry (status retrying) or a stale claim (status claimed, older than
 * the window): one atomic conditional UPDATE, so of several replicas exactly one wins.
 */
export async function takeOver(
  db: BotStateDb,
  delivery: Delivery,
  replicaId: string,
  at: Date,
  staleMs: number,
): Promise<Claim | undefined> {
  const now = toSqlTime(at);
  const due = (eb: ExpressionBuilder<BotTables, "bot_deliveries">) =>
    delivery.status === "retrying"
      ? eb.and([eb("status", "=", "retrying"), eb("next_attempt_at", "<=", now)])
      : eb.and([
          eb("status", "=", "claimed"),
          eb("claimed_at", "<", toSqlTime(new Date(at.getTime() - staleMs))),
        ]);
  const result = await againOnDeadlock(db, () =>
    db
      .updateTable("bot_deliveries")
      .set({
        status: "claimed",
        attempts: sql<number>`attempts + 1`,
        claimed_by: replicaId,
        claimed_at: now,
        next_attempt_at: null,
        updated_at: now,
      })
      .where("delivery_id", "=", delivery.id)
      .where("attempts", "=", delivery.attempts)
      .where(due)
      .executeTakeFirst(),
  );
  if (result.numUpdatedRows !== 1n) return undefined;
  return {
    deliveryId: delivery.id,
    subscriptionId: delivery.subscriptionId,
    slotAt: delivery.slotAt,
    attempts: delivery.attempts + 1,
    replicaId,
    postStartedAt: delivery.postStartedAt,
  };
}

/** Updates the claimed delivery only while `claim` still owns it; false when the claim was lost. */
async function updateOwned(
  db: BotStateDb,
  claim: Claim,
  changes: UpdateObject<BotTables, "bot_deliveries">,
): Promise<boolean> {
  const result = await againOnDeadlock(db, () =>
    db
      .updateTable("bot_deliveries")
      .set(changes)
      .where("delivery_id", "=", claim.deliveryId)
      .where("status", "=", "claimed")
      .where("claimed_by", "=", claim.replicaId)
      .where("attempts", "=", claim.attempts)
      .executeTakeFirst(),
  );
  return result.numUpdatedRows === 1n;
}

/** Records, before the post, that this attempt is posting; false when the claim was lost. */
export function markPosting(db: BotStateDb, claim: Claim, at: Date): Promise<boolean> {
  const now = toSqlTime(at);
  return updateOwned(db, claim, {
    post_started_at: sql<string>`COALESCE(post_started_at, ${now})`,
    updated_at: now,
  });
}

/** Records the platform's message id; false when the claim was lost meanwhile. */
export function markSent(db: BotStateDb, claim: Claim, messageId: string, at: Date): Promise<boolean> {
  return updateOwned(db, claim, {
    status: "sent",
    message_id: messageId.slice(0, 255),
    error_code: null,
    error_message: null,
    updated_at: toSqlTime(at),
  });
}

/** Records a quiet digest's slot with nothing to send (status skipped, error_code quiet); false when the claim was lost. */
export function markQuiet(db: BotStateDb, claim: Claim, at: Date): Promise<boolean> {
  return updateOwned(db, claim, { status: "skipped", error_code: "quiet", updated_at: toSqlTime(at) });
}

/** The latest slot of a subscription that was sent, or null. */
export async function lastSentSlot(db: BotStateDb, subscriptionId: number): Promise<Date | null> {
  const row = await db
    .selectFrom("bot_deliveries")
    .where("subscription_id", "=", subscriptionId)
    .where("status", "=", "sent")
    .select((eb) => eb.fn.max("slot_at").as("last"))
    .executeTakeFirst();
  return row?.last ? fromSqlTime(String(row.last)) : null;
}

/** Records a failed attempt: retrying at nextAttemptAt, or failed for good when it is null. */
export function markFailedAttempt(
  db: BotStateDb,
  claim: Claim,
  failure: { code: string; message: string; nextAttemptAt: Date | null },
  at: Date,
): Promise<boolean> {
  return updateOwned(db, claim, {
    status: failure.nextAttemptAt ? "retrying" : "failed",
    next_attempt_at: failure.nextAttemptAt ? toSqlTime(failure.nextAttemptAt) : null,
    error_code: failure.code.slice(0, 64),
    error_message: failure.message.slice(0, 500),
    updated_at: toSqlTime(at),
  });
}

export async function markNotified(db: BotStateDb, deliveryId: number, at: Date): Promise<void> {
  await db
    .updateTable("bot_deliveries")
    .set({ notified_at: toSqlTime(at) })
    .where("delivery_id", "=", deliveryId)
    .execute();
}

/**
 * Gives back every claim this replica still holds (on shutdown): each becomes a retry due at
 * `at`, so another replica takes it over at once; its post_started_at makes that replica look
 * for the message before posting. How many claims were released.
 */
export async function releaseClaims(db: BotStateDb, replicaId: string, at: Date): Promise<number> {
  const now = toSqlTime(at);
  const result = await db
    .updateTable("bot_deliveries")
    .set({ status: "retrying", next_attempt_at: now, error_code: "released", updated_at: now })
    .where("status", "=", "claimed")
    .where("claimed_by", "=", replicaId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
