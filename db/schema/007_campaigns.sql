-- Marketing campaigns. budget, spend and the counters are derived by sp_calc_campaign_totals.
CREATE TABLE campaigns (
  campaign_id INT UNSIGNED NOT NULL,
  name VARCHAR(120) NOT NULL,
  objective VARCHAR(12) NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NULL,
  status VARCHAR(10) NOT NULL,
  budget DECIMAL(14,2) NOT NULL DEFAULT 0,
  spend DECIMAL(18,7) NOT NULL DEFAULT 0,
  impressions BIGINT UNSIGNED NOT NULL DEFAULT 0,
  clicks BIGINT UNSIGNED NOT NULL DEFAULT 0,
  leads BIGINT UNSIGNED NOT NULL DEFAULT 0,
  conversions BIGINT UNSIGNED NOT NULL DEFAULT 0,
  revenue DECIMAL(14,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id),
  UNIQUE KEY uq_campaigns_name (name),
  KEY ix_campaigns_dates (start_date, end_date),
  CONSTRAINT ck_campaigns_objective CHECK (objective IN ('awareness', 'traffic', 'leads', 'sales')),
  CONSTRAINT ck_campaigns_status CHECK (status IN ('draft', 'active', 'paused', 'ended')),
  CONSTRAINT ck_campaigns_dates CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT ck_campaigns_money CHECK (budget >= 0 AND spend >= 0 AND revenue >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
