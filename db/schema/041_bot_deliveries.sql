-- The delivery ledger (src/schedule/delivery-ledger.ts): one row per (subscription, scheduled
-- slot), inserted as the claim BEFORE anything is sent, so two replicas can never both send
-- a slot (the second INSERT hits uq_bot_deliveries_slot and skips).
-- status: claimed (a replica is sending: claimed_by, claimed_at), retrying (an attempt
-- failed; next_attempt_at says when to try again), sent (message_id is the platform's id:
-- Slack ts, Teams activity id), failed (final: attempts used up or a permanent error;
-- error_code says why; notified_at when the failure notice went out), skipped (the slot was
-- missed by more than the catch-up window and never sent).
-- A claim older than the stale window is taken over with a conditional UPDATE.
CREATE TABLE bot_deliveries (
  delivery_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  subscription_id BIGINT UNSIGNED NOT NULL,
  slot_at DATETIME(3) NOT NULL,
  status VARCHAR(8) NOT NULL,
  attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(3) NULL,
  claimed_by VARCHAR(128) NULL,
  claimed_at DATETIME(3) NULL,
  message_id VARCHAR(255) NULL,
  error_code VARCHAR(64) NULL,
  error_message VARCHAR(500) NULL,
  notified_at DATETIME(3) NULL,
  created_at DATETIME(3) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (delivery_id),
  UNIQUE KEY uq_bot_deliveries_slot (subscription_id, slot_at),
  KEY ix_bot_deliveries_status (status, next_attempt_at),
  KEY ix_bot_deliveries_claimed (status, claimed_at),
  CONSTRAINT fk_bot_deliveries_subscription FOREIGN KEY (subscription_id)
    REFERENCES bot_subscriptions (subscription_id) ON DELETE CASCADE,
  CONSTRAINT ck_bot_deliveries_status
    CHECK (status IN ('claimed', 'retrying', 'sent', 'failed', 'skipped')),
  CONSTRAINT ck_bot_deliveries_retry CHECK (status <> 'retrying' OR next_attempt_at IS NOT NULL),
  CONSTRAINT ck_bot_deliveries_claim CHECK (status <> 'claimed' OR (claimed_by IS NOT NULL AND claimed_at IS NOT NULL)),
  CONSTRAINT ck_bot_deliveries_sent CHECK (status <> 'sent' OR message_id IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
