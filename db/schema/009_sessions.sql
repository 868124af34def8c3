-- Site/app visits. Times are wall-clock in the shop's report time zone.
-- ad_id is set when the visit came from an ad click.
CREATE TABLE sessions (
  session_id BIGINT UNSIGNED NOT NULL,
  user_id INT UNSIGNED NULL,
  source_id SMALLINT UNSIGNED NOT NULL,
  ad_id INT UNSIGNED NULL,
  started_at DATETIME NOT NULL,
  device VARCHAR(10) NOT NULL,
  page_views SMALLINT UNSIGNED NOT NULL,
  duration_s INT UNSIGNED NOT NULL,
  PRIMARY KEY (session_id),
  KEY ix_sessions_started (started_at),
  KEY ix_sessions_user (user_id, started_at),
  KEY ix_sessions_source (source_id),
  KEY ix_sessions_ad (ad_id),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (user_id),
  CONSTRAINT fk_sessions_source FOREIGN KEY (source_id) REFERENCES traffic_sources (source_id),
  CONSTRAINT fk_sessions_ad FOREIGN KEY (ad_id) REFERENCES ads (ad_id),
  CONSTRAINT ck_sessions_device CHECK (device IN ('mobile', 'desktop', 'tablet')),
  CONSTRAINT ck_sessions_page_views CHECK (page_views >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
