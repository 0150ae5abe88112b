-- 0009: the tsvector of every story stored in a column of its own (PostgreSQL only), and the
-- GIN index of 0006 moved onto it. The index on the expression finds the stories that hold a
-- phrase's words, but it keeps no positions: to check that the words stand next to each
-- other PostgreSQL recomputed each candidate's tsvector from its text (on 50,000 stories, a
-- phrase two stories in twenty hold cost 80 ms a query; benchmarks/workbench_queries.py).
-- A generated column is kept in step by every write to stories with nothing else to
-- maintain, and adding it computes it for the stories already stored (backfill). The
-- expression is 0006's, word for word (store/search.py queries this column). The column is
-- the one a backend has alone (store/schema.py BACKEND_COLUMNS): the code never writes it.

ALTER TABLE stories ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(headline, '') || ' ' || body)) STORED;

CREATE INDEX stories_search_vector ON stories USING GIN (search_vector);

DROP INDEX stories_search;
