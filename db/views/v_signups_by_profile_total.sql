-- Every user's profile counted per city and profile value (all signup days).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_signups_by_profile_total AS
SELECT g.city, g.dimension, g.dim_value, g.users
FROM agg_signups_total g
