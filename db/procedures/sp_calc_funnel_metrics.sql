-- Funnel interaction metrics per ad, from the daily ad rollup (db/refresh/40_funnel_metrics.sql).
-- Run after sp_refresh_rollups. Idempotent.
CREATE PROCEDURE sp_calc_funnel_metrics()
BEGIN
  -- refresh: 40_funnel_metrics
END
