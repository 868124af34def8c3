-- Order totals and payments per order, for orders placed between @refresh_orders_from and
-- @refresh_orders_to (inclusive days; NULL means unbounded):
--   subtotal    = sum(quantity * unit_price) over the order's lines
--   discount    = sum(line_discount)
--   total       = subtotal - discount
--   paid_amount = captured payments - refunded payments (never below 0)
-- Lines and payments are summed once per order in two grouped passes joined to the orders (not
-- three lookups per order): a rebuild reads each table once, an incremental refresh reads the
-- span's orders by their ordered_at index. Idempotent: it only ever recomputes from
-- order_details and payments. updated_at keeps its value: derived columns are no outside change
-- (db/refresh/10_changes.sql). (A multi-table UPDATE may assign in any order: total is computed
-- from the sums, not from the columns just set.) Only orders whose figures differ are written:
-- after kpi generate none do, and an unchanged row costs a write and, on MySQL/MariaDB, a
-- trigger call (8.2 s → 6.8 s for a rebuild at scale 10).
-- Runs beside the other 34_ files. No rollup reads these columns: the order work table sums the
-- lines itself (31_order_work.sql), so the totals wait for no stage and no stage waits for them
-- (a rebuild at scale 10: 4.5 s alone before the rollups, now beside the summaries). What a
-- trigger marks here on a recomputed day is cleared with it (39_rollup_done.sql). A full refresh
-- takes each order's line sums from the order work table, which holds every order then and is
-- emptied only in 39_rollup_done.sql (4.6 s → 2.8 s at scale 10); an incremental one, or
-- sp_calc_order_totals called on its own, sums the lines of the span's orders.
UPDATE orders o
JOIN (
  SELECT w.order_id, w.subtotal, w.discount FROM rollup_order_work w WHERE @refresh_full = 1
  UNION ALL
  SELECT x.order_id, COALESCE(SUM(d.quantity * d.unit_price), 0), COALESCE(SUM(d.line_discount), 0)
  FROM orders x
  LEFT JOIN order_details d ON d.order_id = x.order_id
  WHERE COALESCE(@refresh_full, 0) = 0
    AND (@refresh_orders_from IS NULL OR x.ordered_at >= @refresh_orders_from)
    AND (@refresh_orders_to IS NULL OR x.ordered_at < @refresh_orders_to + INTERVAL 1 DAY)
  GROUP BY x.order_id
) l ON l.order_id = o.order_id
LEFT JOIN (
  SELECT x.order_id,
         SUM(CASE p.status WHEN 'captured' THEN p.amount WHEN 'refunded' THEN -p.amount ELSE 0 END) AS paid
  FROM orders x
  JOIN payments p ON p.order_id = x.order_id
  WHERE (@refresh_orders_from IS NULL OR x.ordered_at >= @refresh_orders_from)
    AND (@refresh_orders_to IS NULL OR x.ordered_at < @refresh_orders_to + INTERVAL 1 DAY)
  GROUP BY x.order_id
) p ON p.order_id = o.order_id
SET
  o.subtotal = l.subtotal,
  o.discount = l.discount,
  o.total = l.subtotal - l.discount,
  o.paid_amount = GREATEST(0, COALESCE(p.paid, 0)),
  o.updated_at = o.updated_at
WHERE o.subtotal <> l.subtotal OR o.discount <> l.discount OR o.total <> l.subtotal - l.discount
   OR o.paid_amount <> GREATEST(0, COALESCE(p.paid, 0));
