-- Advertising platforms (Meta, Google, TikTok, ...).
CREATE TABLE ad_platforms (
  platform_id SMALLINT UNSIGNED NOT NULL,
  slug VARCHAR(30) NOT NULL,
  name VARCHAR(60) NOT NULL,
  PRIMARY KEY (platform_id),
  UNIQUE KEY uq_ad_platforms_slug (slug),
  CONSTRAINT ck_ad_platforms_slug CHECK (slug REGEXP '^[a-z0-9_]+$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
