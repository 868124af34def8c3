-- Daily rollup of orders by shipping city, traffic source and payment method.
-- Paid means status paid, shipped or delivered; revenue is net of discounts.
CREATE TABLE agg_orders_daily (
  day DATE NOT NULL,
  city VARCHAR(80) NOT NULL,
  source_id SMALLINT UNSIGNED NOT NULL,
  payment_method VARCHAR(16) NOT NULL,
  orders_placed INT UNSIGNED NOT NULL DEFAULT 0,
  orders_paid INT UNSIGNED NOT NULL DEFAULT 0,
  items INT UNSIGNED NOT NULL DEFAULT 0,
  gross DECIMAL(14,2) NOT NULL DEFAULT 0,
  discount DECIMAL(14,2) NOT NULL DEFAULT 0,
  revenue DECIMAL(14,2) NOT NULL DEFAULT 0,
  cogs DECIMAL(14,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (day, city, source_id, payment_method),
  CONSTRAINT fk_agg_orders_daily_source FOREIGN KEY (source_id) REFERENCES traffic_sources (source_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
