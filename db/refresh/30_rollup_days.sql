-- The days the rollups recompute (rollup_work_days): those in rollup_dirty_days (marked by the
-- triggers, by the loaders and by 10_changes.sql). A full refresh empties every rollup and, once
-- the fine rollups are rewritten from all facts, takes every day that has facts
-- (33_facts_done.sql): no pass over the fact tables just to find their days. An incremental
-- refresh selects fact rows by an index range over [@refresh_from, @refresh_until) plus a
-- semi-join on the day
-- (`DATE(t) IN (SELECT day FROM rollup_work_days)`): a join on per-day ranges makes both servers
-- re-plan the range for every row ("range checked for each record"), ~50x slower.
-- The data version moves at the start as well as at the end (39_rollup_done.sql): an answer
-- computed while the rollups are rewritten is never kept under either version (answer cache).
UPDATE rollup_state SET data_version = data_version + 1 WHERE id = 1;
DELETE FROM rollup_work_days;
INSERT INTO rollup_work_days (day) SELECT day FROM rollup_dirty_days;
SET @refresh_from = (SELECT MIN(day) FROM rollup_work_days),
    @refresh_until = (SELECT MAX(day) + INTERVAL 1 DAY FROM rollup_work_days);

-- Who was active on the recomputed days before the refresh (seen 1; see 34_user_returns.sql).
DELETE FROM rollup_user_touch;
INSERT INTO rollup_user_touch (user_id, day, seen)
SELECT g.user_id, g.day, 1 FROM agg_user_activity_daily g JOIN rollup_work_days w ON w.day = g.day
WHERE @refresh_full = 0;

-- Ads with a daily row on the recomputed days before the refresh (see 40_funnel_metrics.sql).
DELETE FROM rollup_ad_touch;
INSERT INTO rollup_ad_touch (ad_id)
SELECT DISTINCT g.ad_id FROM agg_ad_daily g JOIN rollup_work_days w ON w.day = g.day
WHERE @refresh_full = 0;
