-- Campaign lifetime figures and profitability: ROAS = revenue / spend,
-- ROI = (revenue - cost of goods - spend) / spend; NULL where spend is 0.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_campaign_roi AS
SELECT c.campaign_id, c.name AS campaign, c.objective, c.status, c.start_date, c.end_date,
       c.budget, c.spend, c.impressions, c.clicks, c.leads, c.conversions, c.revenue,
       COALESCE(k.cogs, 0) AS cogs,
       c.revenue * 1E0 / NULLIF(c.spend, 0) AS roas,
       (c.revenue - COALESCE(k.cogs, 0) - c.spend) * 1E0 / NULLIF(c.spend, 0) AS roi
FROM campaigns c
LEFT JOIN (
  SELECT g.campaign_id, SUM(g.cogs) AS cogs
  FROM agg_campaign_daily g
  GROUP BY g.campaign_id
) k ON k.campaign_id = c.campaign_id
