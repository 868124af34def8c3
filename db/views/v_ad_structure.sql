-- Ad structure: every ad with campaign, platform, placement, pricing, format, status and budgets.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_ad_structure AS
SELECT a.ad_id, a.headline, a.campaign_id, c.name AS campaign, pl.slug AS platform, pl.name AS platform_name,
       p.placement, p.pricing_model, p.unit_price, a.ad_format, a.status, a.start_date, a.end_date,
       a.planned_budget, a.budget_spent
FROM ads a
JOIN campaigns c ON c.campaign_id = a.campaign_id
JOIN ad_pricing p ON p.pricing_id = a.pricing_id
JOIN ad_platforms pl ON pl.platform_id = p.platform_id
