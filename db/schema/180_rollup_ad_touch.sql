-- The refresh's work table of ads whose lifetime sums (ads.impressions … budget_spent) are to be
-- recomputed from agg_ad_daily (db/refresh/40_funnel_metrics.sql, 50_ad_budgets.sql): in an
-- incremental refresh the ads with a daily row on a recomputed day, before the refresh
-- (30_rollup_days.sql) or after it (31_rollup_facts.sql); in a full refresh, or when the
-- procedures are called on their own, every ad. Emptied by 50_ad_budgets.sql.
CREATE TABLE rollup_ad_touch (
  ad_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (ad_id)
) ENGINE=InnoDB;
