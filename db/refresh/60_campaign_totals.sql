-- Campaign budgets, spend, funnel counters and attributed revenue, from its ads and the campaign
-- rollup (agg_campaign_daily). budget = sum of the ads' planned budgets; revenue = paid orders
-- attributed to the campaign's ads, net of discounts. Runs after the ad budgets. Idempotent.
UPDATE campaigns c
LEFT JOIN (
  SELECT ad.campaign_id,
         SUM(ad.planned_budget) AS budget, SUM(ad.budget_spent) AS spend,
         SUM(ad.impressions) AS impressions, SUM(ad.clicks) AS clicks,
         SUM(ad.leads) AS leads, SUM(ad.conversions) AS conversions
  FROM ads ad
  GROUP BY ad.campaign_id
) t ON t.campaign_id = c.campaign_id
LEFT JOIN (
  SELECT g.campaign_id, SUM(g.revenue) AS revenue
  FROM agg_campaign_daily g
  GROUP BY g.campaign_id
) r ON r.campaign_id = c.campaign_id
SET
  c.budget = COALESCE(t.budget, 0),
  c.spend = COALESCE(t.spend, 0),
  c.impressions = COALESCE(t.impressions, 0),
  c.clicks = COALESCE(t.clicks, 0),
  c.leads = COALESCE(t.leads, 0),
  c.conversions = COALESCE(t.conversions, 0),
  c.revenue = COALESCE(r.revenue, 0);
