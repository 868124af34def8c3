-- Order totals and payments per order, for orders placed between p_from and p_to
-- (inclusive days; NULL means unbounded):
--   subtotal    = sum(quantity * unit_price) over the order's lines
--   discount    = sum(line_discount)
--   total       = subtotal - discount
--   paid_amount = captured payments - refunded payments (never below 0)
-- Idempotent: it only ever recomputes from order_details and payments.
CREATE PROCEDURE sp_calc_order_totals(IN p_from DATE, IN p_to DATE)
BEGIN
  UPDATE orders o
  SET
    o.subtotal = (SELECT COALESCE(SUM(d.quantity * d.unit_price), 0) FROM order_details d WHERE d.order_id = o.order_id),
    o.discount = (SELECT COALESCE(SUM(d.line_discount), 0) FROM order_details d WHERE d.order_id = o.order_id),
    o.total = o.subtotal - o.discount,
    o.paid_amount = GREATEST(0, (
      SELECT COALESCE(SUM(CASE p.status WHEN 'captured' THEN p.amount WHEN 'refunded' THEN -p.amount ELSE 0 END), 0)
      FROM payments p WHERE p.order_id = o.order_id))
  WHERE (p_from IS NULL OR o.ordered_at >= p_from)
    AND (p_to IS NULL OR o.ordered_at < p_to + INTERVAL 1 DAY);
END
