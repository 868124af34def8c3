-- Signups by profile also by birth date (dimension 'birth_date', value YYYY-MM-DD), so age
-- bands are exact in completed years on any day: users born on or before D minus k years are
-- at least k years old on D (sp_refresh_rollups keeps these rows from now on). This fills
-- them for the days already rolled up; a database without users gets no rows.
INSERT INTO agg_signups_daily (day, city, dimension, dim_value, users)
SELECT u.signup_date, u.city, 'birth_date', CAST(u.birth_date AS CHAR), COUNT(*)
FROM users u
WHERE u.signup_date IN (SELECT g.day FROM agg_signups_daily g WHERE g.city = '' AND g.dimension = 'gender')
GROUP BY u.signup_date, u.city, u.birth_date;

INSERT INTO agg_signups_daily (day, city, dimension, dim_value, users)
SELECT g.day, '', g.dimension, g.dim_value, SUM(g.users)
FROM agg_signups_daily g
WHERE g.dimension = 'birth_date' AND g.city <> ''
GROUP BY g.day, g.dimension, g.dim_value;

INSERT INTO agg_signups_total (city, dimension, dim_value, users)
SELECT g.city, g.dimension, g.dim_value, SUM(g.users)
FROM agg_signups_daily g
WHERE g.dimension = 'birth_date'
GROUP BY g.city, g.dimension, g.dim_value;
