-- Conversation context (src/bot/conversation/thread-context-store.ts): the last query answered in
-- a chat thread or conversation, so a follow-up ("vs last-year", "platform=tiktok", "why") is
-- applied to it. One row per thread: thread_hash is the SHA-256 (hex) of the thread's key
-- (`slack:<channel>:<thread ts>`, `teams:<conversation id>`), so no id is stored whole.
-- query_json is the Query as data (src/answer/query.ts), checked again when read.
-- headline_kpi: the first KPI of that answer that `why` can explain (NULL when none).
-- A row is used until expires_at (24 h after the thread's last answer); expired rows are
-- ignored when read and deleted by the bot now and then. Kept here, not in memory, so a
-- follow-up works after a restart and on any replica.
CREATE TABLE bot_thread_context (
  thread_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  platform VARCHAR(8) NOT NULL,
  user_id VARCHAR(100) NOT NULL,
  query_json VARCHAR(4000) NOT NULL,
  headline_kpi VARCHAR(32) NULL,
  updated_at DATETIME(3) NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  PRIMARY KEY (thread_hash),
  KEY ix_bot_thread_context_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
