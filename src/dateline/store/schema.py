"""The tables as SQLAlchemy Core objects, for portable queries and writes.

The migrations in ``migrations/*.sql`` create them; this module only describes
what those migrations made (a test checks that the two agree)."""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, MetaData, Table, Text

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
