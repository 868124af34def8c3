-- Money movements for an order (one or more per order; a refund is its own row).
CREATE TABLE payments (
  payment_id BIGINT UNSIGNED NOT NULL,
  order_id BIGINT UNSIGNED NOT NULL,
  method VARCHAR(16) NOT NULL,
  status VARCHAR(10) NOT NULL,
  amount DECIMAL(12,2) NOT NULL,
  paid_at DATETIME NOT NULL,
  PRIMARY KEY (payment_id),
  KEY ix_payments_order (order_id),
  KEY ix_payments_paid_at (paid_at),
  CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders (order_id),
  CONSTRAINT ck_payments_method CHECK (method IN ('card', 'paypal', 'apple_pay', 'google_pay', 'klarna', 'bank_transfer', 'cash_on_delivery', 'gift_card')),
  CONSTRAINT ck_payments_status CHECK (status IN ('captured', 'refunded', 'failed')),
  CONSTRAINT ck_payments_amount CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
