-- Day x shipping city x traffic source x payment method: orders placed and paid, items,
-- gross, discount, revenue (paid, net of discounts) and cost of goods sold.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_orders_daily AS
SELECT g.day, g.city, t.slug AS source, g.payment_method,
       g.orders_placed, g.orders_paid, g.items, g.gross, g.discount, g.revenue, g.cogs
FROM agg_orders_daily g
JOIN traffic_sources t ON t.source_id = g.source_id
