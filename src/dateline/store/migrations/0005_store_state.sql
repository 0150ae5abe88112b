-- What the store knows about itself, one row per counter (store/state.py):
--   pages      bumped in the same transaction as every write that adds or replaces pages
--   incidents  the value of "pages" the stored story groups and incidents were built from
-- Incidents are stale when the two differ; any later ingest or `dateline incidents`
-- rebuilds them. A store that held pages before this migration starts stale, once.
-- Portable SQL: runs on SQLite and PostgreSQL.

CREATE TABLE dateline_state (
    name   TEXT NOT NULL PRIMARY KEY,
    value  BIGINT NOT NULL
);

INSERT INTO dateline_state (name, value)
    SELECT 'pages', CASE WHEN EXISTS (SELECT 1 FROM pages) THEN 1 ELSE 0 END;

INSERT INTO dateline_state (name, value) VALUES ('incidents', 0);
