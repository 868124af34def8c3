-- Signups by profile: take the recomputed days out of the totals, recompute them, add them back
-- (a full refresh starts the totals from nothing).
-- when: full
TRUNCATE TABLE agg_signups_total;
-- when: incremental
UPDATE agg_signups_total t
JOIN (
  SELECT g.city, g.dimension, g.dim_value, SUM(g.users) AS users
  FROM agg_signups_daily g
  JOIN rollup_work_days w ON w.day = g.day
  WHERE @refresh_full = 0
  GROUP BY g.city, g.dimension, g.dim_value
) o ON o.city = t.city AND o.dimension = t.dimension AND o.dim_value = t.dim_value
SET t.users = t.users - o.users;
-- when: incremental
DELETE g FROM agg_signups_daily g JOIN rollup_work_days w ON w.day = g.day;
-- when: full
TRUNCATE TABLE agg_signups_daily;
INSERT INTO agg_signups_daily (day, city, dimension, dim_value, users)
SELECT x.signup_date, x.city, d.dimension,
       CASE d.dimension
         WHEN 'gender' THEN x.gender WHEN 'birth_year' THEN LEFT(x.birth_date, 4)
         WHEN 'birth_date' THEN x.birth_date WHEN 'device' THEN x.device
         WHEN 'platform' THEN x.platform ELSE x.city
       END AS dim_value,
       SUM(x.users)
FROM (
  SELECT u.signup_date, u.city, u.gender, CAST(u.birth_date AS CHAR) AS birth_date, u.device, u.platform,
         COUNT(*) AS users
  FROM users u
  JOIN rollup_work_days w ON w.day = u.signup_date
  GROUP BY u.signup_date, u.city, u.gender, u.birth_date, u.device, u.platform
) x
CROSS JOIN (
  SELECT 'gender' AS dimension UNION ALL SELECT 'birth_year' UNION ALL SELECT 'birth_date'
  UNION ALL SELECT 'device' UNION ALL SELECT 'platform' UNION ALL SELECT 'city'
) d
GROUP BY x.signup_date, x.city, d.dimension, dim_value;
-- Every city together (city ''), so a question without a city reads a few rows a day.
INSERT INTO agg_signups_daily (day, city, dimension, dim_value, users)
SELECT g.day, '', g.dimension, g.dim_value, SUM(g.users)
FROM agg_signups_daily g
JOIN rollup_work_days w ON w.day = g.day
WHERE g.city <> ''
GROUP BY g.day, g.dimension, g.dim_value;
INSERT INTO agg_signups_total (city, dimension, dim_value, users)
SELECT n.city, n.dimension, n.dim_value, n.users
FROM (
  SELECT g.city, g.dimension, g.dim_value, SUM(g.users) AS users
  FROM agg_signups_daily g
  JOIN rollup_work_days w ON w.day = g.day
  GROUP BY g.city, g.dimension, g.dim_value
) n
ON DUPLICATE KEY UPDATE users = agg_signups_total.users + n.users;
DELETE FROM agg_signups_total WHERE users = 0;
