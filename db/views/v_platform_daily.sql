-- Day x ad platform: funnel, spend and attributed revenue (ROAS and CTR by platform).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_platform_daily AS
SELECT g.day, pl.slug AS platform, pl.name AS platform_name,
       SUM(g.impressions) AS impressions, SUM(g.clicks) AS clicks, SUM(g.leads) AS leads,
       SUM(g.conversions) AS conversions, SUM(g.spend) AS spend, SUM(g.orders) AS orders,
       SUM(g.revenue) AS revenue, SUM(g.cogs) AS cogs
FROM agg_ad_daily g
JOIN ads a ON a.ad_id = g.ad_id
JOIN ad_pricing p ON p.pricing_id = a.pricing_id
JOIN ad_platforms pl ON pl.platform_id = p.platform_id
GROUP BY g.day, pl.slug, pl.name
