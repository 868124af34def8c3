-- Marks the days this write touches as dirty for the next incremental rollup refresh.
-- Bulk loaders set @kpi_bulk_load = 1 and run a full refresh afterwards instead.
CREATE TRIGGER trg_ads_au AFTER UPDATE ON ads FOR EACH ROW
BEGIN
  IF @kpi_bulk_load IS NULL THEN
    IF NOT (OLD.pricing_id <=> NEW.pricing_id) OR NOT (OLD.campaign_id <=> NEW.campaign_id) THEN
      INSERT IGNORE INTO rollup_dirty_days (day) SELECT a.day FROM agg_ad_daily a WHERE a.ad_id = NEW.ad_id;
    END IF;
  END IF;
END
