-- Story groups (exact and near-duplicate copies) and incidents (events from
-- different stories about one happening), both recomputed by refresh_incidents
-- (store/incidents.py). Portable SQL: runs on SQLite and PostgreSQL.

CREATE TABLE story_groups (
    page_id         TEXT NOT NULL REFERENCES pages (page_id) ON DELETE CASCADE,
    story_position  INTEGER NOT NULL,
    story_id        TEXT NOT NULL,
    body_hash       TEXT NOT NULL,
    signature       TEXT NOT NULL,
    group_id        TEXT NOT NULL,
    group_size      INTEGER NOT NULL,
    dedup_version   TEXT NOT NULL,
    PRIMARY KEY (page_id, story_position)
);

CREATE INDEX story_groups_group_id ON story_groups (group_id);
CREATE INDEX story_groups_body_hash ON story_groups (body_hash);

CREATE TABLE incidents (
    incident_id       TEXT NOT NULL PRIMARY KEY,
    type              TEXT NOT NULL,
    family            TEXT NOT NULL,
    certainty         TEXT NOT NULL,
    country           TEXT,
    admin1            TEXT,
    place_name        TEXT,
    place_key         TEXT,
    lat               DOUBLE PRECISION,
    lon               DOUBLE PRECISION,
    place_precision   TEXT,
    date              TEXT,
    date_end          TEXT,
    date_from         TEXT,
    date_to           TEXT,
    killed            INTEGER,
    injured           INTEGER,
    arrested          INTEGER,
    killed_low        INTEGER,
    killed_best       INTEGER,
    killed_high       INTEGER,
    injured_low       INTEGER,
    injured_best      INTEGER,
    injured_high      INTEGER,
    arrested_low      INTEGER,
    arrested_best     INTEGER,
    arrested_high     INTEGER,
    source_count      INTEGER NOT NULL,
    event_count       INTEGER NOT NULL,
    digest            TEXT NOT NULL,
    incidents_version TEXT NOT NULL
);

CREATE INDEX incidents_type ON incidents (type);
CREATE INDEX incidents_family ON incidents (family);
CREATE INDEX incidents_country ON incidents (country);
CREATE INDEX incidents_place_key ON incidents (place_key);
CREATE INDEX incidents_date_from ON incidents (date_from);
CREATE INDEX incidents_date_to ON incidents (date_to);
CREATE INDEX incidents_certainty ON incidents (certainty);

CREATE TABLE incident_events (
    incident_id     TEXT NOT NULL REFERENCES incidents (incident_id) ON DELETE CASCADE,
    page_id         TEXT NOT NULL REFERENCES pages (page_id) ON DELETE CASCADE,
    story_position  INTEGER NOT NULL,
    event_id        TEXT NOT NULL,
    position        INTEGER NOT NULL,
    group_id        TEXT NOT NULL,
    PRIMARY KEY (incident_id, page_id, story_position, event_id)
);

CREATE INDEX incident_events_event ON incident_events (page_id, story_position, event_id);
