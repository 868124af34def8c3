-- Signed-in users with a session that day (SQL_BIG_RESULT: grouped by sorting, as
-- 31_ad_facts.sql says; 4.8 s → 4.0 s at scale 10). Runs beside the other 31_ files (as 31_ad_facts.sql
-- says: recomputed days deleted and inserted again, a full refresh truncates; primary-key order).
-- when: incremental
DELETE g FROM agg_user_activity_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: full
TRUNCATE TABLE agg_user_activity_daily;
INSERT INTO agg_user_activity_daily (day, user_id, sessions)
SELECT SQL_BIG_RESULT DATE(s.started_at), s.user_id, COUNT(*)
FROM sessions s
WHERE (@refresh_full = 1
       OR (s.started_at >= @refresh_from AND s.started_at < @refresh_until
           AND DATE(s.started_at) IN (SELECT day FROM rollup_work_days)))
  AND s.user_id IS NOT NULL
GROUP BY DATE(s.started_at), s.user_id
ORDER BY DATE(s.started_at), s.user_id;
