-- Ad budgets spent, from the ad's priced daily rollup (db/refresh/50_ad_budgets.sql).
-- Run after sp_refresh_rollups. Idempotent.
CREATE PROCEDURE sp_calc_ad_budgets()
BEGIN
  -- refresh: 50_ad_budgets
END
