-- The fine daily rollups of the recomputed days: each day is deleted and re-inserted from the
-- base tables, so running the refresh twice gives the same rows; a full refresh empties the
-- rollups with TRUNCATE (no row-by-row delete; the summary rollups of 32_ too) and reads every
-- fact row once per rollup, with no per-day filter. The large rollups are inserted in primary-key
-- order (ORDER BY the grouping): appending keeps InnoDB from splitting pages all over an index
-- larger than its buffer pool. Order totals must be current (21_order_totals.sql runs first).
-- when: incremental
DELETE g FROM agg_ad_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: incremental
DELETE g FROM agg_campaign_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: incremental
DELETE g FROM agg_format_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: incremental
DELETE g FROM agg_orders_city_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: incremental
DELETE g FROM agg_category_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: incremental
DELETE g FROM agg_orders_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: incremental
DELETE g FROM agg_product_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: incremental
DELETE g FROM agg_product_city_source_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: incremental
DELETE g FROM agg_sessions_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: incremental
DELETE g FROM agg_user_activity_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: full
TRUNCATE TABLE agg_ad_daily;
-- when: full
TRUNCATE TABLE agg_campaign_daily;
-- when: full
TRUNCATE TABLE agg_format_daily;
-- when: full
TRUNCATE TABLE agg_orders_city_daily;
-- when: full
TRUNCATE TABLE agg_category_daily;
-- when: full
TRUNCATE TABLE agg_orders_daily;
-- when: full
TRUNCATE TABLE agg_product_daily;
-- when: full
TRUNCATE TABLE agg_product_city_source_daily;
-- when: full
TRUNCATE TABLE agg_sessions_daily;
-- when: full
TRUNCATE TABLE agg_user_activity_daily;

-- Each order of the recomputed days (by its own day, or by its session's day for the session
-- rollup) once: joined with its session and summed over its lines (db/schema/161).
TRUNCATE TABLE rollup_order_work;
INSERT INTO rollup_order_work (order_id, day, session_id, session_day, city, source_id, device, payment_method,
                               ad_id, is_paid, subtotal, discount, total, items, cogs)
SELECT o.order_id, DATE(o.ordered_at), s.session_id, DATE(s.started_at), o.city, s.source_id, s.device,
       o.payment_method, o.ad_id, CASE WHEN o.status IN ('paid', 'shipped', 'delivered') THEN 1 ELSE 0 END,
       o.subtotal, o.discount, o.total,
       (SELECT COALESCE(SUM(d.quantity), 0) FROM order_details d WHERE d.order_id = o.order_id),
       (SELECT COALESCE(SUM(d.quantity * d.unit_cost), 0) FROM order_details d WHERE d.order_id = o.order_id)
FROM orders o
JOIN sessions s ON s.session_id = o.session_id
WHERE @refresh_full = 1
   OR (o.ordered_at >= @refresh_from AND o.ordered_at < @refresh_until
       AND DATE(o.ordered_at) IN (SELECT day FROM rollup_work_days));
INSERT IGNORE INTO rollup_order_work (order_id, day, session_id, session_day, city, source_id, device, payment_method,
                                      ad_id, is_paid, subtotal, discount, total, items, cogs)
SELECT o.order_id, DATE(o.ordered_at), s.session_id, DATE(s.started_at), o.city, s.source_id, s.device,
       o.payment_method, o.ad_id, CASE WHEN o.status IN ('paid', 'shipped', 'delivered') THEN 1 ELSE 0 END,
       o.subtotal, o.discount, o.total,
       (SELECT COALESCE(SUM(d.quantity), 0) FROM order_details d WHERE d.order_id = o.order_id),
       (SELECT COALESCE(SUM(d.quantity * d.unit_cost), 0) FROM order_details d WHERE d.order_id = o.order_id)
FROM sessions s
JOIN orders o ON o.session_id = s.session_id
WHERE @refresh_full = 0
  AND s.started_at >= @refresh_from AND s.started_at < @refresh_until
  AND DATE(s.started_at) IN (SELECT day FROM rollup_work_days);

-- Ads: funnel events and spend per day, then the paid orders attributed to each ad added to
-- their day's row (a row of its own when the ad had no events that day). Spend is the cost of
-- the day's delivery under the placement's pricing — the one definition of spend (ads'
-- budget_spent and campaign spend are sums of it): CPM bills impressions per thousand, CPC
-- bills clicks. Exact (no rounding): DECIMAL(18,7) holds price(4dp) / 1000.
INSERT INTO agg_ad_daily (day, ad_id, impressions, clicks, leads, conversions, spend, orders, revenue, cogs)
SELECT x.day, x.ad_id, x.impressions, x.clicks, x.leads, x.conversions,
       CASE p.pricing_model
         WHEN 'CPM' THEN x.impressions * p.unit_price / 1000
         WHEN 'CPC' THEN x.clicks * p.unit_price
         ELSE 0
       END,
       0, 0, 0
