-- Digest subscriptions (src/schedule/subscription-store.ts): which areas go to which chat
-- target on which schedule. target is `slack:<channel id>` or `teams:<conversation id>`;
-- areas a comma list of area names; cron a 5-field expression read as wall-clock time in
-- time_zone (IANA). Times are UTC, written by the application from its clock.
-- active_since is when the subscription was created or last resumed: no slot at or before
-- it is ever sent, so pausing and resuming never replays the paused days.
CREATE TABLE bot_subscriptions (
  subscription_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  target VARCHAR(300) NOT NULL,
  areas VARCHAR(255) NOT NULL,
  period VARCHAR(32) NOT NULL,
  filters VARCHAR(500) NULL,
  schedule_kind VARCHAR(8) NOT NULL,
  cron VARCHAR(120) NOT NULL,
  time_zone VARCHAR(64) NOT NULL,
  created_by VARCHAR(255) NOT NULL,
  created_at DATETIME(3) NOT NULL,
  active_since DATETIME(3) NOT NULL,
  paused TINYINT(1) NOT NULL DEFAULT 0,
  updated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (subscription_id),
  KEY ix_bot_subscriptions_target (target),
  CONSTRAINT ck_bot_subscriptions_target CHECK (target LIKE 'slack:_%' OR target LIKE 'teams:_%'),
  CONSTRAINT ck_bot_subscriptions_kind CHECK (schedule_kind IN ('daily', 'weekly', 'monthly', 'cron')),
  CONSTRAINT ck_bot_subscriptions_paused CHECK (paused IN (0, 1)),
  CONSTRAINT ck_bot_subscriptions_active CHECK (active_since >= created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
