-- bot_subscriptions.quiet: a quiet digest (`/kpi subscribe … --quiet`) is sent only when a KPI
-- moved (src/schedule/movers.ts); otherwise nothing, except one "nothing unusual" line when
-- nothing was sent for a week (src/schedule/deliver.ts), so silence is not taken for failure.
ALTER TABLE bot_subscriptions ADD COLUMN quiet TINYINT(1) NOT NULL DEFAULT 0 AFTER paused,
  ADD CONSTRAINT ck_bot_subscriptions_quiet CHECK (quiet IN (0, 1));
