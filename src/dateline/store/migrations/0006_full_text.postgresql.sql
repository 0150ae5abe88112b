-- Full-text search over every story's headline and body (store/search.py), PostgreSQL
-- side: a GIN index on the tsvector of the two. An index on an expression is kept in
-- step by every write to stories with nothing else to maintain, and building it here
-- indexes the existing stories (backfill). The 'simple' configuration lower-cases words
-- and neither stems nor drops any, as the SQLite index (0006_full_text.sqlite.sql) does;
-- search.py writes its queries with exactly this expression, so the planner uses the index.

CREATE INDEX stories_search ON stories
    USING GIN (to_tsvector('simple'::regconfig, coalesce(headline, '') || ' ' || body));
