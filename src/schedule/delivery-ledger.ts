/**
 * The delivery ledger, `bot_deliveries` (db/schema/041). A slot is claimed by INSERTing its
 * row before anything is sent: the unique key (subscription_id, slot_at) lets exactly one
 * replica win. Every later change is a conditional UPDATE fenced by (claimed_by, attempts),
 * so a replica that lost its claim (it was slow past the stale window and another took
 * over) changes nothing. Taking over a retry or a stale claim increments attempts.
 */
import {
  fromSqlTime,
  fromSqlTimeOrNull,
  isDuplicateKey,
  isMissingParent,
  type Row,
  type ScheduleDb,
  toSqlTime,
  type WriteResult,
} from "./schedule-db.js";

export type DeliveryStatus = "claimed" | "retrying" | "sent" | "failed" | "skipped";

export interface Delivery {
  readonly id: number;
  readonly subscriptionId: number;
  readonly slotAt: Date;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date | null;
  readonly claimedBy: string | null;
  readonly claimedAt: Date | null;
  readonly messageId: string | null;
  readonly errorCode: string | null;
  readonly notifiedAt: Date | null;
}

/** Proof of ownership of one delivery attempt. */
export interface Claim {
  readonly deliveryId: number;
  readonly subscriptionId: number;
  readonly slotAt: Date;
  /** This attempt's number (1 for the first). */
  readonly attempts: number;
  readonly replicaId: string;
}

export const DELIVERY_COLUMNS = `delivery_id, subscription_id, slot_at, status, attempts, next_attempt_at, claimed_by,
  claimed_at, message_id, error_code, notified_at`;

export function toDelivery(row: Row): Delivery {
  return {
    id: Number(row.delivery_id),
    subscriptionId: Number(row.subscription_id),
    slotAt: fromSqlTime(row.slot_at),
    status: String(row.status) as DeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: fromSqlTimeOrNull(row.next_attempt_at),
    claimedBy: row.claimed_by === null ? null : String(row.claimed_by),
    claimedAt: fromSqlTimeOrNull(row.claimed_at),
    messageId: row.message_id === null ? null : String(row.message_id),
    errorCode: row.error_code === null ? null : String(row.error_code),
    notifiedAt: fromSqlTimeOrNull(row.notified_at),
  };
}

/** Claims a slot: the claim, or undefined when another replica has it (or the subscription is gone). */
export async function claimSlot(
  db: ScheduleDb,
  subscriptionId: number,
  slot: Date,
  replicaId: string,
  at: Date,
): Promise<Claim | undefined> {
  const now = toSqlTime(at);
  try {
    const [result] = await db.execute<WriteResult>(
      `INSERT INTO bot_deliveries (subscription_id, slot_at, status, attempts, claimed_by, claimed_at,
         created_at, updated_at)
       VALUES (?, ?, 'claimed', 1, ?, ?, ?, ?)`,
      [subscriptionId, toSqlTime(slot), replicaId, now, now, now],
    );
    return { deliveryId: result.insertId, subscriptionId, slotAt: slot, attempts: 1, replicaId };
  } catch (error) {
    if (isDuplicateKey(error) || isMissingParent(error)) return undefined;
    throw error;
  }
}

/** Records slots that were missed for good; slots already in the ledger are left as they are. */
export async function recordSkipped(
  db: ScheduleDb,
  subscriptionId: number,
  slots: readonly Date[],
  at: Date,
): Promise<number> {
  if (slots.length === 0) return 0;
  const now = toSqlTime(at);
  const values = slots.map(() => "(?, ?, 'skipped', 0, 'missed_window', ?, ?)").join(", ");
  const params = slots.flatMap((slot) => [subscriptionId, toSqlTime(slot), now, now]);
  try {
    const [result] = await db.execute<WriteResult>(
      `INSERT IGNORE INTO bot_deliveries (subscription_id, slot_at, status, attempts, error_code,
         created_at, updated_at) VALUES ${values}`,
      params,
    );
    return result.affectedRows;
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
  db: ScheduleDb,
  delivery: Delivery,
  replicaId: string,
  at: Date,
  staleMs: number,
): Promise<Claim | undefined> {
  const now = toSqlTime(at);
  const condition =
    delivery.status === "retrying"
      ? "status = 'retrying' AND next_attempt_at <= ?"
      : "status = 'claimed' AND claimed_at < ?";
  const bound = delivery.status === "retrying" ? now : toSqlTime(new Date(at.getTime() - staleMs));
  const [result] = await db.execute<WriteResult>(
    `UPDATE bot_deliveries SET status = 'claimed', attempts = attempts + 1, claimed_by = ?, claimed_at = ?,
       next_attempt_at = NULL, updated_at = ?
     WHERE delivery_id = ? AND attempts = ? AND ${condition}`,
    [replicaId, now, now, delivery.id, delivery.attempts, bound],
  );
  if (result.affectedRows !== 1) return undefined;
  return {
    deliveryId: delivery.id,
    subscriptionId: delivery.subscriptionId,
    slotAt: delivery.slotAt,
    attempts: delivery.attempts + 1,
    replicaId,
  };
}

const OWNED = "delivery_id = ? AND status = 'claimed' AND claimed_by = ? AND attempts = ?";
const owned = (claim: Claim) => [claim.deliveryId, claim.replicaId, claim.attempts];

/** Records the platform's message id; false when the claim was lost meanwhile. */
export async function markSent(db: ScheduleDb, claim: Claim, messageId: string, at: Date): Promise<boolean> {
  const [result] = await db.execute<WriteResult>(
    `UPDATE bot_deliveries SET status = 'sent', message_id = ?, error_code = NULL, error_message = NULL,
       updated_at = ? WHERE ${OWNED}`,
    [messageId.slice(0, 255), toSqlTime(at), ...owned(claim)],
  );
  return result.affectedRows === 1;
}

/** Records a failed attempt: retrying at nextAttemptAt, or failed for good when it is null. */
export async function markFailedAttempt(
  db: ScheduleDb,
  claim: Claim,
  failure: { code: string; message: string; nextAttemptAt: Date | null },
  at: Date,
): Promise<boolean> {
  const [result] = await db.execute<WriteResult>(
    `UPDATE bot_deliveries SET status = ?, next_attempt_at = ?, error_code = ?, error_message = ?,
       updated_at = ? WHERE ${OWNED}`,
    [
      failure.nextAttemptAt ? "retrying" : "failed",
      failure.nextAttemptAt ? toSqlTime(failure.nextAttemptAt) : null,
      failure.code.slice(0, 64),
      failure.message.slice(0, 500),
      toSqlTime(at),
      ...owned(claim),
    ],
  );
  return result.affectedRows === 1;
}

export async function markNotified(db: ScheduleDb, deliveryId: number, at: Date): Promise<void> {
  await db.execute("UPDATE bot_deliveries SET notified_at = ? WHERE delivery_id = ?", [
    toSqlTime(at),
    deliveryId,
  ]);
}
