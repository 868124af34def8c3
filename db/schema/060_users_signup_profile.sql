-- Signups by profile (users area: v_user_profiles grouped by gender, birth year, device,
-- platform or city up to a day) read this index alone instead of the users rows.
CREATE INDEX ix_users_signup_profile ON users (signup_date, city, gender, birth_date, device, platform);
