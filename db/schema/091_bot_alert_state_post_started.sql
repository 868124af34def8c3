-- bot_alert_state.post_tag / post_started_at: the delivery tag of the alert a check began
-- posting for this product, and when (NULL: no post began). They are written before the
-- post, with alert_target. A later check that takes the product over while alert_message_id
-- is still NULL (the poster died between the platform's post and recording it) looks for a
-- message with that tag since then before posting again (src/schedule/low-stock-alerts.ts).
ALTER TABLE bot_alert_state
  ADD COLUMN post_tag VARCHAR(64) NULL AFTER claimed_by,
  ADD COLUMN post_started_at DATETIME(3) NULL AFTER post_tag;
