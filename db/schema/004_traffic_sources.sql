-- Where a session came from (paid_social, paid_search, organic_search, email, direct, referral, ...).
CREATE TABLE traffic_sources (
  source_id SMALLINT UNSIGNED NOT NULL,
  slug VARCHAR(40) NOT NULL,
  name VARCHAR(60) NOT NULL,
  is_paid TINYINT(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (source_id),
  UNIQUE KEY uq_traffic_sources_slug (slug),
  CONSTRAINT ck_traffic_sources_slug CHECK (slug REGEXP '^[a-z0-9_]+$'),
  CONSTRAINT ck_traffic_sources_is_paid CHECK (is_paid IN (0, 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
