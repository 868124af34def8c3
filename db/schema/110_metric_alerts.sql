-- Alerts on any KPI (issue 16). An alert is a kind of subscription: the same target,
-- area (the KPI's), filters, schedule (cron in time_zone: when its window is checked) and
-- pause flag, plus `alert`, its KPI, condition and window as the command language writes
-- them ("roas < 1 yesterday", "orders unusual last-7d"); NULL for a digest
-- (src/schedule/metric-alert-store.ts). `period` holds the alert's window.
ALTER TABLE bot_subscriptions ADD COLUMN alert VARCHAR(300) NULL AFTER filters;

-- The delivery ledger carries alert messages too: one row per message, keyed like a digest
-- by (subscription, slot) where the slot is the check that decided the message, and `event`
-- says which message it is (firing, resolved, reminder, no_data); NULL for a digest.
ALTER TABLE bot_deliveries ADD COLUMN event VARCHAR(8) NULL AFTER slot_at;

-- bot_alert_state holds the state machine of every alert kind: `kind` stock (sku = the
-- product's SKU, as before) or metric (sku = the alert's subscription id). A metric alert
-- also remembers the last window it checked and its value, how many windows in a row had no
-- value (no_data_windows; reported once at 3: no_data_reported), and when it last reminded.
ALTER TABLE bot_alert_state
  ADD COLUMN kind VARCHAR(8) NOT NULL DEFAULT 'stock' FIRST,
  ADD COLUMN last_window VARCHAR(32) NULL,
  ADD COLUMN last_value DOUBLE NULL,
  ADD COLUMN no_data_windows SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN no_data_reported TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN reminded_at DATETIME(3) NULL,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (kind, sku),
  ADD CONSTRAINT ck_bot_alert_state_kind CHECK (kind IN ('stock', 'metric'));
