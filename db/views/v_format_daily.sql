-- Day x ad platform x ad format: funnel, spend and attributed revenue (agg_format_daily).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_format_daily AS
SELECT g.day, pl.slug AS platform, pl.name AS platform_name, g.ad_format,
       g.impressions, g.clicks, g.leads, g.conversions, g.spend, g.orders, g.revenue, g.cogs
FROM agg_format_daily g
JOIN ad_platforms pl ON pl.platform_id = g.platform_id
