-- Full-text search over every story's headline and body (store/search.py), SQLite side:
-- an FTS5 index that keeps no copy of the text (content=''), and the key of the story
-- each of its rows stands for. Triggers keep both in step with every write to stories:
-- an insert indexes the story, a delete (a page replaced on re-ingest) unindexes it, an
-- update does both. Not stories.rowid: VACUUM may renumber the rowids of a table whose
-- key is not an INTEGER PRIMARY KEY, and the index would then point at other stories.
-- Words are runs of letters and digits, any case; accents are kept, as PostgreSQL's
-- 'simple' configuration keeps them (0006_search.postgresql.sql), so both find the same.
-- The existing stories are indexed here (backfill).

CREATE TABLE story_search_keys (
    search_id  INTEGER PRIMARY KEY,
    page_id    TEXT NOT NULL,
    position   INTEGER NOT NULL,
    UNIQUE (page_id, position)
);

CREATE VIRTUAL TABLE story_search USING fts5(
    headline, body, content='', tokenize='unicode61 remove_diacritics 0'
);

CREATE TRIGGER story_search_insert AFTER INSERT ON stories BEGIN
    INSERT INTO story_search_keys (page_id, position) VALUES (new.page_id, new.position);
    INSERT INTO story_search (rowid, headline, body)
        SELECT search_id, coalesce(new.headline, ''), new.body FROM story_search_keys
        WHERE page_id = new.page_id AND position = new.position;
END;

CREATE TRIGGER story_search_delete AFTER DELETE ON stories BEGIN
    INSERT INTO story_search (story_search, rowid, headline, body)
        SELECT 'delete', search_id, coalesce(old.headline, ''), old.body FROM story_search_keys
        WHERE page_id = old.page_id AND position = old.position;
    DELETE FROM story_search_keys WHERE page_id = old.page_id AND position = old.position;
END;

CREATE TRIGGER story_search_update AFTER UPDATE ON stories BEGIN
    INSERT INTO story_search (story_search, rowid, headline, body)
        SELECT 'delete', search_id, coalesce(old.headline, ''), old.body FROM story_search_keys
        WHERE page_id = old.page_id AND position = old.position;
    DELETE FROM story_search_keys WHERE page_id = old.page_id AND position = old.position;
    INSERT INTO story_search_keys (page_id, position) VALUES (new.page_id, new.position);
    INSERT INTO story_search (rowid, headline, body)
        SELECT search_id, coalesce(new.headline, ''), new.body FROM story_search_keys
        WHERE page_id = new.page_id AND position = new.position;
END;

INSERT INTO story_search_keys (page_id, position) SELECT page_id, position FROM stories;

INSERT INTO story_search (rowid, headline, body)
    SELECT k.search_id, coalesce(s.headline, ''), s.body
    FROM story_search_keys AS k JOIN stories AS s ON s.page_id = k.page_id AND s.position = k.position;

-- And the indexes the workbench's filters need on 50,000 incidents (benchmarks/workbench_queries.py):
-- a date range reads both ends of each row's days, and the list sorts by the toll.
CREATE INDEX incidents_days ON incidents (date_to, date_from);
CREATE INDEX events_days ON events (date_to, date_from);
CREATE INDEX incidents_killed ON incidents (killed);
