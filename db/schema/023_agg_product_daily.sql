-- Daily rollup of paid order lines per product.
CREATE TABLE agg_product_daily (
  day DATE NOT NULL,
  product_id INT UNSIGNED NOT NULL,
  orders INT UNSIGNED NOT NULL DEFAULT 0,
  units INT UNSIGNED NOT NULL DEFAULT 0,
  revenue DECIMAL(14,2) NOT NULL DEFAULT 0,
  cogs DECIMAL(14,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (day, product_id),
  KEY ix_agg_product_daily_product (product_id, day),
  CONSTRAINT fk_agg_product_daily_product FOREIGN KEY (product_id) REFERENCES products (product_id)
) ENGINE=InnoDB;
