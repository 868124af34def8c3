-- The fine rollups are written: the paid orders attributed to each ad go into its day's row,
-- and a full refresh learns every recomputed day (the summaries of 34_ read them).
INSERT INTO agg_ad_daily (day, ad_id, impressions, clicks, leads, conversions, spend, orders, revenue, cogs)
SELECT o.day, o.ad_id, 0, 0, 0, 0, 0, o.orders, o.revenue, o.cogs
FROM (
  SELECT w.day, w.ad_id, COUNT(*) AS orders, SUM(w.total) AS revenue, SUM(w.cogs) AS cogs
  FROM rollup_order_work w
  WHERE w.is_paid = 1 AND w.ad_id IS NOT NULL
    AND (@refresh_full = 1 OR w.day IN (SELECT day FROM rollup_work_days))
  GROUP BY w.day, w.ad_id
) o
ON DUPLICATE KEY UPDATE orders = o.orders, revenue = o.revenue, cogs = o.cogs;
-- Ads with a daily row on the recomputed days after the refresh (see 40_funnel_metrics.sql).
INSERT IGNORE INTO rollup_ad_touch (ad_id)
SELECT DISTINCT g.ad_id FROM agg_ad_daily g JOIN rollup_work_days w ON w.day = g.day
WHERE @refresh_full = 0;
-- A full refresh: every day with facts is a recomputed day (the summaries of 34_ read them).
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT day FROM agg_ad_daily WHERE @refresh_full = 1;
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT day FROM agg_orders_daily WHERE @refresh_full = 1;
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT day FROM agg_sessions_daily WHERE @refresh_full = 1;
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT signup_date FROM users WHERE @refresh_full = 1;
SET @refresh_from = (SELECT MIN(day) FROM rollup_work_days),
    @refresh_until = (SELECT MAX(day) + INTERVAL 1 DAY FROM rollup_work_days);
