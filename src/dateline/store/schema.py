"""The tables as SQLAlchemy Core objects, for portable queries and writes: every table
the store has, in one metadata, in the order the migrations made them.

    0001  pages, stories, removed, failures
    0002  events, quotes, entities          (what the NLP stage and the coder read)
    0003  story_groups, incidents, incident_events
    0004  actor_* and target_* columns of events and incidents (who did it, to whom)
    0005  dateline_state                    (whether the incidents are up to date: state.py)
    0006  full-text search of stories (FTS5 on SQLite, a GIN index on PostgreSQL: search.py)
          and indexes on incident dates and killed; not tables of this metadata
    0007  an index of the incidents' map points
    0008  pages.site_name                   (the site's name in an HTML page's metadata)
    0009  stories.search_vector on PostgreSQL only (the stored tsvector the search index is on)

The migrations in ``migrations/*.sql`` create the tables; this module only describes
what they made (tests/store/test_migrations.py checks that the two agree, column by
column and in order, apart from BACKEND_COLUMNS). Columns that several tables share in meaning are made by one
function each, so that they cannot drift apart.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Boolean, Column, Float, Integer, MetaData, Table, Text

metadata = MetaData()

MIGRATIONS_TABLE = "dateline_migrations"
# Columns one backend has and this metadata does not describe, by dialect and table: written by
# the database alone (a generated column), read only by the code of that backend (search.py).
BACKEND_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {"postgresql": {"stories": ("search_vector",)}}
COUNT_NAMES = ("killed", "injured", "arrested")
PARTY_SIDES = ("actor", "target")


def _story_key(item_id: str | None = None) -> list[Column[Any]]:
    """The key of a row read from one story: its page, the story's place on it, and the
    row's content id with its place in the story (``item_id`` given)."""
    key: list[Column[Any]] = [Column("page_id", Text, primary_key=True),
                              Column("story_position", Integer, primary_key=True)]
    if item_id is not None:
        key += [Column(item_id, Text, primary_key=True), Column("position", Integer, nullable=False)]
    return key


def _place_name() -> list[Column[Any]]:
    return [Column("place_name", Text), Column("place_key", Text)]  # key: folded for search (no case, no accents)


def _region() -> list[Column[Any]]:
    return [Column("country", Text), Column("admin1", Text)]


def _point_and_days() -> list[Column[Any]]:
    """Coordinates and dates; ``date_from``/``date_to`` are the first and last day the
    date may fall on (for --since/--until), whatever its precision."""
    return [Column("lat", Float), Column("lon", Float), Column("place_precision", Text),
            *(Column(name, Text) for name in ("date", "date_end", "date_from", "date_to"))]


def _counts(*suffixes: str) -> list[Column[Any]]:
    """killed, injured, arrested, then each of them with every suffix (``_low``, ...)."""
    names = [*COUNT_NAMES, *(f"{name}_{suffix}" for name in COUNT_NAMES for suffix in suffixes)]
    return [Column(name, Integer) for name in names]


def _parties() -> list[Column[Any]]:
    """Who did it and to whom: each party's canonical name, ACLED actor type and country (0004)."""
    return [Column(f"{side}_{field}", Text) for side in PARTY_SIDES for field in ("name", "kind", "country")]


def _required(*names: str) -> list[Column[Any]]:
    return [Column(name, Text, nullable=False) for name in names]


# 0001: pages, their stories, the lines the cleaner removed, and failures

pages = Table(
    "pages", metadata,
    Column("page_id", Text, primary_key=True),
    *_required("source"),
    Column("url", Text),
    Column("fetched", Text),
    *_required("kind"),
    Column("encoding", Text),
    Column("byte_offset", BigInteger),
    *_required("cleaner_version", "status"),
    Column("failure_stage", Text),
    Column("failure_reason", Text),
    *_required("stored_at"),
    Column("nlp_version", Text),  # 0002
    Column("coder_version", Text),  # 0002
    Column("site_name", Text),  # 0008: the site's name in an HTML page's metadata
)

stories = Table(
    "stories", metadata,
    Column("page_id", Text, primary_key=True),
    Column("position", Integer, primary_key=True),
    *_required("story_id"),
    *(Column(name, Text) for name in ("headline", "dateline_place", "dateline_agency", "byline", "published",
                                      "updated")),
    *_required("body", "body_json", "captions_json"),
)

removed = Table(
    "removed", metadata,
    Column("page_id", Text, primary_key=True),
    Column("position", Integer, primary_key=True),
    *_required("text", "reason"),
    Column("rule", Text),
)

failures = Table(
    "failures", metadata,
    Column("failure_id", Text, primary_key=True),
    Column("page_id", Text),
    *_required("source", "stage", "reason"),
    Column("byte_offset", BigInteger),
    *_required("recorded_at"),
)

# 0002: what the NLP stage and the event coder read from each story

events = Table(
    "events", metadata,
    *_story_key("event_id"),
    *_required("type", "family"),  # all violence types are one family (spec/events.md)
    Column("core", Boolean, nullable=False),
    *_required("certainty", "trigger_word", "sentence", "actors_json", "targets_json"),
    *_place_name(), *_region(), *_point_and_days(),
    *_counts(),
    *_required("spans_json", "coder_version"),
    *_parties(),  # 0004
)

quotes = Table(
    "quotes", metadata,
    *_story_key("quote_id"),
    Column("speaker", Text),
    *_required("text"),
    Column("direct", Boolean, nullable=False),
    Column("balanced", Boolean, nullable=False),
    *_required("spans_json"),
    Column("nlp_version", Text),
)

entities = Table(
    "entities", metadata,
    *_story_key("entity_id"),
    *_required("name", "type"),
    Column("title", Text),
    Column("mentions", Integer, nullable=False),
    *_required("spans_json"),
    Column("nlp_version", Text),
)

# 0003: story groups (exact and near copies) and incidents (one happening, many stories)

story_groups = Table(
    "story_groups", metadata,
    *_story_key(),
    *_required("story_id",    # the content id the row was computed from
               "body_hash",   # exact copies share it
               "signature",   # MinHash, base64 (dedup/fingerprint.py)
               "group_id"),   # the story_id of the group's first story
    Column("group_size", Integer, nullable=False),
    *_required("dedup_version"),
)

incidents = Table(
    "incidents", metadata,
    Column("incident_id", Text, primary_key=True),
    *_required("type", "family", "certainty"),
    *_region(), *_place_name(), *_point_and_days(),
    *_counts("low", "best", "high"),
    Column("source_count", Integer, nullable=False),
    Column("event_count", Integer, nullable=False),
    *_required("digest",  # hash of everything above and the members: unchanged rows stay
               "incidents_version"),
    *_parties(),  # 0004
)

incident_events = Table(
    "incident_events", metadata,
    Column("incident_id", Text, primary_key=True),
    *_story_key("event_id"),
    *_required("group_id"),
)

# 0005: what the store knows about itself (store/state.py)

dateline_state = Table(
    "dateline_state", metadata,
    Column("name", Text, primary_key=True),
    Column("value", BigInteger, nullable=False),
)
