-- Paid order lines by shipping city, traffic source (of the order's session) and product, from
-- the order work table. Runs beside the other 32_ files (as 31_ad_facts.sql says).
-- when: incremental
DELETE g FROM agg_product_city_source_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: full
TRUNCATE TABLE agg_product_city_source_daily;
INSERT INTO agg_product_city_source_daily (day, city, source_id, product_id, units, revenue)
SELECT w.day, w.city, w.source_id, d.product_id, SUM(d.quantity), SUM(d.quantity * d.unit_price - d.line_discount)
FROM rollup_order_work w
JOIN order_details d ON d.order_id = w.order_id
WHERE w.is_paid = 1 AND (@refresh_full = 1 OR w.day IN (SELECT day FROM rollup_work_days))
GROUP BY w.day, w.city, w.source_id, d.product_id
ORDER BY w.day, w.city, w.source_id, d.product_id;
