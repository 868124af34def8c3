-- The daily ad rollup from the interactions. Runs beside the other 31_ files: one stage, each
-- file on a connection of its own when the refresh runs in parallel (src/db/refresh-steps.ts).
-- A rollup's recomputed days are deleted and inserted again from the base tables, so running
-- the refresh twice gives the same rows; a full refresh empties it with TRUNCATE and reads every
-- fact row once, with no per-day filter. Large rollups are inserted in primary-key order (ORDER
-- BY the grouping): appending keeps InnoDB from splitting pages all over an index larger than
-- its buffer pool. The paid orders attributed to each ad are added in 33_facts_done.sql.
-- when: incremental
DELETE g FROM agg_ad_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: full
TRUNCATE TABLE agg_ad_daily;
-- Ads: funnel events and spend per day, then the paid orders attributed to each ad added to
-- their day's row (a row of its own when the ad had no events that day). Spend is the cost of
-- the day's delivery under the placement's pricing — the one definition of spend (ads'
-- budget_spent and campaign spend are sums of it): CPM bills impressions per thousand, CPC
-- bills clicks. Exact (no rounding): DECIMAL(18,7) holds price(4dp) / 1000.
-- STRAIGHT_JOIN: the grouped interactions come first. Left to itself MariaDB starts from the 15
-- placements and groups each ad's interactions on its own through the (ad_id, occurred_at) index
-- (a "lateral derived" table): one row lookup per interaction, 27 s instead of 10 s at scale 10.
-- SQL_BIG_RESULT: the groups (about one per six interactions) are formed by sorting, not in a
-- temporary table (10 s → 8 s at scale 10, with the refresh's sort buffer, refresh-runner.ts).
INSERT INTO agg_ad_daily (day, ad_id, impressions, clicks, leads, conversions, spend, orders, revenue, cogs)
SELECT STRAIGHT_JOIN x.day, x.ad_id, x.impressions, x.clicks, x.leads, x.conversions,
       CASE p.pricing_model
         WHEN 'CPM' THEN x.impressions * p.unit_price / 1000
         WHEN 'CPC' THEN x.clicks * p.unit_price
         ELSE 0
       END,
       0, 0, 0
FROM (
  SELECT SQL_BIG_RESULT DATE(i.occurred_at) AS day, i.ad_id,
         SUM(CASE WHEN i.stage = 'impression' THEN i.event_count ELSE 0 END) AS impressions,
         SUM(CASE WHEN i.stage = 'click' THEN i.event_count ELSE 0 END) AS clicks,
         SUM(CASE WHEN i.stage = 'lead' THEN i.event_count ELSE 0 END) AS leads,
         SUM(CASE WHEN i.stage = 'conversion' THEN i.event_count ELSE 0 END) AS conversions
  FROM ad_interactions i
  WHERE @refresh_full = 1
     OR (i.occurred_at >= @refresh_from AND i.occurred_at < @refresh_until
         AND DATE(i.occurred_at) IN (SELECT day FROM rollup_work_days))
  GROUP BY DATE(i.occurred_at), i.ad_id
) x
JOIN ads a ON a.ad_id = x.ad_id
JOIN ad_pricing p ON p.pricing_id = a.pricing_id
ORDER BY x.day, x.ad_id;
