-- Who did each event and to whom (spec/output.md's actor and target): the coded party's
-- canonical name, ACLED actor type (kind) and ISO country, for events and for incidents
-- (the party most of an incident's sources give). NULL where the text does not say, and
-- on rows a coder before events-5 stored (a new ingest of their pages fills them).
-- Portable SQL: runs on SQLite and PostgreSQL.

ALTER TABLE events ADD COLUMN actor_name TEXT;
ALTER TABLE events ADD COLUMN actor_kind TEXT;
ALTER TABLE events ADD COLUMN actor_country TEXT;
ALTER TABLE events ADD COLUMN target_name TEXT;
ALTER TABLE events ADD COLUMN target_kind TEXT;
ALTER TABLE events ADD COLUMN target_country TEXT;

ALTER TABLE incidents ADD COLUMN actor_name TEXT;
ALTER TABLE incidents ADD COLUMN actor_kind TEXT;
ALTER TABLE incidents ADD COLUMN actor_country TEXT;
ALTER TABLE incidents ADD COLUMN target_name TEXT;
ALTER TABLE incidents ADD COLUMN target_kind TEXT;
ALTER TABLE incidents ADD COLUMN target_country TEXT;

CREATE INDEX events_actor_kind ON events (actor_kind);
CREATE INDEX events_target_kind ON events (target_kind);
CREATE INDEX incidents_actor_kind ON incidents (actor_kind);
CREATE INDEX incidents_target_kind ON incidents (target_kind);
