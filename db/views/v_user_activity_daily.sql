-- Day x active user (signed in with at least one session that day), with the user's city.
-- Active users in a period = COUNT(DISTINCT user_id) over its days.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_user_activity_daily AS
SELECT g.day, g.user_id, u.city, g.sessions
FROM agg_user_activity_daily g
JOIN users u ON u.user_id = g.user_id
