-- The fine daily rollups of the recomputed days: each day is deleted and re-inserted from the
-- base tables, so running the refresh twice gives the same rows; a full refresh reads every fact
-- row once per rollup, with no per-day filter. Order totals must be current (21_order_totals.sql
-- runs first).
DELETE g FROM agg_ad_daily g JOIN rollup_work_days w ON w.day = g.day;
DELETE g FROM agg_campaign_daily g JOIN rollup_work_days w ON w.day = g.day;
DELETE g FROM agg_format_daily g JOIN rollup_work_days w ON w.day = g.day;
DELETE g FROM agg_orders_city_daily g JOIN rollup_work_days w ON w.day = g.day;
DELETE g FROM agg_category_daily g JOIN rollup_work_days w ON w.day = g.day;
DELETE g FROM agg_orders_daily g JOIN rollup_work_days w ON w.day = g.day;
DELETE g FROM agg_product_daily g JOIN rollup_work_days w ON w.day = g.day;
DELETE g FROM agg_product_city_source_daily g JOIN rollup_work_days w ON w.day = g.day;
DELETE g FROM agg_sessions_daily g JOIN rollup_work_days w ON w.day = g.day;
DELETE g FROM agg_user_activity_daily g JOIN rollup_work_days w ON w.day = g.day;

-- Ads: funnel events and spend, plus the paid orders attributed to each ad. Spend is the cost
-- of the day's delivery under the placement's pricing — the one definition of spend (ads'
-- budget_spent and campaign spend are sums of it): CPM bills impressions per thousand, CPC
-- bills clicks. Exact (no rounding): DECIMAL(18,7) holds price(4dp) / 1000.
INSERT INTO agg_ad_daily (day, ad_id, impressions, clicks, leads, conversions, spend, orders, revenue, cogs)
SELECT x.day, x.ad_id, SUM(x.impressions), SUM(x.clicks), SUM(x.leads), SUM(x.conversions),
       CASE p.pricing_model
         WHEN 'CPM' THEN SUM(x.impressions) * p.unit_price / 1000
         WHEN 'CPC' THEN SUM(x.clicks) * p.unit_price
         ELSE 0
       END,
       SUM(x.orders), SUM(x.revenue), SUM(x.cogs)
FROM (
  SELECT DATE(i.occurred_at) AS day, i.ad_id,
         SUM(CASE WHEN i.stage = 'impression' THEN i.event_count ELSE 0 END) AS impressions,
         SUM(CASE WHEN i.stage = 'click' THEN i.event_count ELSE 0 END) AS clicks,
         SUM(CASE WHEN i.stage = 'lead' THEN i.event_count ELSE 0 END) AS leads,
         SUM(CASE WHEN i.stage = 'conversion' THEN i.event_count ELSE 0 END) AS conversions,
         0 AS orders, 0 AS revenue, 0 AS cogs
  FROM ad_interactions i
  WHERE @refresh_full = 1
     OR (i.occurred_at >= @refresh_from AND i.occurred_at < @refresh_until
         AND DATE(i.occurred_at) IN (SELECT day FROM rollup_work_days))
  GROUP BY DATE(i.occurred_at), i.ad_id
  UNION ALL
  SELECT o.day, o.ad_id, 0, 0, 0, 0, COUNT(*), SUM(o.total), SUM(o.cogs)
  FROM (
    SELECT DATE(po.ordered_at) AS day, po.order_id, po.ad_id, po.total,
           COALESCE(SUM(d.quantity * d.unit_cost), 0) AS cogs
    FROM orders po
    LEFT JOIN order_details d ON d.order_id = po.order_id
    WHERE (@refresh_full = 1
           OR (po.ordered_at >= @refresh_from AND po.ordered_at < @refresh_until
               AND DATE(po.ordered_at) IN (SELECT day FROM rollup_work_days)))
      AND po.ad_id IS NOT NULL AND po.status IN ('paid', 'shipped', 'delivered')
    GROUP BY DATE(po.ordered_at), po.order_id, po.ad_id, po.total
  ) o
  GROUP BY o.day, o.ad_id
) x
JOIN ads a ON a.ad_id = x.ad_id
JOIN ad_pricing p ON p.pricing_id = a.pricing_id
GROUP BY x.day, x.ad_id, p.pricing_model, p.unit_price
ORDER BY NULL;

