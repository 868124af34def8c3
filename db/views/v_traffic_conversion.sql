-- Day x traffic source: sessions, sessions with a paid order, those orders and their revenue
-- (conversion rate by source = converted_sessions / sessions).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_traffic_conversion AS
SELECT g.day, t.slug AS source, t.name AS source_name, t.is_paid,
       SUM(g.sessions) AS sessions, SUM(g.converted_sessions) AS converted_sessions,
       SUM(g.orders) AS orders, SUM(g.revenue) AS revenue
FROM agg_sessions_daily g
JOIN traffic_sources t ON t.source_id = g.source_id
GROUP BY g.day, t.slug, t.name, t.is_paid
