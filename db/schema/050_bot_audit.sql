-- The audit trail of chat requests (src/security/audit-log.ts): one row per answered,
-- refused, failed or rate-limited request from Slack or Teams, written after the reply.
-- command_text is cut to 500 characters; no tokens or secrets are ever stored here.
-- workspace_id: Slack team id or Teams tenant id. ref_id: the "ref 7f3a" of a failure.
CREATE TABLE bot_audit (
  audit_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  at DATETIME(3) NOT NULL,
  platform VARCHAR(8) NOT NULL,
  workspace_id VARCHAR(100) NULL,
  user_id VARCHAR(100) NOT NULL,
  channel_id VARCHAR(300) NOT NULL,
  command_text VARCHAR(500) NOT NULL,
  area VARCHAR(32) NULL,
  outcome VARCHAR(16) NOT NULL,
  duration_ms INT UNSIGNED NOT NULL,
  ref_id VARCHAR(16) NULL,
  PRIMARY KEY (audit_id),
  KEY ix_bot_audit_at (at),
  KEY ix_bot_audit_user (user_id, at),
  CONSTRAINT ck_bot_audit_platform CHECK (platform IN ('slack', 'teams')),
  CONSTRAINT ck_bot_audit_outcome
    CHECK (outcome IN ('answered', 'help', 'refused', 'user_error', 'failed', 'rate_limited'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
