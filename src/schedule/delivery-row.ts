/**
 * One row of the delivery ledger, `bot_deliveries` (db/schema/041), as the scheduler reads it:
 * the columns it selects and their reading into a Delivery. The writes are delivery-ledger.ts;
 * the reads that plan a tick, delivery-queries.ts.
 */
import type { Selectable } from "kysely";
import type { BotDeliveriesTable } from "../db/bot-state/bot-tables.js";
import { fromSqlTime, fromSqlTimeOrNull } from "../db/bot-state/sql-time.js";

export type DeliveryStatus = "claimed" | "retrying" | "sent" | "failed" | "skipped";

export interface Delivery {
  readonly id: number;
  readonly subscriptionId: number;
  readonly slotAt: Date;
  /** An alert's message (firing, resolved, reminder, no_data); null for a digest. */
  readonly event: string | null;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date | null;
  readonly claimedBy: string | null;
  readonly claimedAt: Date | null;
  readonly postStartedAt: Date | null;
  readonly messageId: string | null;
  readonly errorCode: string | null;
  readonly notifiedAt: Date | null;
}

export const DELIVERY_COLUMNS = [
  "delivery_id",
  "subscription_id",
  "slot_at",
  "event",
  "status",
  "attempts",
  "next_attempt_at",
  "claimed_by",
  "claimed_at",
  "post_started_at",
  "message_id",
  "error_code",
  "notified_at",
] as const;

export type DeliveryRow = Pick<Selectable<BotDeliveriesTable>, (typeof DELIVERY_COLUMNS)[number]>;

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: Number(row.delivery_id),
    subscriptionId: Number(row.subscription_id),
    slotAt: fromSqlTime(row.slot_at),
    event: row.event,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: fromSqlTimeOrNull(row.next_attempt_at),
    claimedBy: row.claimed_by,
    claimedAt: fromSqlTimeOrNull(row.claimed_at),
    postStartedAt: fromSqlTimeOrNull(row.post_started_at),
    messageId: row.message_id,
    errorCode: row.error_code,
    notifiedAt: fromSqlTimeOrNull(row.notified_at),
  };
}
