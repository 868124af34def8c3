-- Placement pricing per platform: CPM (price per 1,000 impressions) or CPC (price per click).
CREATE TABLE ad_pricing (
  pricing_id SMALLINT UNSIGNED NOT NULL,
  platform_id SMALLINT UNSIGNED NOT NULL,
  placement VARCHAR(30) NOT NULL,
  pricing_model CHAR(3) NOT NULL,
  unit_price DECIMAL(10,4) NOT NULL,
  PRIMARY KEY (pricing_id),
  UNIQUE KEY uq_ad_pricing_placement (platform_id, placement),
  CONSTRAINT fk_ad_pricing_platform FOREIGN KEY (platform_id) REFERENCES ad_platforms (platform_id),
  CONSTRAINT ck_ad_pricing_model CHECK (pricing_model IN ('CPM', 'CPC')),
  CONSTRAINT ck_ad_pricing_unit_price CHECK (unit_price > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
