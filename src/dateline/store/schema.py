"""The tables as SQLAlchemy Core objects, for portable queries and writes.

The migrations in ``migrations/*.sql`` create them; this module only describes
what those migrations made (a test checks that the two agree)."""
from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Float, Integer, MetaData, Table, Text

metadata = MetaData()

MIGRATIONS_TABLE = "dateline_migrations"

pages = Table(
    "pages", metadata,
    Column("page_id", Text, primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("fetched", Text),
    Column("kind", Text, nullable=False),
    Column("encoding", Text),
    Column("byte_offset", BigInteger),
    Column("cleaner_version", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("failure_stage", Text),
    Column("failure_reason", Text),
    Column("stored_at", Text, nullable=False),
    Column("nlp_version", Text),  # 0002
    Column("coder_version", Text),  # 0002
)

stories = Table(
    "stories", metadata,
    Column("page_id", Text, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("story_id", Text, nullable=False),
    Column("headline", Text),
    Column("dateline_place", Text),
    Column("dateline_agency", Text),
    Column("byline", Text),
    Column("published", Text),
    Column("updated", Text),
    Column("body", Text, nullable=False),
    Column("body_json", Text, nullable=False),
    Column("captions_json", Text, nullable=False),
)

removed = Table(
    "removed", metadata,
    Column("page_id", Text, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("rule", Text),
)

failures = Table(
    "failures", metadata,
    Column("failure_id", Text, primary_key=True),
    Column("page_id", Text),
    Column("source", Text, nullable=False),
    Column("stage", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("byte_offset", BigInteger),
    Column("recorded_at", Text, nullable=False),
)

# 0002: what the NLP stage and the event coder read from each story

events = Table(
    "events", metadata,
    Column("page_id", Text, primary_key=True),
    Column("story_position", Integer, primary_key=True),
    Column("event_id", Text, primary_key=True),
    Column("position", Integer, nullable=False),  # order within the story
    Column("type", Text, nullable=False),
    Column("family", Text, nullable=False),  # all violence types are one family (spec/events.md)
    Column("core", Boolean, nullable=False),
    Column("certainty", Text, nullable=False),
    Column("trigger_word", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("actors_json", Text, nullable=False),
    Column("targets_json", Text, nullable=False),
    Column("place_name", Text),
    Column("place_key", Text),  # the name folded for search: lower case, no accents
    Column("country", Text),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("place_precision", Text),
    Column("date", Text),
    Column("date_end", Text),
    Column("date_from", Text),  # first day the event may fall on (for --since/--until)
    Column("date_to", Text),    # last day the event may fall on
    Column("killed", Integer),
    Column("injured", Integer),
    Column("arrested", Integer),
    Column("spans_json", Text, nullable=False),
    Column("coder_version", Text, nullable=False),
)

quotes = Table(
    "quotes", metadata,
    Column("page_id", Text, primary_key=True),
    Column("story_position", Integer, primary_key=True),
    Column("quote_id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("speaker", Text),
    Column("text", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("balanced", Boolean, nullable=False),
    Column("spans_json", Text, nullable=False),
    Column("nlp_version", Text),
)

entities = Table(
    "entities", metadata,
    Column("page_id", Text, primary_key=True),
    Column("story_position", Integer, primary_key=True),
    Column("entity_id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("title", Text),
    Column("mentions", Integer, nullable=False),
    Column("spans_json", Text, nullable=False),
    Column("nlp_version", Text),
)

from . import incident_tables  # noqa: E402,F401  (0003: story groups and incidents join this metadata)
