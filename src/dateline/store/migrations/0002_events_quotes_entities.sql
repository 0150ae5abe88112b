-- What the NLP stage and the event coder read from each story: entities, quotes
-- and coded events, with the versions that made them so a page re-coded by
-- another coder version can be told apart and replaced.
-- Portable SQL (SQLite and PostgreSQL). Spans are character offsets into the
-- story text (its body paragraphs joined by a blank line).

ALTER TABLE pages ADD COLUMN nlp_version TEXT;
ALTER TABLE pages ADD COLUMN coder_version TEXT;

CREATE TABLE events (
    page_id         TEXT NOT NULL REFERENCES pages (page_id) ON DELETE CASCADE,
    story_position  INTEGER NOT NULL,
    event_id        TEXT NOT NULL,
    position        INTEGER NOT NULL,
    type            TEXT NOT NULL,
    family          TEXT NOT NULL,
    core            BOOLEAN NOT NULL,
    certainty       TEXT NOT NULL,
    trigger_word    TEXT NOT NULL,
    sentence        TEXT NOT NULL,
    actors_json     TEXT NOT NULL,
    targets_json    TEXT NOT NULL,
    place_name      TEXT,
    place_key       TEXT,
    country         TEXT,
    admin1          TEXT,
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    place_precision TEXT,
    date            TEXT,
    date_end        TEXT,
    date_from       TEXT,
    date_to         TEXT,
    killed          INTEGER,
    injured         INTEGER,
    arrested        INTEGER,
    spans_json      TEXT NOT NULL,
    coder_version   TEXT NOT NULL,
    PRIMARY KEY (page_id, story_position, event_id)
);

CREATE INDEX events_event_id ON events (event_id);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_family ON events (family);
CREATE INDEX events_country ON events (country);
CREATE INDEX events_place_key ON events (place_key);
CREATE INDEX events_date_from ON events (date_from);
CREATE INDEX events_date_to ON events (date_to);
CREATE INDEX events_certainty ON events (certainty);

CREATE TABLE quotes (
    page_id         TEXT NOT NULL REFERENCES pages (page_id) ON DELETE CASCADE,
    story_position  INTEGER NOT NULL,
    quote_id        TEXT NOT NULL,
    position        INTEGER NOT NULL,
    speaker         TEXT,
    text            TEXT NOT NULL,
    direct          BOOLEAN NOT NULL,
    balanced        BOOLEAN NOT NULL,
    spans_json      TEXT NOT NULL,
    nlp_version     TEXT,
    PRIMARY KEY (page_id, story_position, quote_id)
);

CREATE INDEX quotes_quote_id ON quotes (quote_id);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE entities (
    page_id         TEXT NOT NULL REFERENCES pages (page_id) ON DELETE CASCADE,
    story_position  INTEGER NOT NULL,
    entity_id       TEXT NOT NULL,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    type            TEXT NOT NULL,
    title           TEXT,
    mentions        INTEGER NOT NULL,
    spans_json      TEXT NOT NULL,
    nlp_version     TEXT,
    PRIMARY KEY (page_id, story_position, entity_id)
);

CREATE INDEX entities_entity_id ON entities (entity_id);
CREATE INDEX entities_name ON entities (name);
CREATE INDEX entities_type ON entities (type);
