-- A product moved to another category moves its sales between category rollup rows:
-- every day it sold on is marked dirty for the next incremental refresh.
CREATE TRIGGER trg_products_au AFTER UPDATE ON products FOR EACH ROW
BEGIN
  IF @kpi_bulk_load IS NULL THEN
    IF NOT (OLD.category_id <=> NEW.category_id) THEN
      INSERT IGNORE INTO rollup_dirty_days (day)
        SELECT g.day FROM agg_product_daily g WHERE g.product_id = NEW.product_id;
    END IF;
  END IF;
END
