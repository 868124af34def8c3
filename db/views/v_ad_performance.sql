-- Day x ad: funnel counts, spend, attributed paid orders, revenue and cost of goods, with
-- the ad's campaign, platform, placement and format. Ratios are left to the reader (ratio of sums).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_ad_performance AS
SELECT g.day, g.ad_id, a.campaign_id, c.name AS campaign, pl.slug AS platform, pl.name AS platform_name,
       p.placement, p.pricing_model, a.ad_format,
       g.impressions, g.clicks, g.leads, g.conversions, g.spend, g.orders, g.revenue, g.cogs
FROM agg_ad_daily g
JOIN ads a ON a.ad_id = g.ad_id
JOIN campaigns c ON c.campaign_id = a.campaign_id
JOIN ad_pricing p ON p.pricing_id = a.pricing_id
JOIN ad_platforms pl ON pl.platform_id = p.platform_id
