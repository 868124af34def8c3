-- Incremental refresh of the daily rollups (agg_*) that the reporting views read: recomputes
-- only the days in rollup_dirty_days; p_full = 1 first marks every day that has facts or rollup
-- rows, i.e. a rebuild. The statements are db/refresh/20_*–39_* (portable mode runs the same
-- ones from src/db/refresh-runner.ts), the order totals among them (sp_calc_order_totals, for
-- the span of the recomputed days). Refreshes of one database are serialised with GET_LOCK.
CREATE PROCEDURE sp_refresh_rollups(IN p_full TINYINT)
BEGIN
  DECLARE v_lock VARCHAR(100) DEFAULT CONCAT('kpi_refresh_rollups:', DATABASE());
  DECLARE v_bulk INT DEFAULT @kpi_bulk_load;
  -- @refresh_full goes back to what the caller had: sp_refresh_all's later steps read it, and a
  -- procedure called on its own afterwards must not take itself for part of this refresh.
  DECLARE v_full INT DEFAULT @refresh_full;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    SET @kpi_bulk_load = v_bulk, @refresh_full = v_full;
    DO RELEASE_LOCK(v_lock);
    RESIGNAL;
  END;

  IF COALESCE(GET_LOCK(v_lock, 600), 0) = 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'another rollup refresh is still running';
  END IF;

  SET @refresh_full = p_full;
  -- refresh: 20_order_span
  -- refresh: 30_rollup_days
  -- refresh: 31_ad_facts
  -- refresh: 31_order_work
  -- refresh: 31_user_activity
  -- refresh: 32_order_facts
  -- refresh: 32_product_city_source
  -- refresh: 32_session_facts
  -- refresh: 33_facts_done
  -- refresh: 34_ad_summaries
  -- refresh: 34_order_summaries
  -- Every day is rebuilt in a full refresh, so the triggers need not mark days while totals change.
  IF p_full = 1 THEN
    SET @kpi_bulk_load = 1;
  END IF;
  CALL sp_calc_order_totals(@refresh_orders_from, @refresh_orders_to);
  SET @kpi_bulk_load = v_bulk;
  -- refresh: 34_signups
  -- refresh: 34_user_returns
  -- refresh: 39_rollup_done

  SET @refresh_full = v_full;
  DO RELEASE_LOCK(v_lock);
END
