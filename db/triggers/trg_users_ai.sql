-- Marks the signup day of a new user as dirty (signup rollups) for the next incremental refresh.
-- Bulk loaders set @kpi_bulk_load = 1 and run a full refresh afterwards instead.
CREATE TRIGGER trg_users_ai AFTER INSERT ON users FOR EACH ROW
BEGIN
  IF @kpi_bulk_load IS NULL THEN
    INSERT IGNORE INTO rollup_dirty_days (day) VALUES (NEW.signup_date);
  END IF;
END