-- Orders by city, traffic source (of the order's session) and payment method.
INSERT INTO agg_orders_daily (day, city, source_id, payment_method, orders_placed, orders_paid, items, gross, discount, revenue, cogs)
SELECT x.day, x.city, x.source_id, x.payment_method, COUNT(*), SUM(x.is_paid),
       SUM(x.is_paid * x.items), SUM(x.is_paid * x.subtotal), SUM(x.is_paid * x.discount),
       SUM(x.is_paid * x.total), SUM(x.is_paid * x.cogs)
FROM (
  SELECT DATE(o.ordered_at) AS day, o.order_id, o.city, s.source_id, o.payment_method,
         CASE WHEN o.status IN ('paid', 'shipped', 'delivered') THEN 1 ELSE 0 END AS is_paid,
         o.subtotal, o.discount, o.total,
         COALESCE(SUM(d.quantity), 0) AS items, COALESCE(SUM(d.quantity * d.unit_cost), 0) AS cogs
  FROM orders o
  JOIN sessions s ON s.session_id = o.session_id
  LEFT JOIN order_details d ON d.order_id = o.order_id
  WHERE @refresh_full = 1
     OR (o.ordered_at >= @refresh_from AND o.ordered_at < @refresh_until
         AND DATE(o.ordered_at) IN (SELECT day FROM rollup_work_days))
  GROUP BY DATE(o.ordered_at), o.order_id, o.city, s.source_id, o.payment_method, o.status, o.subtotal, o.discount, o.total
) x
GROUP BY x.day, x.city, x.source_id, x.payment_method
ORDER BY NULL;

-- Paid order lines per product.
INSERT INTO agg_product_daily (day, product_id, orders, units, revenue, cogs)
SELECT DATE(o.ordered_at), d.product_id, COUNT(DISTINCT o.order_id), SUM(d.quantity),
       SUM(d.quantity * d.unit_price - d.line_discount), SUM(d.quantity * d.unit_cost)
FROM orders o
JOIN order_details d ON d.order_id = o.order_id
WHERE (@refresh_full = 1
       OR (o.ordered_at >= @refresh_from AND o.ordered_at < @refresh_until
           AND DATE(o.ordered_at) IN (SELECT day FROM rollup_work_days)))
  AND o.status IN ('paid', 'shipped', 'delivered')
GROUP BY DATE(o.ordered_at), d.product_id
ORDER BY NULL;

-- The same lines by shipping city and traffic source (of the order's session).
INSERT INTO agg_product_city_source_daily (day, city, source_id, product_id, units, revenue)
SELECT DATE(o.ordered_at), o.city, s.source_id, d.product_id, SUM(d.quantity),
       SUM(d.quantity * d.unit_price - d.line_discount)
FROM orders o
JOIN sessions s ON s.session_id = o.session_id
JOIN order_details d ON d.order_id = o.order_id
WHERE (@refresh_full = 1
       OR (o.ordered_at >= @refresh_from AND o.ordered_at < @refresh_until
           AND DATE(o.ordered_at) IN (SELECT day FROM rollup_work_days)))
  AND o.status IN ('paid', 'shipped', 'delivered')
GROUP BY DATE(o.ordered_at), o.city, s.source_id, d.product_id
ORDER BY NULL;

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
  SELECT DATE(s.started_at), s.source_id, s.device, 0, COUNT(DISTINCT o.session_id), COUNT(*), SUM(o.total)
  FROM orders o
  JOIN sessions s ON s.session_id = o.session_id
  WHERE (@refresh_full = 1
         OR (s.started_at >= @refresh_from AND s.started_at < @refresh_until
             AND DATE(s.started_at) IN (SELECT day FROM rollup_work_days)))
    AND o.status IN ('paid', 'shipped', 'delivered')
  GROUP BY DATE(s.started_at), s.source_id, s.device
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
ORDER BY NULL;

-- A full refresh: every day with facts is a recomputed day (the summaries below read them).
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT day FROM agg_ad_daily WHERE @refresh_full = 1;
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT day FROM agg_orders_daily WHERE @refresh_full = 1;
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT day FROM agg_sessions_daily WHERE @refresh_full = 1;
INSERT IGNORE INTO rollup_work_days (day) SELECT DISTINCT signup_date FROM users WHERE @refresh_full = 1;
