"""The tables of migration 0003 (story groups, incidents and their member events) as
SQLAlchemy Core objects, on the metadata of schema.py so that the schema test checks
them against the migration like every other table."""
from __future__ import annotations

from sqlalchemy import Column, Float, Integer, Table, Text

from .schema import metadata

story_groups = Table(
    "story_groups", metadata,
    Column("page_id", Text, primary_key=True),
    Column("story_position", Integer, primary_key=True),
    Column("story_id", Text, nullable=False),    # the content id the row was computed from
    Column("body_hash", Text, nullable=False),   # exact copies share it
    Column("signature", Text, nullable=False),   # MinHash, base64 (dedup/fingerprint.py)
    Column("group_id", Text, nullable=False),    # the story_id of the group's first story
    Column("group_size", Integer, nullable=False),
    Column("dedup_version", Text, nullable=False),
)

incidents = Table(
    "incidents", metadata,
    Column("incident_id", Text, primary_key=True),
    Column("type", Text, nullable=False),
    Column("family", Text, nullable=False),
    Column("certainty", Text, nullable=False),
    Column("country", Text),
    Column("admin1", Text),
    Column("place_name", Text),
    Column("place_key", Text),  # folded for search, as events.place_key
    Column("lat", Float),
    Column("lon", Float),
    Column("place_precision", Text),
    Column("date", Text),
    Column("date_end", Text),
    Column("date_from", Text),
    Column("date_to", Text),
    *(Column(name, Integer) for name in (
        "killed", "injured", "arrested",
        "killed_low", "killed_best", "killed_high", "injured_low", "injured_best", "injured_high",
        "arrested_low", "arrested_best", "arrested_high")),
    Column("source_count", Integer, nullable=False),
    Column("event_count", Integer, nullable=False),
    Column("digest", Text, nullable=False),  # hash of everything above and the members: unchanged rows stay
    Column("incidents_version", Text, nullable=False),
)

incident_events = Table(
    "incident_events", metadata,
    Column("incident_id", Text, primary_key=True),
    Column("page_id", Text, primary_key=True),
    Column("story_position", Integer, primary_key=True),
    Column("event_id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("group_id", Text, nullable=False),
)
