-- The data version: a counter bumped by the statement that records a finished refresh
-- (UPDATE rollup_state in db/refresh/39_rollup_done.sql, and at the start in 30_rollup_days.sql), so every refresh, full or incremental, gives
-- the reporting data a new version. Answers are cached per version (src/engine/answer-cache.ts):
-- a refresh makes the next answer fresh at once, on every replica. Read through v_data_version.
ALTER TABLE rollup_state ADD COLUMN data_version BIGINT UNSIGNED NOT NULL DEFAULT 0;
