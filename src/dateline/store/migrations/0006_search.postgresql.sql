-- Full-text search over every story's headline and body (store/search.py), PostgreSQL
-- side: a GIN index on the tsvector of the two. An index on an expression is kept in
-- step by every write to stories with nothing else to maintain, and building it here
-- indexes the existing stories (backfill). The 'simple' configuration lower-cases words
-- and neither stems nor drops any, as the SQLite index (0006_search.sqlite.sql) does;
-- search.py writes its queries with exactly this expression, so the planner uses the index.

CREATE INDEX stories_search ON stories
    USING GIN (to_tsvector('simple'::regconfig, coalesce(headline, '') || ' ' || body));

-- And the indexes the workbench's filters need on 50,000 incidents (benchmarks/workbench_queries.py):
-- a date range reads both ends of each row's days, and the list sorts by the toll.
CREATE INDEX incidents_days ON incidents (date_to, date_from);
CREATE INDEX events_days ON events (date_to, date_from);
CREATE INDEX incidents_killed ON incidents (killed);
