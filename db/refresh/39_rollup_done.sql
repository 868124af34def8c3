-- The recomputed days are clean; rollup_state records the refresh. This one statement is what
-- marks a refresh finished (a data version bumped here changes with every refresh).
SET @refresh_days = (SELECT COUNT(*) FROM rollup_work_days),
    @refresh_from = (SELECT MIN(day) FROM rollup_work_days),
    @refresh_until = (SELECT MAX(day) + INTERVAL 1 DAY FROM rollup_work_days);
DELETE d FROM rollup_dirty_days d JOIN rollup_work_days w ON w.day = d.day;
DELETE FROM rollup_work_days;
-- The order work table has been read (by 34_order_totals.sql the last).
TRUNCATE TABLE rollup_order_work;
UPDATE rollup_state
SET last_refresh_at = NOW(3),
    last_full_refresh_at = CASE WHEN @refresh_full = 1 THEN NOW(3) ELSE last_full_refresh_at END,
    last_days_refreshed = @refresh_days,
    last_first_day = @refresh_from,
    last_last_day = @refresh_until - INTERVAL 1 DAY,
    data_version = data_version + 1
WHERE id = 1;
