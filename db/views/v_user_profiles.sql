-- One row per user without personal data: signup day, city, demographics, device and platform.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_user_profiles AS
SELECT u.user_id, u.signup_date, u.city, u.country_code, u.gender, YEAR(u.birth_date) AS birth_year,
       u.device, u.platform
FROM users u
