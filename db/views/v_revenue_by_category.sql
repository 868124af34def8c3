-- Day x product category: paid units, revenue net of discounts and cost of goods.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_revenue_by_category AS
SELECT g.day, pc.slug AS category, pc.name AS category_name,
       SUM(g.orders) AS order_lines, SUM(g.units) AS units, SUM(g.revenue) AS revenue, SUM(g.cogs) AS cogs
FROM agg_product_daily g
JOIN products p ON p.product_id = g.product_id
JOIN product_categories pc ON pc.category_id = p.category_id
GROUP BY g.day, pc.slug, pc.name
