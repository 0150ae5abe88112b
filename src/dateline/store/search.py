"""Full-text search over stories (headline and body) on both backends, with one query
language (search_query.py) and one condition the queries put in their WHERE clause:

    story_matches(page_id, position, "police shooting")
        SQLite      (page_id, position) IN (SELECT the keys of story_search WHERE story_search MATCH :q)
        PostgreSQL  (page_id, position) IN (SELECT stories WHERE search_vector @@ tsquery)

The condition is one SQLAlchemy construct compiled for the connection's dialect, so the
filters stay backend-free. Migration 0006 builds the indexes: an FTS5 table kept in step by
triggers on SQLite, a GIN index on the tsvector of headline and body on PostgreSQL, stored in
a generated column of its own since migration 0009 (a phrase is checked against the stored
positions instead of the text read again: 80 ms less a query on 50,000 stories). Every word
reaches the database as a bound parameter: on SQLite inside an FTS5 string whose words are
letters and digits only; on PostgreSQL through plainto_tsquery/phraseto_tsquery, which read
plain text, combined with tsquery_and/or/not, so no user text is ever read as tsquery syntax.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import (Column, ColumnElement, Integer, MetaData, Select, Table, Text, bindparam, literal_column,
                        select, tuple_)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.functions import func

from .schema import stories
from .search_query import AnyOf, Query, Term, parse_search, to_fts5

# SQLite's search tables (0006_search.sqlite.sql): apart from schema.metadata, which
# describes only the tables both backends have.
search_metadata = MetaData()
story_search_keys = Table(
    "story_search_keys", search_metadata,
    Column("search_id", Integer, primary_key=True),
    Column("page_id", Text, nullable=False),
    Column("position", Integer, nullable=False),
)
story_search = Table("story_search", search_metadata, Column("rowid", Integer), Column("headline", Text),
                     Column("body", Text))

# PostgreSQL: the stored tsvector the GIN index is on (0009_stored_search_vector.postgresql.sql;
# not in schema.metadata: schema.BACKEND_COLUMNS), and its text search configuration.
CONFIG: ColumnElement[Any] = literal_column("'simple'::regconfig")
STORY_VECTOR = "stories.search_vector"


class StoryMatch(ColumnElement[bool]):
    """True where the story keyed by (``page_id``, ``position``) matches ``query``."""

    # No Boolean type: SQLite (no native booleans) would compare the whole condition "= 1", which
    # hides the IN from its planner (50,000 incidents: 4 s instead of 20 ms).
    inherit_cache = False  # the query is no bound parameter of the statement: never reuse a compiled one

    def __init__(self, page_id: ColumnElement[Any], position: ColumnElement[Any], query: Query) -> None:
        self.page_id = page_id
        self.position = position
        self.query = query


def story_matches(page_id: ColumnElement[Any], position: ColumnElement[Any], text: str, *,
                  name: str = "q") -> StoryMatch:
    """The story keyed by these columns has ``text`` (the query language) in its headline or
    body; InvalidFilter (naming ``name``) when the query cannot be read."""
    return StoryMatch(page_id, position, parse_search(text, name=name))


def select_matching_sqlite(query: Query) -> Select[Any]:
    """The keys of the stories that match, from the FTS5 index."""
    keys = story_search_keys.c
    joined = story_search_keys.join(story_search, story_search.c.rowid == keys.search_id)
    match = literal_column("story_search").op("MATCH")(to_fts5(query))
    return select(keys.page_id, keys.position).select_from(joined).where(match)


def select_matching_postgresql(query: Query) -> Select[Any]:
    """The keys of the stories that match, through the GIN index on their stored tsvector."""
    found = literal_column(STORY_VECTOR).op("@@")(build_tsquery(query))
    return select(stories.c.page_id, stories.c.position).where(found)


def build_tsquery(query: Query) -> ColumnElement[Any]:
    """The query as a PostgreSQL tsquery, built by functions from bound plain text."""
    if isinstance(query, Term):
        return _term_tsquery(query)
    if isinstance(query, AnyOf):
        return _fold("tsquery_or", [build_tsquery(part) for part in query.parts])
    found = _fold("tsquery_and", [build_tsquery(part) for part in query.kept])
    for part in query.dropped:
        found = func.tsquery_and(found, func.tsquery_not(build_tsquery(part)))
    return found


def _term_tsquery(term: Term) -> ColumnElement[Any]:
    if not term.prefix:
        return func.phraseto_tsquery(CONFIG, _text(" ".join(term.words)))
    # the last word's prefix: letters and digits only (search_query.py), so ':*' is all the syntax there is
    last = func.to_tsquery(CONFIG, _text(f"{term.words[-1]}:*"))
    if len(term.words) == 1:
        return last
    return func.tsquery_phrase(func.phraseto_tsquery(CONFIG, _text(" ".join(term.words[:-1]))), last)


def _text(value: str) -> BindParameter[str]:
    return bindparam(None, value, type_=Text)


def _fold(function: str, parts: list[ColumnElement[Any]]) -> ColumnElement[Any]:
    found = parts[0]
    for part in parts[1:]:
        found = getattr(func, function)(found, part)
    return found


@compiles(StoryMatch, "postgresql")
def _compile_postgresql(element: StoryMatch, compiler: SQLCompiler, **kw: Any) -> str:
    matching = select_matching_postgresql(element.query)
    return compiler.process(tuple_(element.page_id, element.position).in_(matching), **kw)


@compiles(StoryMatch)
def _compile_sqlite(element: StoryMatch, compiler: SQLCompiler, **kw: Any) -> str:
    matching = select_matching_sqlite(element.query)
    return compiler.process(tuple_(element.page_id, element.position).in_(matching), **kw)
