-- Daily rollup of sessions by traffic source and device; a converted session has at
-- least one paid order, and orders/revenue are the paid orders placed in those sessions.
CREATE TABLE agg_sessions_daily (
  day DATE NOT NULL,
  source_id SMALLINT UNSIGNED NOT NULL,
  device VARCHAR(10) NOT NULL,
  sessions INT UNSIGNED NOT NULL DEFAULT 0,
  converted_sessions INT UNSIGNED NOT NULL DEFAULT 0,
  orders INT UNSIGNED NOT NULL DEFAULT 0,
  revenue DECIMAL(14,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (day, source_id, device),
  CONSTRAINT fk_agg_sessions_daily_source FOREIGN KEY (source_id) REFERENCES traffic_sources (source_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
