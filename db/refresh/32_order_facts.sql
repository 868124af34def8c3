-- Orders by city, traffic source and payment method, and paid order lines per product, from
-- the order work table (31_order_work.sql). Runs beside the other 32_ files (as
-- 31_ad_facts.sql says: recomputed days deleted and inserted again, a full refresh truncates).
-- when: incremental
DELETE g FROM agg_orders_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: full
TRUNCATE TABLE agg_orders_daily;
-- when: incremental
DELETE g FROM agg_product_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: full
TRUNCATE TABLE agg_product_daily;
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