FROM (
  SELECT DATE(i.occurred_at) AS day, i.ad_id,
         SUM(CASE WHEN i.stage = 'impression' THEN i.event_count ELSE 0 END) AS impressions,
         SUM(CASE WHEN i.stage = 'click' THEN i.event_count ELSE 0 END) AS clicks,
         SUM(CASE WHEN i.stage = 'lead' THEN i.event_count ELSE 0 END) AS leads,
         SUM(CASE WHEN i.stage = 'conversion' THEN i.event_count ELSE 0 END) AS conversions
  FROM ad_interactions i
  WHERE @refresh_full = 1
     OR (i.occurred_at >= @refresh_from AND i.occurred_at < @refresh_until
         AND DATE(i.occurred_at) IN (SELECT day FROM rollup_work_days))
  GROUP BY DATE(i.occurred_at), i.ad_id
) x
JOIN ads a ON a.ad_id = x.ad_id
JOIN ad_pricing p ON p.pricing_id = a.pricing_id
ORDER BY x.day, x.ad_id;

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

-- Orders by city, traffic source (of the order's session) and payment method.
INSERT INTO agg_orders_daily (day, city, source_id, payment_method, orders_placed, orders_paid, items, gross, discount, revenue, cogs)
SELECT w.day, w.city, w.source_id, w.payment_method, COUNT(*), SUM(w.is_paid),
       SUM(w.is_paid * w.items), SUM(w.is_paid * w.subtotal), SUM(w.is_paid * w.discount),
       SUM(w.is_paid * w.total), SUM(w.is_paid * w.cogs)
FROM rollup_order_work w
WHERE @refresh_full = 1 OR w.day IN (SELECT day FROM rollup_work_days)
GROUP BY w.day, w.city, w.source_id, w.payment_method
ORDER BY w.day, w.city, w.source_id, w.payment_method;

-- Paid order lines per product.
INSERT INTO agg_product_daily (day, product_id, orders, units, revenue, cogs)
SELECT w.day, d.product_id, COUNT(DISTINCT w.order_id), SUM(d.quantity),
       SUM(d.quantity * d.unit_price - d.line_discount), SUM(d.quantity * d.unit_cost)
FROM rollup_order_work w
JOIN order_details d ON d.order_id = w.order_id
WHERE w.is_paid = 1 AND (@refresh_full = 1 OR w.day IN (SELECT day FROM rollup_work_days))
GROUP BY w.day, d.product_id
ORDER BY w.day, d.product_id;

-- The same lines by shipping city and traffic source (of the order's session).
INSERT INTO agg_product_city_source_daily (day, city, source_id, product_id, units, revenue)
SELECT w.day, w.city, w.source_id, d.product_id, SUM(d.quantity), SUM(d.quantity * d.unit_price - d.line_discount)
FROM rollup_order_work w
JOIN order_details d ON d.order_id = w.order_id
WHERE w.is_paid = 1 AND (@refresh_full = 1 OR w.day IN (SELECT day FROM rollup_work_days))
GROUP BY w.day, w.city, w.source_id, d.product_id
ORDER BY w.day, w.city, w.source_id, d.product_id;

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

-- Signed-in users with a session that day.
INSERT INTO agg_user_activity_daily (day, user_id, sessions)
SELECT DATE(s.started_at), s.user_id, COUNT(*)
FROM sessions s
WHERE (@refresh_full = 1
       OR (s.started_at >= @refresh_from AND s.started_at < @refresh_until
           AND DATE(s.started_at) IN (SELECT day FROM rollup_work_days)))
  AND s.user_id IS NOT NULL
GROUP BY DATE(s.started_at), s.user_id
ORDER BY DATE(s.started_at), s.user_id;

-- Ads with a daily row on the recomputed days after the refresh (see 40_funnel_metrics.sql).
INSERT IGNORE INTO rollup_ad_touch (ad_id)
SELECT DISTINCT g.ad_id FROM agg_ad_daily g JOIN rollup_work_days w ON w.day = g.day
WHERE @refresh_full = 0;

-- A full refresh: every day with facts is a recomputed day (the summaries below read them).
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT day FROM agg_ad_daily WHERE @refresh_full = 1;
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT day FROM agg_orders_daily WHERE @refresh_full = 1;
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT day FROM agg_sessions_daily WHERE @refresh_full = 1;
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT signup_date FROM users WHERE @refresh_full = 1;
SET @refresh_from = (SELECT MIN(day) FROM rollup_work_days),
    @refresh_until = (SELECT MAX(day) + INTERVAL 1 DAY FROM rollup_work_days);
TRUNCATE TABLE rollup_order_work;
