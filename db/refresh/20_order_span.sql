-- The orders whose totals the refresh recomputes (34_order_totals.sql): all of them in a full
-- refresh, else those placed in the span of the dirty days (none when no day is dirty).
SET @refresh_orders_from = CASE WHEN @refresh_full = 1 THEN NULL
      ELSE COALESCE((SELECT MIN(day) FROM rollup_dirty_days), '9999-12-31') END,
    @refresh_orders_to = CASE WHEN @refresh_full = 1 THEN NULL
      ELSE (SELECT MAX(day) FROM rollup_dirty_days) END;
