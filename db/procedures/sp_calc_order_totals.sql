-- Order totals and payments per order, for orders placed between p_from and p_to (inclusive
-- days; NULL means unbounded). The statement is db/refresh/34_order_totals.sql; sp_refresh_rollups
-- calls it with the summaries (stage 34). Idempotent.
CREATE PROCEDURE sp_calc_order_totals(IN p_from DATE, IN p_to DATE)
BEGIN
  SET @refresh_orders_from = p_from, @refresh_orders_to = p_to;
  -- refresh: 34_order_totals
END
