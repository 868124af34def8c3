-- Marks the days this write touches as dirty for the next incremental rollup refresh.
-- Bulk loaders set @kpi_bulk_load = 1 and run a full refresh afterwards instead.
CREATE TRIGGER trg_orders_ad AFTER DELETE ON orders FOR EACH ROW
BEGIN
  IF @kpi_bulk_load IS NULL THEN
    INSERT IGNORE INTO rollup_dirty_days (day) VALUES (DATE(OLD.ordered_at));
    INSERT IGNORE INTO rollup_dirty_days (day)
      SELECT DATE(s.started_at) FROM sessions s WHERE s.session_id = OLD.session_id;
  END IF;
END
