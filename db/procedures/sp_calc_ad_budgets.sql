-- Ad budgets spent, from reach (impressions), clicks and the placement's pricing:
-- budget_spent = fn_ad_cost(pricing_model, unit_price, impressions, clicks).
-- Run after sp_calc_funnel_metrics. Idempotent.
CREATE PROCEDURE sp_calc_ad_budgets()
BEGIN
  UPDATE ads a
  JOIN ad_pricing p ON p.pricing_id = a.pricing_id
  SET a.budget_spent = fn_ad_cost(p.pricing_model, p.unit_price, a.impressions, a.clicks);
END
