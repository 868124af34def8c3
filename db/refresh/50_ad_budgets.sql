-- Ad budgets spent: the ad's spend over all its days (agg_ad_daily.spend, priced from reach,
-- clicks and the placement's pricing in 31_ad_facts.sql; exact decimals, so the sum equals
-- the price of the lifetime totals), for the ads in rollup_ad_touch (as 40_funnel_metrics.sql),
-- which it then empties. Idempotent.
INSERT IGNORE INTO rollup_ad_touch (ad_id) SELECT ad_id FROM ads WHERE COALESCE(@refresh_full, 1) = 1;
UPDATE ads a
JOIN rollup_ad_touch t ON t.ad_id = a.ad_id
LEFT JOIN (
  SELECT g.ad_id, SUM(g.spend) AS spend
  FROM agg_ad_daily g
  WHERE g.ad_id IN (SELECT ad_id FROM rollup_ad_touch)
  GROUP BY g.ad_id
) f ON f.ad_id = a.ad_id
SET a.budget_spent = COALESCE(f.spend, 0);
DELETE FROM rollup_ad_touch;
