-- bot_deliveries.post_started_at: when an attempt first began posting the message (NULL:
-- no attempt ever got that far). An attempt that takes a delivery over while it is set may
-- find the message already in the channel (the previous owner died between the platform's
-- post and the ledger's 'sent'): it looks for the message's delivery id since then before
-- posting again (src/schedule/deliver.ts).
ALTER TABLE bot_deliveries ADD COLUMN post_started_at DATETIME(3) NULL AFTER claimed_at;
