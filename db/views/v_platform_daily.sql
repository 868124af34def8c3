-- Day x ad platform: funnel, spend and attributed revenue (ROAS and CTR by platform),
-- summed from agg_format_daily (a few rows per day).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_platform_daily AS
SELECT g.day, pl.slug AS platform, pl.name AS platform_name,
       SUM(g.impressions) AS impressions, SUM(g.clicks) AS clicks, SUM(g.leads) AS leads,
       SUM(g.conversions) AS conversions, SUM(g.spend) AS spend, SUM(g.orders) AS orders,
       SUM(g.revenue) AS revenue, SUM(g.cogs) AS cogs
FROM agg_format_daily g
JOIN ad_platforms pl ON pl.platform_id = g.platform_id
GROUP BY g.day, pl.slug, pl.name
