-- Incremental refresh of the daily rollups (agg_*) that the reporting views read.
-- Recomputes only the days in rollup_dirty_days (marked by the triggers on the fact tables);
-- p_full = 1 first marks every day that has facts or rollup rows, i.e. a rebuild.
-- Each recomputed day is deleted and re-inserted from the base tables, so running it twice
-- gives the same rows. Refreshes of one database are serialised with GET_LOCK.
-- Fact rows are selected by an index range over [first, last day] plus a semi-join on the
-- day (`DATE(t) IN (SELECT day FROM rollup_work_days)`): a join on per-day ranges makes
-- both servers re-plan the range for every row ("range checked for each record"), ~50x slower.
-- Order totals must be current (sp_calc_order_totals); sp_refresh_all runs both in order.
CREATE PROCEDURE sp_refresh_rollups(IN p_full TINYINT)
BEGIN
  DECLARE v_lock VARCHAR(100) DEFAULT CONCAT('kpi_refresh_rollups:', DATABASE());
  DECLARE v_days INT UNSIGNED DEFAULT 0;
  DECLARE v_from DATETIME;
  DECLARE v_until DATETIME;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    DO RELEASE_LOCK(v_lock);
    RESIGNAL;
  END;

  IF COALESCE(GET_LOCK(v_lock, 600), 0) = 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'another rollup refresh is still running';
  END IF;

  IF p_full = 1 THEN
    INSERT IGNORE INTO rollup_dirty_days (day) SELECT DISTINCT DATE(occurred_at) FROM ad_interactions;
    INSERT IGNORE INTO rollup_dirty_days (day) SELECT DISTINCT DATE(ordered_at) FROM orders;
    INSERT IGNORE INTO rollup_dirty_days (day) SELECT DISTINCT DATE(started_at) FROM sessions;
    INSERT IGNORE INTO rollup_dirty_days (day) SELECT DISTINCT day FROM agg_ad_daily;
    INSERT IGNORE INTO rollup_dirty_days (day) SELECT DISTINCT day FROM agg_orders_daily;
    INSERT IGNORE INTO rollup_dirty_days (day) SELECT DISTINCT day FROM agg_sessions_daily;
    INSERT IGNORE INTO rollup_dirty_days (day) SELECT DISTINCT signup_date FROM users;
    INSERT IGNORE INTO rollup_dirty_days (day) SELECT DISTINCT day FROM agg_signups_daily;
  END IF;

  DELETE FROM rollup_work_days;
  INSERT INTO rollup_work_days (day) SELECT day FROM rollup_dirty_days;
  SET v_days = ROW_COUNT();
  SELECT MIN(day), MAX(day) + INTERVAL 1 DAY INTO v_from, v_until FROM rollup_work_days;

  -- Who was active on the recomputed days before the refresh (seen 1; see rollup_user_touch).
  DELETE FROM rollup_user_touch;
  IF p_full = 0 THEN
    INSERT INTO rollup_user_touch (user_id, day, seen)
    SELECT g.user_id, g.day, 1 FROM agg_user_activity_daily g JOIN rollup_work_days w ON w.day = g.day;
  END IF;

  DELETE g FROM agg_ad_daily g JOIN rollup_work_days w ON w.day = g.day;
  DELETE g FROM agg_campaign_daily g JOIN rollup_work_days w ON w.day = g.day;
  DELETE g FROM agg_format_daily g JOIN rollup_work_days w ON w.day = g.day;
  DELETE g FROM agg_orders_city_daily g JOIN rollup_work_days w ON w.day = g.day;
  DELETE g FROM agg_category_daily g JOIN rollup_work_days w ON w.day = g.day;
  DELETE g FROM agg_orders_daily g JOIN rollup_work_days w ON w.day = g.day;
  DELETE g FROM agg_product_daily g JOIN rollup_work_days w ON w.day = g.day;
  DELETE g FROM agg_product_city_source_daily g JOIN rollup_work_days w ON w.day = g.day;
  DELETE g FROM agg_sessions_daily g JOIN rollup_work_days w ON w.day = g.day;
  DELETE g FROM agg_user_activity_daily g JOIN rollup_work_days w ON w.day = g.day;

  -- Ads: funnel events and spend, plus the paid orders attributed to each ad.
  INSERT INTO agg_ad_daily (day, ad_id, impressions, clicks, leads, conversions, spend, orders, revenue, cogs)
  SELECT x.day, x.ad_id, SUM(x.impressions), SUM(x.clicks), SUM(x.leads), SUM(x.conversions),
         fn_ad_cost(p.pricing_model, p.unit_price, SUM(x.impressions), SUM(x.clicks)),
         SUM(x.orders), SUM(x.revenue), SUM(x.cogs)
  FROM (
    SELECT DATE(i.occurred_at) AS day, i.ad_id,
           SUM(CASE WHEN i.stage = 'impression' THEN i.event_count ELSE 0 END) AS impressions,
           SUM(CASE WHEN i.stage = 'click' THEN i.event_count ELSE 0 END) AS clicks,
           SUM(CASE WHEN i.stage = 'lead' THEN i.event_count ELSE 0 END) AS leads,
           SUM(CASE WHEN i.stage = 'conversion' THEN i.event_count ELSE 0 END) AS conversions,
           0 AS orders, 0 AS revenue, 0 AS cogs
    FROM ad_interactions i
    WHERE i.occurred_at >= v_from AND i.occurred_at < v_until
      AND DATE(i.occurred_at) IN (SELECT day FROM rollup_work_days)
    GROUP BY DATE(i.occurred_at), i.ad_id
    UNION ALL
    SELECT o.day, o.ad_id, 0, 0, 0, 0, COUNT(*), SUM(o.total), SUM(o.cogs)
    FROM (
      SELECT DATE(po.ordered_at) AS day, po.order_id, po.ad_id, po.total,
             COALESCE(SUM(d.quantity * d.unit_cost), 0) AS cogs
      FROM orders po
      LEFT JOIN order_details d ON d.order_id = po.order_id
      WHERE po.ordered_at >= v_from AND po.ordered_at < v_until
        AND DATE(po.ordered_at) IN (SELECT day FROM rollup_work_days)
        AND po.ad_id IS NOT NULL AND po.status IN ('paid', 'shipped', 'delivered')
      GROUP BY DATE(po.ordered_at), po.order_id, po.ad_id, po.total
    ) o
    GROUP BY o.day, o.ad_id
  ) x
  JOIN ads a ON a.ad_id = x.ad_id
  JOIN ad_pricing p ON p.pricing_id = a.pricing_id
  GROUP BY x.day, x.ad_id, p.pricing_model, p.unit_price;

  -- Orders by city, traffic source (of the order's session) and payment method.
  INSERT INTO agg_orders_daily (day, city, source_id, payment_method, orders_placed, orders_paid, items, gross, discount, revenue, cogs)
  SELECT x.day, x.city, x.source_id, x.payment_method, COUNT(*), SUM(x.is_paid),
         SUM(x.is_paid * x.items), SUM(x.is_paid * x.subtotal), SUM(x.is_paid * x.discount),
         SUM(x.is_paid * x.total), SUM(x.is_paid * x.cogs)
  FROM (
    SELECT DATE(o.ordered_at) AS day, o.order_id, o.city, s.source_id, o.payment_method,
           CASE WHEN o.status IN ('paid', 'shipped', 'delivered') THEN 1 ELSE 0 END AS is_paid,
           o.subtotal, o.discount, o.total,
           COALESCE(SUM(d.quantity), 0) AS items, COALESCE(SUM(d.quantity * d.unit_cost), 0) AS cogs
    FROM orders o
    JOIN sessions s ON s.session_id = o.session_id
    LEFT JOIN order_details d ON d.order_id = o.order_id
    WHERE o.ordered_at >= v_from AND o.ordered_at < v_until
      AND DATE(o.ordered_at) IN (SELECT day FROM rollup_work_days)
    GROUP BY DATE(o.ordered_at), o.order_id, o.city, s.source_id, o.payment_method, o.status, o.subtotal, o.discount, o.total
  ) x
  GROUP BY x.day, x.city, x.source_id, x.payment_method;

  -- Paid order lines per product.
  INSERT INTO agg_product_daily (day, product_id, orders, units, revenue, cogs)
  SELECT DATE(o.ordered_at), d.product_id, COUNT(DISTINCT o.order_id), SUM(d.quantity),
         SUM(d.quantity * d.unit_price - d.line_discount), SUM(d.quantity * d.unit_cost)
  FROM orders o
  JOIN order_details d ON d.order_id = o.order_id
  WHERE o.ordered_at >= v_from AND o.ordered_at < v_until
    AND DATE(o.ordered_at) IN (SELECT day FROM rollup_work_days)
    AND o.status IN ('paid', 'shipped', 'delivered')
  GROUP BY DATE(o.ordered_at), d.product_id;

  -- The same lines by shipping city and traffic source (of the order's session).
  INSERT INTO agg_product_city_source_daily (day, city, source_id, product_id, units, revenue)
  SELECT DATE(o.ordered_at), o.city, s.source_id, d.product_id, SUM(d.quantity),
         SUM(d.quantity * d.unit_price - d.line_discount)
  FROM orders o
  JOIN sessions s ON s.session_id = o.session_id
  JOIN order_details d ON d.order_id = o.order_id
  WHERE o.ordered_at >= v_from AND o.ordered_at < v_until
    AND DATE(o.ordered_at) IN (SELECT day FROM rollup_work_days)
    AND o.status IN ('paid', 'shipped', 'delivered')
  GROUP BY DATE(o.ordered_at), o.city, s.source_id, d.product_id;

  -- Sessions by source and device, with the paid orders placed in them.
  INSERT INTO agg_sessions_daily (day, source_id, device, sessions, converted_sessions, orders, revenue)
  SELECT x.day, x.source_id, x.device, COUNT(*), SUM(CASE WHEN x.orders > 0 THEN 1 ELSE 0 END),
         SUM(x.orders), SUM(x.revenue)
  FROM (
    SELECT DATE(s.started_at) AS day, s.session_id, s.source_id, s.device,
           COUNT(o.order_id) AS orders, COALESCE(SUM(o.total), 0) AS revenue
    FROM sessions s
    LEFT JOIN orders o ON o.session_id = s.session_id AND o.status IN ('paid', 'shipped', 'delivered')
    WHERE s.started_at >= v_from AND s.started_at < v_until
      AND DATE(s.started_at) IN (SELECT day FROM rollup_work_days)
    GROUP BY DATE(s.started_at), s.session_id, s.source_id, s.device
  ) x
  GROUP BY x.day, x.source_id, x.device;

  -- Signed-in users with a session that day.
  INSERT INTO agg_user_activity_daily (day, user_id, sessions)
  SELECT DATE(s.started_at), s.user_id, COUNT(*)
  FROM sessions s
  WHERE s.started_at >= v_from AND s.started_at < v_until
    AND DATE(s.started_at) IN (SELECT day FROM rollup_work_days)
    AND s.user_id IS NOT NULL
  GROUP BY DATE(s.started_at), s.user_id;

  -- Summary rollups of the recomputed days, from the fine rollups just written.
  INSERT INTO agg_campaign_daily (day, campaign_id, platform_id, impressions, clicks, leads, conversions, spend, orders, revenue, cogs)
  SELECT g.day, a.campaign_id, p.platform_id, SUM(g.impressions), SUM(g.clicks), SUM(g.leads),
         SUM(g.conversions), SUM(g.spend), SUM(g.orders), SUM(g.revenue), SUM(g.cogs)
  FROM agg_ad_daily g
  JOIN rollup_work_days w ON w.day = g.day
  JOIN ads a ON a.ad_id = g.ad_id
  JOIN ad_pricing p ON p.pricing_id = a.pricing_id
  GROUP BY g.day, a.campaign_id, p.platform_id;

  INSERT INTO agg_format_daily (day, platform_id, ad_format, impressions, clicks, leads, conversions, spend, orders, revenue, cogs)
  SELECT g.day, p.platform_id, a.ad_format, SUM(g.impressions), SUM(g.clicks), SUM(g.leads),
         SUM(g.conversions), SUM(g.spend), SUM(g.orders), SUM(g.revenue), SUM(g.cogs)
  FROM agg_ad_daily g
  JOIN rollup_work_days w ON w.day = g.day
  JOIN ads a ON a.ad_id = g.ad_id
  JOIN ad_pricing p ON p.pricing_id = a.pricing_id
  GROUP BY g.day, p.platform_id, a.ad_format;

  INSERT INTO agg_orders_city_daily (day, city, payment_method, orders_placed, orders_paid, items, gross, discount, revenue, cogs)
  SELECT g.day, g.city, g.payment_method, SUM(g.orders_placed), SUM(g.orders_paid), SUM(g.items),
         SUM(g.gross), SUM(g.discount), SUM(g.revenue), SUM(g.cogs)
  FROM agg_orders_daily g
  JOIN rollup_work_days w ON w.day = g.day
  GROUP BY g.day, g.city, g.payment_method;

  INSERT INTO agg_category_daily (day, category_id, order_lines, units, revenue, cogs)
  SELECT g.day, p.category_id, SUM(g.orders), SUM(g.units), SUM(g.revenue), SUM(g.cogs)
  FROM agg_product_daily g
  JOIN rollup_work_days w ON w.day = g.day
  JOIN products p ON p.product_id = g.product_id
  GROUP BY g.day, p.category_id;

  -- Active-user return histogram (see db/schema/070_agg_summary_rollups.sql).
  DELETE FROM rollup_return_days;
  IF p_full = 1 THEN
    DELETE FROM agg_user_returns_daily;
    INSERT INTO agg_user_returns_daily (city, day, gap, users)
    SELECT u.city, x.day, x.gap, COUNT(*)
    FROM (
      SELECT g.user_id, g.day,
             LEAST(COALESCE(DATEDIFF(g.day, LAG(g.day) OVER (PARTITION BY g.user_id ORDER BY g.day)), 92), 92) AS gap
      FROM agg_user_activity_daily g
    ) x
    JOIN users u ON u.user_id = x.user_id
    GROUP BY u.city, x.day, x.gap;
    INSERT INTO rollup_return_days (day) SELECT DISTINCT day FROM agg_user_activity_daily;
  ELSE
    -- Active after the refresh too (seen 3) is unchanged; only a row that came or went moves
    -- the gap of that user's next active day (usually a handful of users, not everyone).
    INSERT INTO rollup_user_touch (user_id, day, seen)
    SELECT g.user_id, g.day, 2 FROM agg_user_activity_daily g JOIN rollup_work_days w ON w.day = g.day
    ON DUPLICATE KEY UPDATE seen = rollup_user_touch.seen | 2;
    DELETE FROM rollup_user_touch WHERE seen = 3;
    INSERT INTO rollup_return_days (day) SELECT day FROM rollup_work_days;
    INSERT IGNORE INTO rollup_return_days (day)
    SELECT n.day FROM (
      SELECT (SELECT MIN(a.day) FROM agg_user_activity_daily a WHERE a.user_id = t.user_id AND a.day > t.day) AS day
      FROM rollup_user_touch t
    ) n
    WHERE n.day IS NOT NULL;
    DELETE g FROM agg_user_returns_daily g JOIN rollup_return_days r ON r.day = g.day;
    INSERT INTO agg_user_returns_daily (city, day, gap, users)
    SELECT u.city, x.day, x.gap, COUNT(*)
    FROM (
      SELECT g.user_id, g.day,
             LEAST(COALESCE(DATEDIFF(g.day, (
               SELECT MAX(a.day) FROM agg_user_activity_daily a WHERE a.user_id = g.user_id AND a.day < g.day
             )), 92), 92) AS gap
      FROM agg_user_activity_daily g
      JOIN rollup_return_days r ON r.day = g.day
    ) x
    JOIN users u ON u.user_id = x.user_id
    GROUP BY u.city, x.day, x.gap;
  END IF;
  INSERT INTO agg_user_returns_daily (city, day, gap, users)
  SELECT '', g.day, g.gap, SUM(g.users)
  FROM agg_user_returns_daily g
  JOIN rollup_return_days r ON r.day = g.day
  WHERE g.city <> ''
  GROUP BY g.day, g.gap;
  DELETE FROM rollup_return_days;
  DELETE FROM rollup_user_touch;

  -- Signups by profile: take the recomputed days out of the totals, recompute them, add them back.
  IF p_full = 1 THEN
    DELETE FROM agg_signups_total;
  ELSE
    UPDATE agg_signups_total t
    JOIN (
      SELECT g.city, g.dimension, g.dim_value, SUM(g.users) AS users
      FROM agg_signups_daily g
      JOIN rollup_work_days w ON w.day = g.day
      GROUP BY g.city, g.dimension, g.dim_value
    ) o ON o.city = t.city AND o.dimension = t.dimension AND o.dim_value = t.dim_value
    SET t.users = t.users - o.users;
  END IF;
  DELETE g FROM agg_signups_daily g JOIN rollup_work_days w ON w.day = g.day;
  INSERT INTO agg_signups_daily (day, city, dimension, dim_value, users)
  SELECT x.signup_date, x.city, d.dimension,
         CASE d.dimension
           WHEN 'gender' THEN x.gender WHEN 'birth_year' THEN LEFT(x.birth_date, 4)
           WHEN 'birth_date' THEN x.birth_date WHEN 'device' THEN x.device
           WHEN 'platform' THEN x.platform ELSE x.city
         END AS dim_value,
         SUM(x.users)
  FROM (
    SELECT u.signup_date, u.city, u.gender, CAST(u.birth_date AS CHAR) AS birth_date, u.device, u.platform,
           COUNT(*) AS users
    FROM users u
    JOIN rollup_work_days w ON w.day = u.signup_date
    GROUP BY u.signup_date, u.city, u.gender, u.birth_date, u.device, u.platform
  ) x
  CROSS JOIN (
    SELECT 'gender' AS dimension UNION ALL SELECT 'birth_year' UNION ALL SELECT 'birth_date'
    UNION ALL SELECT 'device' UNION ALL SELECT 'platform' UNION ALL SELECT 'city'
  ) d
  GROUP BY x.signup_date, x.city, d.dimension, dim_value;
  -- Every city together (city ''), so a question without a city reads a few rows a day.
  INSERT INTO agg_signups_daily (day, city, dimension, dim_value, users)
  SELECT g.day, '', g.dimension, g.dim_value, SUM(g.users)
  FROM agg_signups_daily g
  JOIN rollup_work_days w ON w.day = g.day
  WHERE g.city <> ''
  GROUP BY g.day, g.dimension, g.dim_value;
  INSERT INTO agg_signups_total (city, dimension, dim_value, users)
  SELECT n.city, n.dimension, n.dim_value, n.users
  FROM (
    SELECT g.city, g.dimension, g.dim_value, SUM(g.users) AS users
    FROM agg_signups_daily g
    JOIN rollup_work_days w ON w.day = g.day
    GROUP BY g.city, g.dimension, g.dim_value
  ) n
  ON DUPLICATE KEY UPDATE users = agg_signups_total.users + n.users;
  DELETE FROM agg_signups_total WHERE users = 0;

  DELETE d FROM rollup_dirty_days d JOIN rollup_work_days w ON w.day = d.day;
  DELETE FROM rollup_work_days;
  UPDATE rollup_state
  SET last_refresh_at = NOW(3),
      last_full_refresh_at = CASE WHEN p_full = 1 THEN NOW(3) ELSE last_full_refresh_at END,
      last_days_refreshed = v_days,
      data_version = data_version + 1
  WHERE id = 1;

  DO RELEASE_LOCK(v_lock);
END
