-- Microsoft Teams conversation references (src/bot/teams/conversation-store.ts): what a
-- proactive message (digest, alert) needs to reach a conversation the bot was installed in
-- or messaged from. One row per conversation; a channel thread is stored under its channel
-- (the id without ";messageid=..."). Written on install, on membersAdded and on every message.
CREATE TABLE bot_teams_conversations (
  conversation_id VARCHAR(255) NOT NULL,
  service_url VARCHAR(512) NOT NULL,
  tenant_id VARCHAR(64) NULL,
  channel_id VARCHAR(32) NOT NULL,
  bot_id VARCHAR(255) NOT NULL,
  bot_name VARCHAR(255) NULL,
  conversation_type VARCHAR(32) NULL,
  first_seen_at DATETIME(3) NOT NULL,
  last_seen_at DATETIME(3) NOT NULL,
  PRIMARY KEY (conversation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
