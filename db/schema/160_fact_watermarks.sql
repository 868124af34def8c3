-- Change detection without triggers (db/refresh/10_changes.sql; what portable mode relies on):
-- the five fact tables the rollups read by day record when each row was last written
-- (updated_at, set by the server on insert and on update), and rollup_watermarks keeps, per
-- table, the highest id and the latest updated_at the previous refresh had seen. Rows above
-- either mark are new or changed, whoever wrote them (the loaders, a shop's ETL, a replication
-- stream); the refresh marks their days dirty, as the triggers do on MySQL/MariaDB.
ALTER TABLE ad_interactions
  ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  ADD KEY ix_ad_interactions_updated (updated_at);

ALTER TABLE sessions
  ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  ADD KEY ix_sessions_updated (updated_at);

ALTER TABLE orders
  ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  ADD KEY ix_orders_updated (updated_at);

ALTER TABLE order_details
  ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  ADD KEY ix_order_details_updated (updated_at);

ALTER TABLE users
  ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  ADD KEY ix_users_updated (updated_at);

CREATE TABLE rollup_watermarks (
  table_name VARCHAR(32) NOT NULL,
  last_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  last_changed_at DATETIME(3) NOT NULL,
  -- What this refresh has seen (10_changes.sql sets them first and moves them to last_* last).
  next_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  next_changed_at DATETIME(3) NOT NULL DEFAULT '1970-01-01 00:00:00.000',
  PRIMARY KEY (table_name)
) ENGINE=InnoDB;

-- What is in the tables now counts as seen: the rollups of an existing database are current or
-- have their days marked by the triggers already.
INSERT INTO rollup_watermarks (table_name, last_id, last_changed_at)
SELECT 'ad_interactions', COALESCE(MAX(interaction_id), 0), COALESCE(MAX(updated_at), '1970-01-01') FROM ad_interactions
UNION ALL SELECT 'sessions', COALESCE(MAX(session_id), 0), COALESCE(MAX(updated_at), '1970-01-01') FROM sessions
UNION ALL SELECT 'orders', COALESCE(MAX(order_id), 0), COALESCE(MAX(updated_at), '1970-01-01') FROM orders
UNION ALL SELECT 'order_details', 0, COALESCE(MAX(updated_at), '1970-01-01') FROM order_details
UNION ALL SELECT 'users', COALESCE(MAX(user_id), 0), COALESCE(MAX(updated_at), '1970-01-01') FROM users;

-- The first and last day the last refresh recomputed (NULL when none): what alerts re-check.
ALTER TABLE rollup_state
  ADD COLUMN last_first_day DATE NULL,
  ADD COLUMN last_last_day DATE NULL;
