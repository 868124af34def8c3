-- Everything derived, in dependency order: order totals (for the days waiting in
-- rollup_dirty_days, or all orders when p_full = 1), the daily rollups, then the per-ad
-- funnel metrics and budgets and the campaign totals that read them.
-- What `kpi db refresh` runs; `kpi generate` runs it with p_full = 1. Idempotent.
CREATE PROCEDURE sp_refresh_all(IN p_full TINYINT)
BEGIN
  DECLARE v_from DATE;
  DECLARE v_to DATE;
  DECLARE v_bulk INT DEFAULT @kpi_bulk_load;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    SET @kpi_bulk_load = v_bulk;
    RESIGNAL;
  END;

  IF p_full = 1 THEN
    -- Every day is rebuilt below, so the triggers need not mark days while totals change.
    SET @kpi_bulk_load = 1;
    CALL sp_calc_order_totals(NULL, NULL);
    SET @kpi_bulk_load = v_bulk;
  ELSE
    SELECT MIN(day), MAX(day) INTO v_from, v_to FROM rollup_dirty_days;
    IF v_from IS NOT NULL THEN
      CALL sp_calc_order_totals(v_from, v_to);
    END IF;
  END IF;

  CALL sp_refresh_rollups(p_full);
  CALL sp_calc_funnel_metrics();
  CALL sp_calc_ad_budgets();
  CALL sp_calc_campaign_totals();
END
