-- Day x product: paid orders, units, revenue net of line discounts and cost of goods (top products).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_product_sales_daily AS
SELECT g.day, g.product_id, p.sku, p.name AS product, pc.slug AS category, pc.name AS category_name,
       g.orders, g.units, g.revenue, g.cogs
FROM agg_product_daily g
JOIN products p ON p.product_id = g.product_id
JOIN product_categories pc ON pc.category_id = p.category_id
