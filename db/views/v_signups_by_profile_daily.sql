-- Signups per day, city and profile value (dimension gender, birth_year, device, platform, city).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_signups_by_profile_daily AS
SELECT g.day, g.city, g.dimension, g.dim_value, g.users
FROM agg_signups_daily g
