-- Marks the days this write touches as dirty for the next incremental rollup refresh.
-- Bulk loaders set @kpi_bulk_load = 1 and run a full refresh afterwards instead.
CREATE TRIGGER trg_sessions_ai AFTER INSERT ON sessions FOR EACH ROW
BEGIN
  IF @kpi_bulk_load IS NULL THEN
    INSERT IGNORE INTO rollup_dirty_days (day) VALUES (DATE(NEW.started_at));
  END IF;
END
