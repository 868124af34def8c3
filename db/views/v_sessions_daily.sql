-- Day x traffic source x device: sessions and conversions (device usage of visits).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_sessions_daily AS
SELECT g.day, t.slug AS source, g.device, g.sessions, g.converted_sessions, g.orders, g.revenue
FROM agg_sessions_daily g
JOIN traffic_sources t ON t.source_id = g.source_id
