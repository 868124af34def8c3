-- The data version (rollup_state.data_version, bumped by every refresh): one row, one
-- primary-key lookup, read before each answer to find its cache entry (src/engine/answer-cache.ts).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW v_data_version AS
SELECT s.data_version
FROM rollup_state s
WHERE s.id = 1
