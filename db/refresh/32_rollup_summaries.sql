-- Summary rollups of the recomputed days, from the fine rollups just written: an index range over
-- [@refresh_from, @refresh_until) (set again at the end of 31_rollup_facts.sql, once a full
-- refresh knows every day) plus the semi-join on the day.
INSERT INTO agg_campaign_daily (day, campaign_id, platform_id, impressions, clicks, leads, conversions, spend, orders, revenue, cogs)
SELECT g.day, a.campaign_id, p.platform_id, SUM(g.impressions), SUM(g.clicks), SUM(g.leads),
       SUM(g.conversions), SUM(g.spend), SUM(g.orders), SUM(g.revenue), SUM(g.cogs)
FROM agg_ad_daily g
JOIN ads a ON a.ad_id = g.ad_id
JOIN ad_pricing p ON p.pricing_id = a.pricing_id
WHERE g.day >= @refresh_from AND g.day < @refresh_until AND g.day IN (SELECT day FROM rollup_work_days)
GROUP BY g.day, a.campaign_id, p.platform_id
ORDER BY NULL;

INSERT INTO agg_format_daily (day, platform_id, ad_format, impressions, clicks, leads, conversions, spend, orders, revenue, cogs)
SELECT g.day, p.platform_id, a.ad_format, SUM(g.impressions), SUM(g.clicks), SUM(g.leads),
       SUM(g.conversions), SUM(g.spend), SUM(g.orders), SUM(g.revenue), SUM(g.cogs)
FROM agg_ad_daily g
JOIN ads a ON a.ad_id = g.ad_id
JOIN ad_pricing p ON p.pricing_id = a.pricing_id
WHERE g.day >= @refresh_from AND g.day < @refresh_until AND g.day IN (SELECT day FROM rollup_work_days)
GROUP BY g.day, p.platform_id, a.ad_format
ORDER BY NULL;

INSERT INTO agg_orders_city_daily (day, city, payment_method, orders_placed, orders_paid, items, gross, discount, revenue, cogs)
SELECT g.day, g.city, g.payment_method, SUM(g.orders_placed), SUM(g.orders_paid), SUM(g.items),
       SUM(g.gross), SUM(g.discount), SUM(g.revenue), SUM(g.cogs)
FROM agg_orders_daily g
WHERE g.day >= @refresh_from AND g.day < @refresh_until AND g.day IN (SELECT day FROM rollup_work_days)
GROUP BY g.day, g.city, g.payment_method
ORDER BY NULL;

INSERT INTO agg_category_daily (day, category_id, order_lines, units, revenue, cogs)
SELECT g.day, p.category_id, SUM(g.orders), SUM(g.units), SUM(g.revenue), SUM(g.cogs)
FROM agg_product_daily g
JOIN products p ON p.product_id = g.product_id
WHERE g.day >= @refresh_from AND g.day < @refresh_until AND g.day IN (SELECT day FROM rollup_work_days)
GROUP BY g.day, p.category_id
ORDER BY NULL;
