-- Ad budgets spent: the ad's spend over all its days (agg_ad_daily.spend, priced from reach,
-- clicks and the placement's pricing in 31_rollup_facts.sql; exact decimals, so the sum equals
-- the price of the lifetime totals). Idempotent.
UPDATE ads a
LEFT JOIN (
  SELECT ad_id, SUM(spend) AS spend FROM agg_ad_daily GROUP BY ad_id
) f ON f.ad_id = a.ad_id
SET a.budget_spent = COALESCE(f.spend, 0);
