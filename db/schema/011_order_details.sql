-- Order lines. unit_price and unit_cost are the prices at the time of sale.
CREATE TABLE order_details (
  order_id BIGINT UNSIGNED NOT NULL,
  line_no SMALLINT UNSIGNED NOT NULL,
  product_id INT UNSIGNED NOT NULL,
  quantity INT NOT NULL,
  unit_price DECIMAL(10,2) NOT NULL,
  unit_cost DECIMAL(10,2) NOT NULL,
  line_discount DECIMAL(10,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (order_id, line_no),
  KEY ix_order_details_product (product_id),
  CONSTRAINT fk_order_details_order FOREIGN KEY (order_id) REFERENCES orders (order_id),
  CONSTRAINT fk_order_details_product FOREIGN KEY (product_id) REFERENCES products (product_id),
  CONSTRAINT ck_order_details_quantity CHECK (quantity > 0),
  CONSTRAINT ck_order_details_prices CHECK (unit_price >= 0 AND unit_cost >= 0),
  CONSTRAINT ck_order_details_discount CHECK (line_discount >= 0 AND line_discount <= quantity * unit_price)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
