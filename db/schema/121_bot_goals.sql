-- Goals (src/goals/goal-store.ts): a target per KPI, cadence (week, month or quarter) and
-- filters (the canonical filter words, '' for none), one per (kpi, area, cadence, filters):
-- setting it again replaces the amount. area is the area whose answers the goal's KPI is
-- read from (orders for revenue, campaigns for spend …). Answers and digests showing that KPI
-- with the same filters show progress and pace. Times are UTC, from the application's clock.
CREATE TABLE bot_goals (
  goal_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  kpi VARCHAR(32) NOT NULL,
  area VARCHAR(32) NOT NULL,
  cadence VARCHAR(8) NOT NULL,
  filters VARCHAR(500) NOT NULL DEFAULT '',
  amount DECIMAL(20,4) NOT NULL,
  created_by VARCHAR(255) NOT NULL,
  created_in VARCHAR(300) NOT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (goal_id),
  UNIQUE KEY uq_bot_goals (kpi, area, cadence, filters),
  CONSTRAINT ck_bot_goals_cadence CHECK (cadence IN ('week', 'month', 'quarter')),
  CONSTRAINT ck_bot_goals_amount CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
