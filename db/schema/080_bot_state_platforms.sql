-- The chat platform in the bot-state tables is a string the application validates
-- (src/schedule/target.ts, src/security/audit-log.ts), not a CHECK list: adding a platform
-- needs no migration. What stays is a check of the shape only.
-- bot_subscriptions.target: `<platform>:<id>`, both parts non-empty (was: slack or teams).
-- bot_audit.platform: any non-empty name up to 32 characters (was: slack or teams, 8).
-- One ALTER per table, each applied whole or not at all. DROP CONSTRAINT is the form both
-- MariaDB 10.11+ and MySQL 8.0.19+ accept (MySQL's DROP CHECK is MySQL-only); the new
-- checks take new names, so no statement drops and adds the same name.
ALTER TABLE bot_subscriptions
  DROP CONSTRAINT ck_bot_subscriptions_target,
  ADD CONSTRAINT ck_bot_subscriptions_target_shape CHECK (target LIKE '_%:_%');

ALTER TABLE bot_audit
  DROP CONSTRAINT ck_bot_audit_platform,
  MODIFY platform VARCHAR(32) NOT NULL,
  ADD CONSTRAINT ck_bot_audit_platform_named CHECK (platform <> '');
