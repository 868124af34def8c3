-- Signup day x city x gender x birth year x device x platform: new users.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_user_signups_daily AS
SELECT u.signup_date AS day, u.city, u.gender, YEAR(u.birth_date) AS birth_year, u.device, u.platform,
       COUNT(*) AS users
FROM users u
GROUP BY u.signup_date, u.city, u.gender, YEAR(u.birth_date), u.device, u.platform
