-- Ads: a creative in a campaign, bought on one platform placement (ad_pricing).
-- planned_budget is the input; reach, spend and the funnel counters are derived by
-- sp_calc_funnel_metrics and sp_calc_ad_budgets.
CREATE TABLE ads (
  ad_id INT UNSIGNED NOT NULL,
  campaign_id INT UNSIGNED NOT NULL,
  pricing_id SMALLINT UNSIGNED NOT NULL,
  ad_format VARCHAR(12) NOT NULL,
  headline VARCHAR(160) NOT NULL,
  status VARCHAR(10) NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NULL,
  planned_budget DECIMAL(12,2) NOT NULL,
  budget_spent DECIMAL(18,7) NOT NULL DEFAULT 0,
  impressions BIGINT UNSIGNED NOT NULL DEFAULT 0,
  clicks BIGINT UNSIGNED NOT NULL DEFAULT 0,
  leads BIGINT UNSIGNED NOT NULL DEFAULT 0,
  conversions BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (ad_id),
  KEY ix_ads_campaign (campaign_id),
  KEY ix_ads_pricing (pricing_id),
  CONSTRAINT fk_ads_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (campaign_id),
  CONSTRAINT fk_ads_pricing FOREIGN KEY (pricing_id) REFERENCES ad_pricing (pricing_id),
  CONSTRAINT ck_ads_format CHECK (ad_format IN ('image', 'video', 'carousel', 'text', 'story', 'collection')),
  CONSTRAINT ck_ads_status CHECK (status IN ('active', 'paused', 'ended')),
  CONSTRAINT ck_ads_dates CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT ck_ads_planned_budget CHECK (planned_budget >= 0),
  CONSTRAINT ck_ads_budget_spent CHECK (budget_spent >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
