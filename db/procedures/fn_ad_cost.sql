-- Cost of an ad's delivery under its placement pricing: CPM bills impressions per
-- thousand, CPC bills clicks. The single definition of spend, used by the rollup refresh
-- and by sp_calc_ad_budgets. Exact (no rounding): DECIMAL(18,7) holds price(4dp) / 1000.
CREATE FUNCTION fn_ad_cost(p_model CHAR(3), p_unit_price DECIMAL(10,4), p_impressions BIGINT UNSIGNED, p_clicks BIGINT UNSIGNED)
RETURNS DECIMAL(18,7)
DETERMINISTIC NO SQL
RETURN CASE p_model
  WHEN 'CPM' THEN p_impressions * p_unit_price / 1000
  WHEN 'CPC' THEN p_clicks * p_unit_price
  ELSE 0
END
