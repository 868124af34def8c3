-- The first and last day with data per fact the areas read (one row per daily rollup);
-- MIN/MAX of the leading key column, so an index lookup each.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_data_coverage AS
SELECT 'orders' AS fact, (SELECT MIN(day) FROM agg_orders_daily) AS first_day,
       (SELECT MAX(day) FROM agg_orders_daily) AS last_day
UNION ALL
SELECT 'products', (SELECT MIN(day) FROM agg_product_daily), (SELECT MAX(day) FROM agg_product_daily)
UNION ALL
SELECT 'ads', (SELECT MIN(day) FROM agg_ad_daily), (SELECT MAX(day) FROM agg_ad_daily)
UNION ALL
SELECT 'sessions', (SELECT MIN(day) FROM agg_sessions_daily), (SELECT MAX(day) FROM agg_sessions_daily)
UNION ALL
-- users: signups and activity together (signups may begin before the first session)
SELECT 'users',
       LEAST(COALESCE((SELECT MIN(day) FROM agg_signups_daily), (SELECT MIN(day) FROM agg_user_activity_daily)),
             COALESCE((SELECT MIN(day) FROM agg_user_activity_daily), (SELECT MIN(day) FROM agg_signups_daily))),
       GREATEST(COALESCE((SELECT MAX(day) FROM agg_signups_daily), (SELECT MAX(day) FROM agg_user_activity_daily)),
                COALESCE((SELECT MAX(day) FROM agg_user_activity_daily), (SELECT MAX(day) FROM agg_signups_daily)))
