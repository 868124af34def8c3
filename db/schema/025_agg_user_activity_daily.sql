-- One row per user per day with at least one signed-in session (active users).
CREATE TABLE agg_user_activity_daily (
  day DATE NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  sessions INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (day, user_id),
  KEY ix_agg_user_activity_daily_user (user_id, day),
  CONSTRAINT fk_agg_user_activity_daily_user FOREIGN KEY (user_id) REFERENCES users (user_id)
) ENGINE=InnoDB;
