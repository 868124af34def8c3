-- Summary rollups, maintained by sp_refresh_rollups with the fine ones (same dirty days),
-- so an answer reads days × campaigns or days × a few keys, not days × ads, products or users.

-- Per campaign and ad platform per day (agg_ad_daily summed over the campaign's ads).
CREATE TABLE agg_campaign_daily (
  day DATE NOT NULL,
  campaign_id INT UNSIGNED NOT NULL,
  platform_id SMALLINT UNSIGNED NOT NULL,
  impressions BIGINT UNSIGNED NOT NULL DEFAULT 0,
  clicks BIGINT UNSIGNED NOT NULL DEFAULT 0,
  leads BIGINT UNSIGNED NOT NULL DEFAULT 0,
  conversions BIGINT UNSIGNED NOT NULL DEFAULT 0,
  spend DECIMAL(20,7) NOT NULL DEFAULT 0,
  orders BIGINT UNSIGNED NOT NULL DEFAULT 0,
  revenue DECIMAL(16,2) NOT NULL DEFAULT 0,
  cogs DECIMAL(16,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (day, campaign_id, platform_id),
  KEY ix_agg_campaign_daily_campaign (campaign_id, day),
  KEY ix_agg_campaign_daily_platform (platform_id, day),
  CONSTRAINT fk_agg_campaign_daily_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (campaign_id),
  CONSTRAINT fk_agg_campaign_daily_platform FOREIGN KEY (platform_id) REFERENCES ad_platforms (platform_id)
) ENGINE=InnoDB;

-- Per ad platform and ad format per day.
CREATE TABLE agg_format_daily (
  day DATE NOT NULL,
  platform_id SMALLINT UNSIGNED NOT NULL,
  ad_format VARCHAR(12) NOT NULL,
  impressions BIGINT UNSIGNED NOT NULL DEFAULT 0,
  clicks BIGINT UNSIGNED NOT NULL DEFAULT 0,
  leads BIGINT UNSIGNED NOT NULL DEFAULT 0,
  conversions BIGINT UNSIGNED NOT NULL DEFAULT 0,
  spend DECIMAL(20,7) NOT NULL DEFAULT 0,
  orders BIGINT UNSIGNED NOT NULL DEFAULT 0,
  revenue DECIMAL(16,2) NOT NULL DEFAULT 0,
  cogs DECIMAL(16,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (day, platform_id, ad_format),
  KEY ix_agg_format_daily_platform (platform_id, day),
  CONSTRAINT fk_agg_format_daily_platform FOREIGN KEY (platform_id) REFERENCES ad_platforms (platform_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Orders per shipping city and payment method per day (agg_orders_daily without the source).
CREATE TABLE agg_orders_city_daily (
  day DATE NOT NULL,
  city VARCHAR(80) NOT NULL,
  payment_method VARCHAR(16) NOT NULL,
  orders_placed INT UNSIGNED NOT NULL DEFAULT 0,
  orders_paid INT UNSIGNED NOT NULL DEFAULT 0,
  items INT UNSIGNED NOT NULL DEFAULT 0,
  gross DECIMAL(16,2) NOT NULL DEFAULT 0,
  discount DECIMAL(16,2) NOT NULL DEFAULT 0,
  revenue DECIMAL(16,2) NOT NULL DEFAULT 0,
  cogs DECIMAL(16,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (day, city, payment_method)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Paid order lines per product category per day (agg_product_daily summed by category).
CREATE TABLE agg_category_daily (
  day DATE NOT NULL,
  category_id SMALLINT UNSIGNED NOT NULL,
  order_lines INT UNSIGNED NOT NULL DEFAULT 0,
  units INT UNSIGNED NOT NULL DEFAULT 0,
  revenue DECIMAL(16,2) NOT NULL DEFAULT 0,
  cogs DECIMAL(16,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (day, category_id),
  CONSTRAINT fk_agg_category_daily_category FOREIGN KEY (category_id) REFERENCES product_categories (category_id)
) ENGINE=InnoDB;

-- Active users as a histogram of "days since the user was last active": for each day, city
-- and gap, how many users were active that day whose previous active day was `gap` days
-- earlier (gap capped at 92; a first-ever active day counts as 92). city '' = every city.
-- Distinct users active in [from, to] (at most 92 days) = the sum of users over the days d
-- in the range with gap > d - from: each user is counted on their first active day in it.
-- A user's city is never '' (the CHECK below), so '' cannot be mistaken for a city.
ALTER TABLE users ADD CONSTRAINT ck_users_city_named CHECK (city <> '');

CREATE TABLE agg_user_returns_daily (
  city VARCHAR(80) NOT NULL,
  day DATE NOT NULL,
  gap SMALLINT UNSIGNED NOT NULL,
  users INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (city, day, gap),
  KEY ix_agg_user_returns_daily_day (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Signups per signup day, city ('' = every city) and profile dimension value (dimension
-- gender, birth_year, device, platform or city), and the same summed over all days (what
-- every user's profile looks like now); users who signed up by day D = total - signups after D.
CREATE TABLE agg_signups_daily (
  day DATE NOT NULL,
  city VARCHAR(80) NOT NULL,
  dimension VARCHAR(12) NOT NULL,
  dim_value VARCHAR(80) NOT NULL,
  users INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (day, city, dimension, dim_value),
  KEY ix_agg_signups_daily_city (city, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agg_signups_total (
  city VARCHAR(80) NOT NULL,
  dimension VARCHAR(12) NOT NULL,
  dim_value VARCHAR(80) NOT NULL,
  users INT NOT NULL DEFAULT 0,
  PRIMARY KEY (city, dimension, dim_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Refresh work tables: the (user, day) activity rows of the recomputed days, before (seen 1),
-- after (2) or both (3) the refresh; those not in both changed, and each such user's next
-- active day is recomputed in the return histogram along with the recomputed days
-- (rollup_return_days).
CREATE TABLE rollup_user_touch (
  user_id INT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  seen TINYINT UNSIGNED NOT NULL,
  PRIMARY KEY (user_id, day)
) ENGINE=InnoDB;

CREATE TABLE rollup_return_days (
  day DATE NOT NULL,
  PRIMARY KEY (day)
) ENGINE=InnoDB;
