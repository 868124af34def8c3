-- Day x shipping city x payment method: orders placed and paid, items, gross, discount,
-- revenue and cost of goods (agg_orders_city_daily; v_orders_daily adds the traffic source).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_orders_city_daily AS
SELECT g.day, g.city, g.payment_method,
       g.orders_placed, g.orders_paid, g.items, g.gross, g.discount, g.revenue, g.cogs
FROM agg_orders_city_daily g
