-- Low-stock alert state per product (src/schedule/low-stock-alerts.ts), keyed by SKU:
-- ok → firing (one alert, alert_message_id = its message, the thread for the recovery
-- note) → ok again when stock is back above the reorder level (one recovery note).
-- snoozed: no alert until snoozed_until. fired_at/claimed_by identify the check that moved
-- the product to firing; a firing row without alert_message_id is an alert not yet posted
-- (send_error says why when it failed) and is taken over by a later check.
-- Checks lock the rows (SELECT ... FOR UPDATE) while deciding, so replicas never both fire.
CREATE TABLE bot_alert_state (
  sku VARCHAR(32) NOT NULL,
  product_name VARCHAR(255) NOT NULL,
  state VARCHAR(8) NOT NULL,
  since DATETIME(3) NOT NULL,
  fired_at DATETIME(3) NULL,
  claimed_by VARCHAR(128) NULL,
  alert_target VARCHAR(300) NULL,
  alert_message_id VARCHAR(255) NULL,
  send_error VARCHAR(64) NULL,
  snoozed_until DATETIME(3) NULL,
  updated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (sku),
  KEY ix_bot_alert_state_state (state),
  CONSTRAINT ck_bot_alert_state_state CHECK (state IN ('ok', 'firing', 'snoozed')),
  CONSTRAINT ck_bot_alert_state_snooze CHECK (state <> 'snoozed' OR snoozed_until IS NOT NULL),
  CONSTRAINT ck_bot_alert_state_fired CHECK (state <> 'firing' OR fired_at IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
