"""Read queries: the Store protocol's listings (sql.py calls these) and what the API and
the exports need beyond them: paging with a total, sorting, text search, a bounding box,
one story with everything read from it, and events per day for the timeline. Every value
reaches the database as a bound parameter (SQLAlchemy Core), never spliced into SQL text.

    list_events(store, filters, sort=..., limit=..., offset=...)  -> ResultPage of StoredEvent
    count_events_by_day(store, filters)                           -> [(day, family, n)]
    list_stories(store, q=..., source=..., ...)                   -> ResultPage of StoredStory
    get_story(store, page_id, position)                           -> StoryDetail | None
    list_quotes(store, ...) / list_entities(store, ...)           -> ResultPage of StoredQuote / StoredEntity

The filters and sorts themselves are filters.py's; every listing pages through ``read_page``.
A query takes any ``ReadableStore`` (a ``reading()`` connection), so this module does not
import sql.py, which calls it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import ColumnElement, Connection, FromClause, Select, func, select

from ..models import Removed
from .base import ResultRow, StoredEntity, StoredEvent, StoredQuote, StoredStory
from .coded import read_stored_entity, read_stored_event, read_stored_quote
from .filters import (NO_FILTERS, EventFilters, SortColumns, check_date_filter, column_conditions, contains, list_sorts,
                      order_by_sort, parse_sort, source_condition)
from .rows import read_stored_story
from .schema import entities, events, pages, quotes, removed, stories
from .search import story_matches

T = TypeVar("T")
ReadRows = Callable[[Connection, Sequence[ResultRow]], list[T]]

# The orders a caller may ask for: name -> columns (a leading "-" reverses the first).
EVENT_SORTS: dict[str, SortColumns] = {
    **list_sorts(events),
    "date": (events.c.date_from, events.c.position),
    "source": (pages.c.source, events.c.story_position, events.c.position),
}
STORY_SORTS: dict[str, SortColumns] = {
    "published": (stories.c.published, stories.c.position),
    "source": (pages.c.source, stories.c.position),
    "headline": (stories.c.headline, stories.c.position),
}
IN_STORY_ORDER = (pages.c.source, events.c.story_position, events.c.position)  # after any sort
# The Store protocol's order: earliest first (undated last), then by source and place in the story.
EVENTS_BY_DATE = order_by_sort((events.c.date_from, *IN_STORY_ORDER), descending=False)


class ReadableStore(Protocol):
    """What a read query needs of a store: a connection for reads. SqlStore is one; the
    queries ask for no more, so that sql.py can call them without their knowing it."""

    def reading(self) -> AbstractContextManager[Connection]: ...


@dataclass(frozen=True, slots=True)
class ResultPage(Generic[T]):
    """One page of a listing and how many rows match in all."""

    items: list[T]
    total: int
    limit: int | None
    offset: int


@dataclass(frozen=True, slots=True)
class StoryDetail:
    """One story with everything read from it and the lines its page lost to the cleaner."""

    story: StoredStory
    events: list[StoredEvent] = field(default_factory=list)
    quotes: list[StoredQuote] = field(default_factory=list)
    entities: list[StoredEntity] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    stories_on_page: int = 1


def read_each(read: Callable[[ResultRow], T]) -> ReadRows[T]:
    """A ``read_rows`` for ``read_page`` that reads each row on its own."""

    def read_rows(_conn: Connection, rows: Sequence[ResultRow]) -> list[T]:
        return [read(row) for row in rows]

    return read_rows


def read_page(store: ReadableStore, query: Select[Any], counted: Select[Any], read_rows: ReadRows[T], *,
              limit: int | None, offset: int) -> ResultPage[T]:
    """One page of the rows of ``query``, with how many rows match in all: ``counted`` runs
    only when the page cannot tell (a page short of ``limit`` is the last one)."""
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with store.reading() as conn:
        items = read_rows(conn, conn.execute(query).all())
        if (items or not offset) and (limit is None or len(items) < limit):
            total = offset + len(items)
        else:
            total = conn.execute(counted).scalar_one()
    return ResultPage(items=items, total=total, limit=limit, offset=offset)


# events


def select_events(filters: EventFilters, *columns: Any) -> Select[Any]:
    """SELECT ``columns`` (an event with its page and story, by default) of the events that
    pass every filter."""
    if not columns:
        columns = (events, pages.c.source, pages.c.url, stories.c.headline, stories.c.published)
    query = (select(*columns).select_from(events)
             .join(pages, pages.c.page_id == events.c.page_id)
             .join(stories, (stories.c.page_id == events.c.page_id)
                   & (stories.c.position == events.c.story_position)))
    conditions = column_conditions(events, filters)
    if filters.q:
        conditions.append(story_matches(events.c.page_id, events.c.story_position, filters.q))
    if filters.source:
        conditions.append(source_condition(filters.source))
    return query.where(*conditions) if conditions else query


def list_events(store: ReadableStore, filters: EventFilters = NO_FILTERS, *, sort: str | None = None,
                limit: int | None = None, offset: int = 0) -> ResultPage[StoredEvent]:
    """Events that pass every filter, in the order asked ("date" by default; "-killed" most deadly first)."""
    return read_events(store, filters, order=order_events(sort), limit=limit, offset=offset)


def order_events(sort: str | None = None) -> list[ColumnElement[Any]]:
    """ORDER BY of list_events for ``sort``, ties in the order of the story (exports count in it)."""
    key, descending = parse_sort(sort, EVENT_SORTS, default="date")
    return [*order_by_sort(EVENT_SORTS[key], descending), *IN_STORY_ORDER]


def read_events(store: ReadableStore, filters: EventFilters, *, order: Sequence[ColumnElement[Any]],
                limit: int | None = None, offset: int = 0) -> ResultPage[StoredEvent]:
    """Events that pass every filter, in ``order`` (``EVENTS_BY_DATE``, or a sort's)."""
    return read_page(store, select_events(filters).order_by(*order), select_events(filters, func.count()),
                     read_each(read_stored_event), limit=limit, offset=offset)


def count_events_by_day(store: ReadableStore, filters: EventFilters = NO_FILTERS) -> list[tuple[str, str, int]]:
    """(first day, family, events) for every dated event that passes the filters, by day."""
    day = events.c.date_from
    query = select_events(filters, day, events.c.family, func.count())
    query = query.where(day.is_not(None)).group_by(day, events.c.family).order_by(day, events.c.family)
    with store.reading() as conn:
        return [(row[0], row[1], row[2]) for row in conn.execute(query)]


# stories


def select_stories(*columns: Any, q: str | None = None, source: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, page_id: str | None = None) -> Select[Any]:
    """SELECT ``columns`` (a story with its page, by default) of the stories whose headline or
    body holds ``q``, from sources matching ``source``, published in the range (of one page)."""
    query = select(*(columns or (stories, pages.c.source, pages.c.url))).select_from(stories).join(
        pages, pages.c.page_id == stories.c.page_id)
    if page_id is not None:
        query = query.where(stories.c.page_id == page_id)
    if q:
        query = query.where(story_matches(stories.c.page_id, stories.c.position, q))
    if source:
        query = query.where(source_condition(source))
    if date_from:
        query = query.where(stories.c.published >= check_date_filter(date_from, name="date_from"))
    if date_to:  # published may carry a time: compare its day
        day = check_date_filter(date_to, last=True, name="date_to")
        query = query.where(func.substr(stories.c.published, 1, 10) <= day)
    return query


def list_stories(store: ReadableStore, *, q: str | None = None, source: str | None = None,
                 date_from: str | None = None, date_to: str | None = None, page_id: str | None = None,
                 sort: str | None = None, limit: int | None = None, offset: int = 0) -> ResultPage[StoredStory]:
    """Stories whose headline or body holds ``q``, from sources matching ``source``, published in the range."""
    key, descending = parse_sort(sort, STORY_SORTS, default="source")
    found = {"q": q, "source": source, "date_from": date_from, "date_to": date_to, "page_id": page_id}
    query = select_stories(**found).order_by(*order_by_sort(STORY_SORTS[key], descending), stories.c.page_id)
    return read_page(store, query, select_stories(func.count(), **found), read_each(read_stored_story),
                     limit=limit, offset=offset)


def get_story(store: ReadableStore, page_id: str, position: int) -> StoryDetail | None:
    """One story with its events, quotes, entities (all with their spans) and its page's removed lines."""
    with store.reading() as conn:
        row = conn.execute(select_stories(page_id=page_id).where(stories.c.position == position)).first()
        if row is None:
            return None
        event_rows = conn.execute(
            select_events(NO_FILTERS)
            .where(events.c.page_id == page_id, events.c.story_position == position)
            .order_by(events.c.position)).all()
        quote_rows = conn.execute(_select_in_stories(quotes, page_id=page_id, story_position=position)
                                  .order_by(quotes.c.position)).all()
        entity_rows = conn.execute(_select_in_stories(entities, page_id=page_id, story_position=position)
                                   .order_by(entities.c.position)).all()
        removed_rows = conn.execute(select(removed).where(removed.c.page_id == page_id)
                                    .order_by(removed.c.position)).all()
        on_page = conn.execute(select(func.count()).select_from(stories)
                               .where(stories.c.page_id == page_id)).scalar_one()
    return StoryDetail(
        story=read_stored_story(row),
        events=[read_stored_event(r) for r in event_rows],
        quotes=[read_stored_quote(r) for r in quote_rows],
        entities=[read_stored_entity(r) for r in entity_rows],
        removed=[Removed(text=r.text, reason=r.reason, note=r.rule) for r in removed_rows],
        stories_on_page=on_page,
    )


# quotes and entities


def list_quotes(store: ReadableStore, *, speaker: str | None = None, q: str | None = None, source: str | None = None,
                page_id: str | None = None, limit: int | None = None, offset: int = 0) -> ResultPage[StoredQuote]:
    """Quotes whose speaker holds ``speaker`` and whose words hold ``q``, by source and place in the story."""
    conditions = [contains(column, text) for column, text in ((quotes.c.speaker, speaker), (quotes.c.text, q))
                  if text]
    return _list_in_stories(store, quotes, conditions, source=source, page_id=page_id,
                            order=(pages.c.source, quotes.c.story_position, quotes.c.position),
                            read=read_stored_quote, limit=limit, offset=offset)


def list_entities(store: ReadableStore, *, type: str | None = None, q: str | None = None, source: str | None = None,
                  page_id: str | None = None, by_mentions: bool = True, limit: int | None = None,
                  offset: int = 0) -> ResultPage[StoredEntity]:
    """Entities of a type whose name holds ``q``: most mentioned first, or (``by_mentions=False``)
    by source and place in the story."""
    conditions = [entities.c.type == type] if type else []
    if q:
        conditions.append(contains(entities.c.name, q))
    order = ((entities.c.mentions.desc(), entities.c.name, pages.c.source, entities.c.position) if by_mentions
             else (pages.c.source, entities.c.story_position, entities.c.position))
    return _list_in_stories(store, entities, conditions, source=source, page_id=page_id, order=order,
                            read=read_stored_entity, limit=limit, offset=offset)


def _select_in_stories(table: FromClause, *columns: Any, **key: object) -> Select[Any]:
    """SELECT ``columns`` (the row with its page's source and url, by default) of a table of
    rows read from stories, joined to their pages, where the columns of ``key`` equal its values."""
    query = select(*(columns or (table, pages.c.source, pages.c.url))).select_from(
        table.join(pages, pages.c.page_id == table.c.page_id))
    return query.where(*(table.c[name] == value for name, value in key.items()))


def _list_in_stories(store: ReadableStore, table: FromClause, conditions: list[ColumnElement[bool]], *,
                     source: str | None, page_id: str | None, order: Sequence[ColumnElement[Any]],
                     read: Callable[[ResultRow], T], limit: int | None, offset: int) -> ResultPage[T]:
    if source:
        conditions = [*conditions, source_condition(source)]
    key = {"page_id": page_id} if page_id else {}
    return read_page(store, _select_in_stories(table, **key).where(*conditions).order_by(*order),
                     _select_in_stories(table, func.count(), **key).where(*conditions), read_each(read),
                     limit=limit, offset=offset)
