-- Everything derived, in the order of the files under db/refresh/: rows new or changed since the
-- last refresh (watermarks), the daily rollups with the order totals (for the span of the days
-- waiting in rollup_dirty_days, or all orders when p_full = 1), then the per-ad funnel metrics
-- and budgets and the campaign totals that read them.
-- What `kpi db refresh` runs; `kpi generate` runs it with p_full = 1. Idempotent.
-- Portable mode (no routines) runs the same statement files from src/db/refresh-runner.ts.
CREATE PROCEDURE sp_refresh_all(IN p_full TINYINT)
BEGIN
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    SET @refresh_full = NULL;
    RESIGNAL;
  END;
  SET @refresh_full = p_full;
  -- refresh: 10_changes
  CALL sp_refresh_rollups(p_full);
  CALL sp_calc_funnel_metrics();
  CALL sp_calc_ad_budgets();
  CALL sp_calc_campaign_totals();
  -- Called on their own later, sp_calc_funnel_metrics and sp_calc_ad_budgets take every ad.
  SET @refresh_full = NULL;
END
