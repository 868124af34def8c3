-- Per user: paid orders, revenue net of discounts, first and last paid order (no personal data).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_user_order_summary AS
SELECT u.user_id, u.city, u.gender, YEAR(u.birth_date) AS birth_year, u.device, u.platform, u.signup_date,
       COUNT(o.order_id) AS orders, COALESCE(SUM(o.total), 0) AS revenue,
       MIN(DATE(o.ordered_at)) AS first_order_date, MAX(DATE(o.ordered_at)) AS last_order_date
FROM users u
LEFT JOIN orders o ON o.user_id = u.user_id AND o.status IN ('paid', 'shipped', 'delivered')
GROUP BY u.user_id, u.city, u.gender, YEAR(u.birth_date), u.device, u.platform, u.signup_date
