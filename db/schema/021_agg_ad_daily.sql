-- Daily rollup per ad: funnel counts, spend from placement pricing, and the paid orders
-- attributed to the ad (revenue net of discounts, cost of goods sold).
CREATE TABLE agg_ad_daily (
  day DATE NOT NULL,
  ad_id INT UNSIGNED NOT NULL,
  impressions BIGINT UNSIGNED NOT NULL DEFAULT 0,
  clicks INT UNSIGNED NOT NULL DEFAULT 0,
  leads INT UNSIGNED NOT NULL DEFAULT 0,
  conversions INT UNSIGNED NOT NULL DEFAULT 0,
  spend DECIMAL(18,7) NOT NULL DEFAULT 0,
  orders INT UNSIGNED NOT NULL DEFAULT 0,
  revenue DECIMAL(14,2) NOT NULL DEFAULT 0,
  cogs DECIMAL(14,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (day, ad_id),
  KEY ix_agg_ad_daily_ad (ad_id, day),
  CONSTRAINT fk_agg_ad_daily_ad FOREIGN KEY (ad_id) REFERENCES ads (ad_id)
) ENGINE=InnoDB;
