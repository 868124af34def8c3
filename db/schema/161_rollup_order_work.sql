-- The refresh's per-order work table (db/refresh/31_rollup_facts.sql): each order of the
-- recomputed days joined once with its session and summed over its lines, so the order, ad,
-- product and session rollups read it instead of each joining orders, sessions and lines again
-- (the session lookups were the full rebuild's slowest part). Empty between refreshes.
CREATE TABLE rollup_order_work (
  order_id BIGINT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  session_id BIGINT UNSIGNED NOT NULL,
  session_day DATE NOT NULL,
  city VARCHAR(80) NOT NULL,
  source_id SMALLINT UNSIGNED NOT NULL,
  device VARCHAR(10) NOT NULL,
  payment_method VARCHAR(16) NOT NULL,
  ad_id INT UNSIGNED NULL,
  is_paid TINYINT UNSIGNED NOT NULL,
  subtotal DECIMAL(12,2) NOT NULL,
  discount DECIMAL(12,2) NOT NULL,
  total DECIMAL(12,2) NOT NULL,
  items INT NOT NULL,
  cogs DECIMAL(16,2) NOT NULL,
  PRIMARY KEY (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
