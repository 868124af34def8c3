-- Bookkeeping for the incremental rollup refresh (sp_refresh_rollups).
-- rollup_dirty_days: days touched by writes since the last refresh (filled by the triggers in db/triggers).
-- rollup_work_days: the days the running refresh is recomputing (guarded by GET_LOCK).
-- rollup_state: one row with the time and size of the last refresh.
CREATE TABLE rollup_dirty_days (
  day DATE NOT NULL,
  PRIMARY KEY (day)
) ENGINE=InnoDB;

CREATE TABLE rollup_work_days (
  day DATE NOT NULL,
  PRIMARY KEY (day)
) ENGINE=InnoDB;

CREATE TABLE rollup_state (
  id TINYINT UNSIGNED NOT NULL,
  last_refresh_at DATETIME(3) NULL,
  last_full_refresh_at DATETIME(3) NULL,
  last_days_refreshed INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT ck_rollup_state_single_row CHECK (id = 1)
) ENGINE=InnoDB;

INSERT INTO rollup_state (id) VALUES (1);
