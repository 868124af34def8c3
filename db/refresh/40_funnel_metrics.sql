-- Funnel interaction metrics per ad (lifetime impressions, clicks, leads, conversions), from the
-- daily ad rollup. Idempotent.
UPDATE ads a
LEFT JOIN (
  SELECT ad_id, SUM(impressions) AS impressions, SUM(clicks) AS clicks, SUM(leads) AS leads,
         SUM(conversions) AS conversions
  FROM agg_ad_daily
  GROUP BY ad_id
) f ON f.ad_id = a.ad_id
SET
  a.impressions = COALESCE(f.impressions, 0),
  a.clicks = COALESCE(f.clicks, 0),
  a.leads = COALESCE(f.leads, 0),
  a.conversions = COALESCE(f.conversions, 0);
