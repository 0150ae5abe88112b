-- Pages read, the stories cleaned from them, the lines dropped, and failures.
-- Portable SQL (SQLite and PostgreSQL): ISO 8601 text for dates, ids are content hashes.

CREATE TABLE pages (
    page_id         TEXT PRIMARY KEY,
    source          TEXT NOT NULL,
    url             TEXT,
    fetched         TEXT,
    kind            TEXT NOT NULL,
    encoding        TEXT,
    byte_offset     BIGINT,
    cleaner_version TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    failure_stage   TEXT,
    failure_reason  TEXT,
    stored_at       TEXT NOT NULL
);

CREATE INDEX pages_source ON pages (source);

CREATE TABLE stories (
    page_id         TEXT NOT NULL REFERENCES pages (page_id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    story_id        TEXT NOT NULL,
    headline        TEXT,
    dateline_place  TEXT,
    dateline_agency TEXT,
    byline          TEXT,
    published       TEXT,
    updated         TEXT,
    body            TEXT NOT NULL,
    body_json       TEXT NOT NULL,
    captions_json   TEXT NOT NULL,
    PRIMARY KEY (page_id, position)
);

CREATE INDEX stories_story_id ON stories (story_id);
CREATE INDEX stories_published ON stories (published);

CREATE TABLE removed (
    page_id   TEXT NOT NULL REFERENCES pages (page_id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    reason    TEXT NOT NULL,
    rule      TEXT,
    PRIMARY KEY (page_id, position)
);

CREATE TABLE failures (
    failure_id  TEXT PRIMARY KEY,
    page_id     TEXT,
    source      TEXT NOT NULL,
    stage       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    byte_offset BIGINT,
    recorded_at TEXT NOT NULL
);

CREATE INDEX failures_source ON failures (source);
CREATE INDEX failures_page_id ON failures (page_id);
