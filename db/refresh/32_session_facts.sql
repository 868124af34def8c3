-- Sessions by source and device with their paid orders. Runs beside the other 32_ files (as
-- 31_ad_facts.sql says).
-- when: incremental
DELETE g FROM agg_sessions_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: full
TRUNCATE TABLE agg_sessions_daily;
-- Sessions by source and device, with the paid orders placed in them: the sessions counted by
-- day, source and device, plus their paid orders grouped the same way (a session with several
-- paid orders converts once), so no per-session group is built.
INSERT INTO agg_sessions_daily (day, source_id, device, sessions, converted_sessions, orders, revenue)
SELECT x.day, x.source_id, x.device, SUM(x.sessions), SUM(x.converted), SUM(x.orders), SUM(x.revenue)
FROM (
  SELECT DATE(s.started_at) AS day, s.source_id, s.device, COUNT(*) AS sessions,
         0 AS converted, 0 AS orders, 0 AS revenue
  FROM sessions s
  WHERE @refresh_full = 1
     OR (s.started_at >= @refresh_from AND s.started_at < @refresh_until
         AND DATE(s.started_at) IN (SELECT day FROM rollup_work_days))
  GROUP BY DATE(s.started_at), s.source_id, s.device
  UNION ALL
  SELECT w.session_day, w.source_id, w.device, 0, COUNT(DISTINCT w.session_id), COUNT(*), SUM(w.total)
  FROM rollup_order_work w
  WHERE w.is_paid = 1 AND (@refresh_full = 1 OR w.session_day IN (SELECT day FROM rollup_work_days))
  GROUP BY w.session_day, w.source_id, w.device
) x
GROUP BY x.day, x.source_id, x.device
ORDER BY NULL;
