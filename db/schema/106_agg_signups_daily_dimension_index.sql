-- Signups per day of one profile dimension in one city (the users area's new users per day,
-- and everyone's gender count on a past day) read their own rows: since birth dates joined
-- the dimensions (100), a (city, day) range also walks every birth-date row of those days,
-- about five times as many.
ALTER TABLE agg_signups_daily ADD INDEX ix_agg_signups_daily_city_dimension (city, dimension, day);
