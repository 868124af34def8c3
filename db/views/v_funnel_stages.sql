-- Day x platform x ad format x campaign x funnel stage (impression > click > lead > conversion),
-- one row per stage with its event count: the funnel chart's data.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_funnel_stages AS
SELECT day, platform, ad_format, campaign_id, 'impression' AS stage, 1 AS stage_order, SUM(impressions) AS events
FROM v_ad_performance GROUP BY day, platform, ad_format, campaign_id
UNION ALL
SELECT day, platform, ad_format, campaign_id, 'click', 2, SUM(clicks)
FROM v_ad_performance GROUP BY day, platform, ad_format, campaign_id
UNION ALL
SELECT day, platform, ad_format, campaign_id, 'lead', 3, SUM(leads)
FROM v_ad_performance GROUP BY day, platform, ad_format, campaign_id
UNION ALL
SELECT day, platform, ad_format, campaign_id, 'conversion', 4, SUM(conversions)
FROM v_ad_performance GROUP BY day, platform, ad_format, campaign_id
