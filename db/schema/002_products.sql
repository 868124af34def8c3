-- Products: catalogue, pricing and inventory. stock_qty is the quantity on hand now.
CREATE TABLE products (
  product_id INT UNSIGNED NOT NULL,
  category_id SMALLINT UNSIGNED NOT NULL,
  sku VARCHAR(32) NOT NULL,
  name VARCHAR(160) NOT NULL,
  price DECIMAL(10,2) NOT NULL,
  unit_cost DECIMAL(10,2) NOT NULL,
  stock_qty INT NOT NULL,
  reorder_level INT NOT NULL,
  is_active TINYINT(1) NOT NULL DEFAULT 1,
  created_date DATE NOT NULL,
  PRIMARY KEY (product_id),
  UNIQUE KEY uq_products_sku (sku),
  KEY ix_products_category (category_id),
  KEY ix_products_stock (stock_qty, reorder_level),
  CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES product_categories (category_id),
  CONSTRAINT ck_products_price CHECK (price >= 0),
  CONSTRAINT ck_products_unit_cost CHECK (unit_cost >= 0),
  CONSTRAINT ck_products_stock CHECK (stock_qty >= 0),
  CONSTRAINT ck_products_reorder_level CHECK (reorder_level >= 0),
  CONSTRAINT ck_products_is_active CHECK (is_active IN (0, 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
