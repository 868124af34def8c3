-- Marks the days this write touches as dirty for the next incremental rollup refresh.
-- Bulk loaders set @kpi_bulk_load = 1 and run a full refresh afterwards instead.
CREATE TRIGGER trg_order_details_ad AFTER DELETE ON order_details FOR EACH ROW
BEGIN
  IF @kpi_bulk_load IS NULL THEN
    INSERT IGNORE INTO rollup_dirty_days (day)
      SELECT DATE(o.ordered_at) FROM orders o WHERE o.order_id = OLD.order_id;
  END IF;
END
