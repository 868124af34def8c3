-- Order totals and payments per order, for orders placed between @refresh_orders_from and
-- @refresh_orders_to (inclusive days; NULL means unbounded):
--   subtotal    = sum(quantity * unit_price) over the order's lines
--   discount    = sum(line_discount)
--   total       = subtotal - discount
--   paid_amount = captured payments - refunded payments (never below 0)
-- Idempotent: it only ever recomputes from order_details and payments. updated_at keeps its
-- value: derived columns are no outside change (db/refresh/10_changes.sql).
UPDATE orders o
SET
  o.subtotal = (SELECT COALESCE(SUM(d.quantity * d.unit_price), 0) FROM order_details d WHERE d.order_id = o.order_id),
  o.discount = (SELECT COALESCE(SUM(d.line_discount), 0) FROM order_details d WHERE d.order_id = o.order_id),
  o.total = o.subtotal - o.discount,
  o.paid_amount = GREATEST(0, (
    SELECT COALESCE(SUM(CASE p.status WHEN 'captured' THEN p.amount WHEN 'refunded' THEN -p.amount ELSE 0 END), 0)
    FROM payments p WHERE p.order_id = o.order_id)),
  o.updated_at = o.updated_at
WHERE (@refresh_orders_from IS NULL OR o.ordered_at >= @refresh_orders_from)
  AND (@refresh_orders_to IS NULL OR o.ordered_at < @refresh_orders_to + INTERVAL 1 DAY);
