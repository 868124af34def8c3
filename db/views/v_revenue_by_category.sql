-- Day x product category: paid order lines, units, revenue net of discounts and cost of goods
-- (agg_category_daily).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_revenue_by_category AS
SELECT g.day, pc.slug AS category, pc.name AS category_name,
       g.order_lines, g.units, g.revenue, g.cogs
FROM agg_category_daily g
JOIN product_categories pc ON pc.category_id = g.category_id
