-- Active-user return histogram (see db/schema/070_agg_summary_rollups.sql): active users per
-- day by days since their previous active day (capped at 92), per city and for all (city '').
DELETE FROM rollup_return_days;

-- A full refresh: every user's active days in one pass.
-- when: full
TRUNCATE TABLE agg_user_returns_daily;
-- (The user's city is joined inside, so MariaDB does not evaluate the window once per user as
-- a "lateral derived" table: minutes at scale 10.)
INSERT INTO agg_user_returns_daily (city, day, gap, users)
SELECT x.city, x.day, x.gap, COUNT(*)
FROM (
  SELECT u.city, g.day,
         LEAST(COALESCE(DATEDIFF(g.day, LAG(g.day) OVER (PARTITION BY g.user_id ORDER BY g.day)), 92), 92) AS gap
  FROM agg_user_activity_daily g
  JOIN users u ON u.user_id = g.user_id
  WHERE @refresh_full = 1
) x
GROUP BY x.city, x.day, x.gap
ORDER BY NULL;
INSERT INTO rollup_return_days (day) SELECT DISTINCT day FROM agg_user_activity_daily WHERE @refresh_full = 1;

-- An incremental refresh: active after the refresh too (seen 3) is unchanged; only a row that
-- came or went moves the gap of that user's next active day (usually a handful of users, not
-- everyone).
INSERT INTO rollup_user_touch (user_id, day, seen)
SELECT g.user_id, g.day, 2 FROM agg_user_activity_daily g JOIN rollup_work_days w ON w.day = g.day
WHERE @refresh_full = 0
ON DUPLICATE KEY UPDATE seen = rollup_user_touch.seen | 2;
DELETE FROM rollup_user_touch WHERE seen = 3;
INSERT INTO rollup_return_days (day) SELECT day FROM rollup_work_days WHERE @refresh_full = 0;
INSERT IGNORE INTO rollup_return_days (day)
SELECT n.day FROM (
  SELECT (SELECT MIN(a.day) FROM agg_user_activity_daily a WHERE a.user_id = t.user_id AND a.day > t.day) AS day
  FROM rollup_user_touch t
  WHERE @refresh_full = 0
) n
WHERE n.day IS NOT NULL;
DELETE g FROM agg_user_returns_daily g JOIN rollup_return_days r ON r.day = g.day WHERE @refresh_full = 0;
INSERT INTO agg_user_returns_daily (city, day, gap, users)
SELECT u.city, x.day, x.gap, COUNT(*)
FROM (
  SELECT g.user_id, g.day,
         LEAST(COALESCE(DATEDIFF(g.day, (
           SELECT MAX(a.day) FROM agg_user_activity_daily a WHERE a.user_id = g.user_id AND a.day < g.day
         )), 92), 92) AS gap
  FROM agg_user_activity_daily g
  JOIN rollup_return_days r ON r.day = g.day
  WHERE @refresh_full = 0
) x
JOIN users u ON u.user_id = x.user_id
GROUP BY u.city, x.day, x.gap;

-- Every city together, for the days just written.
INSERT INTO agg_user_returns_daily (city, day, gap, users)
SELECT '', g.day, g.gap, SUM(g.users)
FROM agg_user_returns_daily g
JOIN rollup_return_days r ON r.day = g.day
WHERE g.city <> ''
GROUP BY g.day, g.gap;
DELETE FROM rollup_return_days;
DELETE FROM rollup_user_touch;
