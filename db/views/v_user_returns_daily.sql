-- Active users by day, city ('' = every city) and days since their previous active day
-- (capped at 92; see db/schema/070_agg_summary_rollups.sql for how distinct users are counted).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_user_returns_daily AS
SELECT g.city, g.day, g.gap, g.users
FROM agg_user_returns_daily g
