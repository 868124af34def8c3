-- Funnel events per ad: impression, click, lead, conversion. Impressions are reported by
-- the ad servers in batches (event_count > 1); clicks, leads and conversions are single
-- events, tied to the user and (for conversions) the order where known.
CREATE TABLE ad_interactions (
  interaction_id BIGINT UNSIGNED NOT NULL,
  ad_id INT UNSIGNED NOT NULL,
  user_id INT UNSIGNED NULL,
  order_id BIGINT UNSIGNED NULL,
  stage VARCHAR(10) NOT NULL,
  occurred_at DATETIME NOT NULL,
  event_count INT UNSIGNED NOT NULL DEFAULT 1,
  PRIMARY KEY (interaction_id),
  KEY ix_ad_interactions_occurred (occurred_at),
  KEY ix_ad_interactions_ad (ad_id, occurred_at),
  KEY ix_ad_interactions_user (user_id),
  KEY ix_ad_interactions_order (order_id),
  CONSTRAINT fk_ad_interactions_ad FOREIGN KEY (ad_id) REFERENCES ads (ad_id),
  CONSTRAINT fk_ad_interactions_user FOREIGN KEY (user_id) REFERENCES users (user_id),
  CONSTRAINT fk_ad_interactions_order FOREIGN KEY (order_id) REFERENCES orders (order_id),
  CONSTRAINT ck_ad_interactions_stage CHECK (stage IN ('impression', 'click', 'lead', 'conversion')),
  CONSTRAINT ck_ad_interactions_count CHECK (event_count >= 1 AND (stage = 'impression' OR event_count = 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
