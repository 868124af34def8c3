-- Marks the signup day of a deleted user as dirty (signup rollups) for the next incremental refresh.
CREATE TRIGGER trg_users_ad AFTER DELETE ON users FOR EACH ROW
BEGIN
  IF @kpi_bulk_load IS NULL THEN
    INSERT IGNORE INTO rollup_dirty_days (day) VALUES (OLD.signup_date);
  END IF;
END
