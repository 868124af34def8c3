-- Orders. subtotal, discount, total and paid_amount are derived from order_details and
-- payments by sp_calc_order_totals. Revenue counts orders whose status is paid, shipped
-- or delivered. ad_id attributes the order to the ad (and so the campaign) that won it.
CREATE TABLE orders (
  order_id BIGINT UNSIGNED NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  session_id BIGINT UNSIGNED NOT NULL,
  ad_id INT UNSIGNED NULL,
  ordered_at DATETIME NOT NULL,
  status VARCHAR(10) NOT NULL,
  city VARCHAR(80) NOT NULL,
  payment_method VARCHAR(16) NOT NULL,
  subtotal DECIMAL(12,2) NOT NULL DEFAULT 0,
  discount DECIMAL(12,2) NOT NULL DEFAULT 0,
  total DECIMAL(12,2) NOT NULL DEFAULT 0,
  paid_amount DECIMAL(12,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (order_id),
  KEY ix_orders_ordered_at (ordered_at),
  KEY ix_orders_user (user_id, ordered_at),
  KEY ix_orders_session (session_id),
  KEY ix_orders_ad (ad_id),
  CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (user_id),
  CONSTRAINT fk_orders_session FOREIGN KEY (session_id) REFERENCES sessions (session_id),
  CONSTRAINT fk_orders_ad FOREIGN KEY (ad_id) REFERENCES ads (ad_id),
  CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
  CONSTRAINT ck_orders_payment_method CHECK (payment_method IN ('card', 'paypal', 'apple_pay', 'google_pay', 'klarna', 'bank_transfer', 'cash_on_delivery')),
  CONSTRAINT ck_orders_money CHECK (subtotal >= 0 AND discount >= 0 AND discount <= subtotal AND total >= 0 AND paid_amount >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
