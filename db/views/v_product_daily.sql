-- Day x product: paid orders, units, revenue and cost of goods, without names
-- (v_product_sales_daily adds them); for ranking products before looking their names up.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_product_daily AS
SELECT g.day, g.product_id, g.orders, g.units, g.revenue, g.cogs
FROM agg_product_daily g
