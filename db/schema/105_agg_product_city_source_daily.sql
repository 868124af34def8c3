-- Paid order lines per day, shipping city, traffic source (of the order's session) and
-- product: the top products of an `orders` answer filtered by city or source. Kept by
-- sp_refresh_rollups with agg_product_daily (same dirty days); the indexes lead with the
-- filter so a city or a source reads its own rows only.
CREATE TABLE agg_product_city_source_daily (
  day DATE NOT NULL,
  city VARCHAR(80) NOT NULL,
  source_id SMALLINT UNSIGNED NOT NULL,
  product_id INT UNSIGNED NOT NULL,
  units INT UNSIGNED NOT NULL DEFAULT 0,
  revenue DECIMAL(14,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (day, city, source_id, product_id),
  KEY ix_agg_product_city_source_city (city, day),
  KEY ix_agg_product_city_source_source (source_id, day),
  CONSTRAINT fk_agg_product_city_source_source FOREIGN KEY (source_id) REFERENCES traffic_sources (source_id),
  CONSTRAINT fk_agg_product_city_source_product FOREIGN KEY (product_id) REFERENCES products (product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
