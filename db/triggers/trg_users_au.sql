-- A profile change moves the user between signup rollup rows (both signup days are marked);
-- a city change also moves their active days between cities (every active day is marked).
CREATE TRIGGER trg_users_au AFTER UPDATE ON users FOR EACH ROW
BEGIN
  IF @kpi_bulk_load IS NULL THEN
    IF NOT (OLD.signup_date <=> NEW.signup_date) OR NOT (OLD.city <=> NEW.city)
       OR NOT (OLD.gender <=> NEW.gender) OR NOT (OLD.birth_date <=> NEW.birth_date)
       OR NOT (OLD.device <=> NEW.device) OR NOT (OLD.platform <=> NEW.platform) THEN
      INSERT IGNORE INTO rollup_dirty_days (day) VALUES (OLD.signup_date), (NEW.signup_date);
    END IF;
    IF NOT (OLD.city <=> NEW.city) THEN
      INSERT IGNORE INTO rollup_dirty_days (day)
        SELECT g.day FROM agg_user_activity_daily g WHERE g.user_id = NEW.user_id;
    END IF;
  END IF;
END
