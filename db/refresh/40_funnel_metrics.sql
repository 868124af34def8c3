-- Funnel interaction metrics per ad (lifetime impressions, clicks, leads, conversions), from the
-- daily ad rollup, for the ads in rollup_ad_touch: an incremental refresh put there the ads
-- whose daily rows it rewrote; a full refresh, or a call outside a refresh (@refresh_full not
-- set), takes every ad. Idempotent.
INSERT IGNORE INTO rollup_ad_touch (ad_id) SELECT ad_id FROM ads WHERE COALESCE(@refresh_full, 1) = 1;
UPDATE ads a
JOIN rollup_ad_touch t ON t.ad_id = a.ad_id
LEFT JOIN (
  SELECT g.ad_id, SUM(g.impressions) AS impressions, SUM(g.clicks) AS clicks, SUM(g.leads) AS leads,
         SUM(g.conversions) AS conversions
  FROM agg_ad_daily g
  WHERE g.ad_id IN (SELECT ad_id FROM rollup_ad_touch)
  GROUP BY g.ad_id
) f ON f.ad_id = a.ad_id
SET
  a.impressions = COALESCE(f.impressions, 0),
  a.clicks = COALESCE(f.clicks, 0),
  a.leads = COALESCE(f.leads, 0),
  a.conversions = COALESCE(f.conversions, 0);
