-- Marks the days this write touches as dirty for the next incremental rollup refresh.
-- Bulk loaders set @kpi_bulk_load = 1 and run a full refresh afterwards instead.
CREATE TRIGGER trg_ad_pricing_au AFTER UPDATE ON ad_pricing FOR EACH ROW
BEGIN
  IF @kpi_bulk_load IS NULL THEN
    IF NOT (OLD.unit_price <=> NEW.unit_price) OR NOT (OLD.pricing_model <=> NEW.pricing_model) THEN
      INSERT IGNORE INTO rollup_dirty_days (day)
        SELECT DISTINCT a.day FROM agg_ad_daily a JOIN ads x ON x.ad_id = a.ad_id WHERE x.pricing_id = NEW.pricing_id;
    END IF;
  END IF;
END
