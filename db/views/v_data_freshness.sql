-- When the rollups were last refreshed, the days they cover and the days still waiting.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_data_freshness AS
SELECT s.last_refresh_at, s.last_full_refresh_at,
       (SELECT MIN(day) FROM agg_orders_daily) AS first_day,
       (SELECT MAX(day) FROM agg_orders_daily) AS last_day,
       (SELECT COUNT(*) FROM rollup_dirty_days) AS pending_days
FROM rollup_state s
WHERE s.id = 1
