-- Change detection without triggers: rows written since the previous refresh, found by the
-- per-table watermarks (db/schema/160_fact_watermarks.sql: highest id, latest updated_at), have
-- their days marked dirty, as the triggers do on MySQL/MariaDB (which these statements repeat
-- harmlessly there). A full refresh rebuilds every day, so it only moves the marks. A table
-- without its row counts as all new.
-- Not seen by a watermark: deleted rows, and the day a row was moved away from; mark such days
-- in rollup_dirty_days or run a full refresh (README "Scale-out").
INSERT IGNORE INTO rollup_watermarks (table_name, last_id, last_changed_at)
VALUES ('ad_interactions', 0, '1970-01-01'), ('sessions', 0, '1970-01-01'), ('orders', 0, '1970-01-01'),
       ('order_details', 0, '1970-01-01'), ('users', 0, '1970-01-01');

UPDATE rollup_watermarks w
SET w.next_id = CASE w.table_name
      WHEN 'ad_interactions' THEN (SELECT COALESCE(MAX(interaction_id), 0) FROM ad_interactions)
      WHEN 'sessions' THEN (SELECT COALESCE(MAX(session_id), 0) FROM sessions)
      WHEN 'orders' THEN (SELECT COALESCE(MAX(order_id), 0) FROM orders)
      WHEN 'users' THEN (SELECT COALESCE(MAX(user_id), 0) FROM users)
      ELSE 0
    END,
    w.next_changed_at = COALESCE(CASE w.table_name
      WHEN 'ad_interactions' THEN (SELECT MAX(updated_at) FROM ad_interactions)
      WHEN 'sessions' THEN (SELECT MAX(updated_at) FROM sessions)
      WHEN 'orders' THEN (SELECT MAX(updated_at) FROM orders)
      WHEN 'order_details' THEN (SELECT MAX(updated_at) FROM order_details)
      WHEN 'users' THEN (SELECT MAX(updated_at) FROM users)
    END, w.last_changed_at);

INSERT IGNORE INTO rollup_dirty_days (day)
SELECT DISTINCT DATE(i.occurred_at)
FROM rollup_watermarks w
JOIN ad_interactions i
  ON (i.interaction_id > w.last_id AND i.interaction_id <= w.next_id)
  OR (i.updated_at > w.last_changed_at AND i.updated_at <= w.next_changed_at)
WHERE w.table_name = 'ad_interactions' AND @refresh_full = 0;

INSERT IGNORE INTO rollup_dirty_days (day)
SELECT DISTINCT DATE(s.started_at)
FROM rollup_watermarks w
JOIN sessions s
  ON (s.session_id > w.last_id AND s.session_id <= w.next_id)
  OR (s.updated_at > w.last_changed_at AND s.updated_at <= w.next_changed_at)
WHERE w.table_name = 'sessions' AND @refresh_full = 0;

-- An order counts on its own day and on its session's day (the session's converted orders).
INSERT IGNORE INTO rollup_dirty_days (day)
SELECT DISTINCT DATE(o.ordered_at)
FROM rollup_watermarks w
JOIN orders o
  ON (o.order_id > w.last_id AND o.order_id <= w.next_id)
  OR (o.updated_at > w.last_changed_at AND o.updated_at <= w.next_changed_at)
WHERE w.table_name = 'orders' AND @refresh_full = 0;

INSERT IGNORE INTO rollup_dirty_days (day)
SELECT DISTINCT DATE(s.started_at)
FROM rollup_watermarks w
JOIN orders o
  ON (o.order_id > w.last_id AND o.order_id <= w.next_id)
  OR (o.updated_at > w.last_changed_at AND o.updated_at <= w.next_changed_at)
JOIN sessions s ON s.session_id = o.session_id
WHERE w.table_name = 'orders' AND @refresh_full = 0;

INSERT IGNORE INTO rollup_dirty_days (day)
SELECT DISTINCT DATE(o.ordered_at)
FROM rollup_watermarks w
JOIN order_details d ON d.updated_at > w.last_changed_at AND d.updated_at <= w.next_changed_at
JOIN orders o ON o.order_id = d.order_id
WHERE w.table_name = 'order_details' AND @refresh_full = 0;

-- A user counts on their signup day, and (their city may have changed) on every day they were active.
INSERT IGNORE INTO rollup_dirty_days (day)
SELECT DISTINCT u.signup_date
FROM rollup_watermarks w
JOIN users u
  ON (u.user_id > w.last_id AND u.user_id <= w.next_id)
  OR (u.updated_at > w.last_changed_at AND u.updated_at <= w.next_changed_at)
WHERE w.table_name = 'users' AND @refresh_full = 0;

INSERT IGNORE INTO rollup_dirty_days (day)
SELECT DISTINCT g.day
FROM rollup_watermarks w
JOIN users u ON u.updated_at > w.last_changed_at AND u.updated_at <= w.next_changed_at
JOIN agg_user_activity_daily g ON g.user_id = u.user_id
WHERE w.table_name = 'users' AND @refresh_full = 0;

UPDATE rollup_watermarks SET last_id = next_id, last_changed_at = next_changed_at;
