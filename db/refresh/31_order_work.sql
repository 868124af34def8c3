-- Each order of the recomputed days (by its own day, or by its session's day for the session
-- rollup) once: joined with its session and summed over its lines (db/schema/161), for the
-- order, product and session rollups of 32_ to read. Runs beside the other 31_ files. Order
-- totals must be current (21_order_totals.sql runs before).
TRUNCATE TABLE rollup_order_work;
INSERT INTO rollup_order_work (order_id, day, session_id, session_day, city, source_id, device, payment_method,
                               ad_id, is_paid, subtotal, discount, total, items, cogs)
SELECT o.order_id, DATE(o.ordered_at), s.session_id, DATE(s.started_at), o.city, s.source_id, s.device,
       o.payment_method, o.ad_id, CASE WHEN o.status IN ('paid', 'shipped', 'delivered') THEN 1 ELSE 0 END,
       o.subtotal, o.discount, o.total,
       (SELECT COALESCE(SUM(d.quantity), 0) FROM order_details d WHERE d.order_id = o.order_id),
       (SELECT COALESCE(SUM(d.quantity * d.unit_cost), 0) FROM order_details d WHERE d.order_id = o.order_id)
FROM orders o
JOIN sessions s ON s.session_id = o.session_id
WHERE @refresh_full = 1
   OR (o.ordered_at >= @refresh_from AND o.ordered_at < @refresh_until
       AND DATE(o.ordered_at) IN (SELECT day FROM rollup_work_days));
INSERT IGNORE INTO rollup_order_work (order_id, day, session_id, session_day, city, source_id, device, payment_method,
                                      ad_id, is_paid, subtotal, discount, total, items, cogs)
SELECT o.order_id, DATE(o.ordered_at), s.session_id, DATE(s.started_at), o.city, s.source_id, s.device,
       o.payment_method, o.ad_id, CASE WHEN o.status IN ('paid', 'shipped', 'delivered') THEN 1 ELSE 0 END,
       o.subtotal, o.discount, o.total,
       (SELECT COALESCE(SUM(d.quantity), 0) FROM order_details d WHERE d.order_id = o.order_id),
       (SELECT COALESCE(SUM(d.quantity * d.unit_cost), 0) FROM order_details d WHERE d.order_id = o.order_id)
FROM sessions s
JOIN orders o ON o.session_id = s.session_id
WHERE @refresh_full = 0
  AND s.started_at >= @refresh_from AND s.started_at < @refresh_until
  AND DATE(s.started_at) IN (SELECT day FROM rollup_work_days);
