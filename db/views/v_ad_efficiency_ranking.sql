-- Ads ranked by lifetime efficiency: ROAS (attributed revenue / spend), CTR and CPA, with
-- rank 1 the best ROAS overall and within its platform. Ads without spend rank last.
-- Ratios are computed in floating point (* 1E0): DECIMAL division keeps only 4 more digits.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_ad_efficiency_ranking AS
SELECT x.*,
       RANK() OVER (ORDER BY x.roas IS NULL, x.roas DESC) AS roas_rank,
       RANK() OVER (PARTITION BY x.platform ORDER BY x.roas IS NULL, x.roas DESC) AS platform_roas_rank
FROM (
  SELECT a.ad_id, a.headline, a.campaign_id, c.name AS campaign, pl.slug AS platform, p.placement,
         a.ad_format, a.status, a.impressions, a.clicks, a.leads, a.conversions,
         a.budget_spent AS spend, COALESCE(r.revenue, 0) AS revenue,
         COALESCE(r.revenue, 0) * 1E0 / NULLIF(a.budget_spent, 0) AS roas,
         a.clicks * 1E0 / NULLIF(a.impressions, 0) AS ctr,
         a.budget_spent * 1E0 / NULLIF(a.conversions, 0) AS cpa
  FROM ads a
  JOIN campaigns c ON c.campaign_id = a.campaign_id
  JOIN ad_pricing p ON p.pricing_id = a.pricing_id
  JOIN ad_platforms pl ON pl.platform_id = p.platform_id
  LEFT JOIN (SELECT ad_id, SUM(revenue) AS revenue FROM agg_ad_daily GROUP BY ad_id) r ON r.ad_id = a.ad_id
) x
