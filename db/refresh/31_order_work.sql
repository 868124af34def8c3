-- Each order of the recomputed days (by its own day, or by its session's day for the session
-- rollup) once: joined with its session and summed over its lines (db/schema/161), for the
-- order, product and session rollups of 32_ to read (and a full refresh's order totals,
-- 34_order_totals.sql; 39_rollup_done.sql empties it). Runs beside the other 31_ files. The
-- order's subtotal, discount and total are summed from its lines here, as 34_order_totals.sql
-- sums them for the orders table, so no rollup waits for the orders table's totals (a rebuild at
-- scale 10 ran those 4.5 s on their own before any rollup).
TRUNCATE TABLE rollup_order_work;
-- A full refresh: every order, its lines summed in one grouped pass (in order_id order, the
-- lines' key order), plus the orders without a line. The grouped lines lead (STRAIGHT_JOIN):
-- joined after the orders, MariaDB sums each order's lines on its own ("lateral derived"), which
-- took 7 s to 21 s beside the ad rollup at scale 10, against about 7 s this way.
-- when: full
INSERT INTO rollup_order_work (order_id, day, session_id, session_day, city, source_id, device, payment_method,
                               ad_id, is_paid, subtotal, discount, total, items, cogs)
SELECT STRAIGHT_JOIN o.order_id, DATE(o.ordered_at), s.session_id, DATE(s.started_at), o.city, s.source_id,
       s.device, o.payment_method, o.ad_id, CASE WHEN o.status IN ('paid', 'shipped', 'delivered') THEN 1 ELSE 0 END,
       l.subtotal, l.discount, l.subtotal - l.discount, l.items, l.cogs
FROM (
  SELECT d.order_id, SUM(d.quantity * d.unit_price) AS subtotal, SUM(d.line_discount) AS discount,
         SUM(d.quantity) AS items, SUM(d.quantity * d.unit_cost) AS cogs
  FROM order_details d
  GROUP BY d.order_id
  UNION ALL
  SELECT x.order_id, 0, 0, 0, 0 FROM orders x
  WHERE NOT EXISTS (SELECT 1 FROM order_details d WHERE d.order_id = x.order_id)
) l
JOIN orders o ON o.order_id = l.order_id
JOIN sessions s ON s.session_id = o.session_id;
-- An incremental refresh: the orders of the recomputed days and those of their sessions' days,
-- each order's lines looked up by its id (correlated: a grouped pass would read every line, and
-- MySQL and TiDB would not narrow it to these orders as MariaDB does).
-- when: incremental
INSERT INTO rollup_order_work (order_id, day, session_id, session_day, city, source_id, device, payment_method,
                               ad_id, is_paid, subtotal, discount, total, items, cogs)
SELECT x.order_id, x.day, x.session_id, x.session_day, x.city, x.source_id, x.device, x.payment_method,
       x.ad_id, x.is_paid, x.subtotal, x.discount, x.subtotal - x.discount, x.items, x.cogs
FROM (
  SELECT o.order_id, DATE(o.ordered_at) AS day, s.session_id, DATE(s.started_at) AS session_day, o.city,
         s.source_id, s.device, o.payment_method, o.ad_id,
         CASE WHEN o.status IN ('paid', 'shipped', 'delivered') THEN 1 ELSE 0 END AS is_paid,
         (SELECT COALESCE(SUM(d.quantity * d.unit_price), 0) FROM order_details d WHERE d.order_id = o.order_id) AS subtotal,
         (SELECT COALESCE(SUM(d.line_discount), 0) FROM order_details d WHERE d.order_id = o.order_id) AS discount,
         (SELECT COALESCE(SUM(d.quantity), 0) FROM order_details d WHERE d.order_id = o.order_id) AS items,
         (SELECT COALESCE(SUM(d.quantity * d.unit_cost), 0) FROM order_details d WHERE d.order_id = o.order_id) AS cogs
  FROM (
    SELECT o.order_id FROM orders o
    WHERE o.ordered_at >= @refresh_from AND o.ordered_at < @refresh_until
      AND DATE(o.ordered_at) IN (SELECT day FROM rollup_work_days)
    UNION
    SELECT o.order_id FROM sessions s JOIN orders o ON o.session_id = s.session_id
    WHERE s.started_at >= @refresh_from AND s.started_at < @refresh_until
      AND DATE(s.started_at) IN (SELECT day FROM rollup_work_days)
  ) w
  JOIN orders o ON o.order_id = w.order_id
  JOIN sessions s ON s.session_id = o.session_id
) x;
