"""Read queries the API and the exports need beyond the Store protocol: paging with a
total, sorting, text search, a bounding box, one story with everything read from it,
and events per day for the timeline. Every value reaches the database as a bound
parameter (SQLAlchemy Core), never spliced into SQL text.

    list_events(store, filters, sort=..., limit=..., offset=...)  -> Page of StoredEvent
    count_events_by_day(store, filters)                           -> [(day, family, n)]
    list_stories(store, q=..., source=..., ...)                   -> Page of StoredStory
    get_story(store, page_id, position)                           -> StoryDetail | None
    list_quotes(store, ...) / list_entities(store, ...)           -> Page of StoredQuote / StoredEntity
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlalchemy import Select, and_, func, or_, select

from ..models import Removed
from .base import StoredEntity, StoredEvent, StoredQuote, StoredStory
from .coded import check_date_filter, fold_name, read_entity, read_event, read_quote
from .rows import escape_like
from .schema import entities, events, pages, quotes, removed, stories
from .sql import SqlStore

T = TypeVar("T")

# The orders a caller may ask for: name -> columns (a leading "-" reverses the first).
EVENT_SORTS = {
    "date": (events.c.date_from, events.c.position),
    "killed": (events.c.killed, events.c.date_from),
    "injured": (events.c.injured, events.c.date_from),
    "arrested": (events.c.arrested, events.c.date_from),
    "type": (events.c.type, events.c.date_from),
    "place": (events.c.place_key, events.c.date_from),
    "country": (events.c.country, events.c.date_from),
    "source": (pages.c.source, events.c.story_position, events.c.position),
}
STORY_SORTS = {
    "published": (stories.c.published, stories.c.position),
    "source": (pages.c.source, stories.c.position),
    "headline": (stories.c.headline, stories.c.position),
}


@dataclass(frozen=True, slots=True)
class EventFilters:
    """What `dateline events`, the API and the exports filter events by (all optional).

    ``bbox`` is (west, south, east, north) in degrees; ``q`` matches part of the
    sentence, trigger or headline; ``source`` matches part of the source or URL.
    """

    type: str | None = None
    family: str | None = None
    country: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    certainty: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    source: str | None = None


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


def contains(column, text: str):
    """``column LIKE %text%`` (case-insensitive), the pattern's own wildcards taken literally."""
    return func.lower(column).like(f"%{escape_like(text.lower())}%", escape="\\")


def parse_sort(sort: str | None, table: dict, *, default: str) -> tuple[str, bool]:
    """(key, descending) from "date" or "-date"; ValueError names the choices."""
    sort = sort or default
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in table:
        raise ValueError(f"cannot sort by {key!r}: choose one of {', '.join(sorted(table))} (prefix - to reverse)")
    return key, descending


def _order(columns: tuple, descending: bool) -> list:
    first, *rest = columns
    head = first.desc() if descending else first.asc()
    return [first.is_(None), head, *rest]  # rows without a value last, whichever the direction


def _filter_events(query: Select, filters: EventFilters) -> Select:
    f = filters
    conditions = column_conditions(events, f)
    if f.q:
        conditions.append(or_(contains(events.c.sentence, f.q), contains(events.c.trigger_word, f.q),
                              contains(stories.c.headline, f.q)))
    if f.source:
        conditions.append(or_(contains(pages.c.source, f.source), contains(pages.c.url, f.source)))
    return query.where(*conditions) if conditions else query


def column_conditions(table, filters: EventFilters) -> list:
    """The WHERE clauses a table of events or incidents answers from its own columns: type,
    family, country, place, dates, certainty and bounding box (ValueError for a date that is none)."""
    f, c = filters, table.c
    conditions = []
    if f.type:
        conditions.append(c.type == f.type)
    if f.family:
        conditions.append(c.family == f.family)
    if f.country:
        conditions.append(c.country == f.country.upper())
    if f.place:
        conditions.append(c.place_key.like(f"%{escape_like(fold_name(f.place))}%", escape="\\"))
    if f.date_from:
        conditions.append(c.date_to >= check_date_filter(f.date_from))
    if f.date_to:
        conditions.append(c.date_from <= check_date_filter(f.date_to, last=True))
    if f.certainty:
        conditions.append(c.certainty == f.certainty)
    if f.bbox:
        west, south, east, north = f.bbox
        lon = c.lon.between(west, east) if west <= east else or_(c.lon >= west, c.lon <= east)
        conditions.append(and_(c.lat.between(south, north), lon))
    return conditions


def _events_base(columns) -> Select:
    return (select(*columns)
            .select_from(events)
            .join(pages, pages.c.page_id == events.c.page_id)
            .join(stories, (stories.c.page_id == events.c.page_id)
                  & (stories.c.position == events.c.story_position)))


def _stored_event(row) -> StoredEvent:
    return StoredEvent(page_id=row.page_id, source=row.source, url=row.url, story_position=row.story_position,
                       headline=row.headline, published=row.published, event=read_event(row))


def list_events(store: SqlStore, filters: EventFilters = EventFilters(), *, sort: str | None = None,
                limit: int | None = None, offset: int = 0) -> ResultPage[StoredEvent]:
    """Events that pass every filter, in the order asked ("date" by default; "-killed" most deadly first)."""
    key, descending = parse_sort(sort, EVENT_SORTS, default="date")
    query = _filter_events(_events_base((events, pages.c.source, pages.c.url, stories.c.headline,
                                         stories.c.published)), filters)
    query = query.order_by(*_order(EVENT_SORTS[key], descending), pages.c.source, events.c.story_position,
                           events.c.position).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    counted = _filter_events(_events_base((func.count(),)), filters)
    with store._query() as conn:
        items = [_stored_event(row) for row in conn.execute(query)]
        total = conn.execute(counted).scalar_one()
    return ResultPage(items=items, total=total, limit=limit, offset=offset)


def count_events_by_day(store: SqlStore, filters: EventFilters = EventFilters()) -> list[tuple[str, str, int]]:
    """(first day, family, events) for every dated event that passes the filters, by day."""
    day = events.c.date_from
    query = _filter_events(_events_base((day, events.c.family, func.count())), filters)
    query = query.where(day.is_not(None)).group_by(day, events.c.family).order_by(day, events.c.family)
    with store._query() as conn:
        return [(row[0], row[1], row[2]) for row in conn.execute(query)]


def _filter_stories(query: Select, *, q: str | None, source: str | None, date_from: str | None,
                    date_to: str | None) -> Select:
    if q:
        query = query.where(or_(contains(stories.c.headline, q), contains(stories.c.body, q)))
    if source:
        query = query.where(or_(contains(pages.c.source, source), contains(pages.c.url, source)))
    if date_from:
        query = query.where(stories.c.published >= check_date_filter(date_from))
    if date_to:
        # published may carry a time: compare with the day after
        query = query.where(func.substr(stories.c.published, 1, 10) <= check_date_filter(date_to, last=True))
    return query


def list_stories(store: SqlStore, *, q: str | None = None, source: str | None = None,
                 date_from: str | None = None, date_to: str | None = None, sort: str | None = None,
                 limit: int | None = None, offset: int = 0) -> ResultPage[StoredStory]:
    """Stories whose headline or body holds ``q``, from sources matching ``source``, published in the range."""
    key, descending = parse_sort(sort, STORY_SORTS, default="source")
    base = select(stories, pages.c.source, pages.c.url).join(pages, pages.c.page_id == stories.c.page_id)
    query = _filter_stories(base, q=q, source=source, date_from=date_from, date_to=date_to)
    query = query.order_by(*_order(STORY_SORTS[key], descending), stories.c.page_id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    counted = _filter_stories(select(func.count()).select_from(stories).join(pages, pages.c.page_id == stories.c.page_id),
                              q=q, source=source, date_from=date_from, date_to=date_to)
    with store._query() as conn:
        items = [SqlStore._stored_story(row) for row in conn.execute(query)]
        total = conn.execute(counted).scalar_one()
    return ResultPage(items=items, total=total, limit=limit, offset=offset)


def get_story(store: SqlStore, page_id: str, position: int) -> StoryDetail | None:
    """One story with its events, quotes, entities (all with their spans) and its page's removed lines."""
    in_story = {"page_id": page_id, "story_position": position}
    with store._query() as conn:
        row = conn.execute(select(stories, pages.c.source, pages.c.url)
                           .join(pages, pages.c.page_id == stories.c.page_id)
                           .where(stories.c.page_id == page_id, stories.c.position == position)).first()
        if row is None:
            return None
        story = SqlStore._stored_story(row)
        event_rows = conn.execute(
            _events_base((events, pages.c.source, pages.c.url, stories.c.headline, stories.c.published))
            .where(events.c.page_id == page_id, events.c.story_position == position)
            .order_by(events.c.position)).all()
        quote_rows = conn.execute(select(quotes, pages.c.source, pages.c.url)
                                  .join(pages, pages.c.page_id == quotes.c.page_id)
                                  .where(*[quotes.c[k] == v for k, v in in_story.items()])
                                  .order_by(quotes.c.position)).all()
        entity_rows = conn.execute(select(entities, pages.c.source, pages.c.url)
                                   .join(pages, pages.c.page_id == entities.c.page_id)
                                   .where(*[entities.c[k] == v for k, v in in_story.items()])
                                   .order_by(entities.c.position)).all()
        removed_rows = conn.execute(select(removed).where(removed.c.page_id == page_id)
                                    .order_by(removed.c.position)).all()
        on_page = conn.execute(select(func.count()).select_from(stories)
                               .where(stories.c.page_id == page_id)).scalar_one()
    return StoryDetail(
        story=story,
        events=[_stored_event(r) for r in event_rows],
        quotes=[StoredQuote(page_id=r.page_id, source=r.source, url=r.url, story_position=r.story_position,
                            quote=read_quote(r)) for r in quote_rows],
        entities=[StoredEntity(page_id=r.page_id, source=r.source, url=r.url, story_position=r.story_position,
                               entity=read_entity(r)) for r in entity_rows],
        removed=[Removed(text=r.text, reason=r.reason, note=r.rule) for r in removed_rows],
        stories_on_page=on_page,
    )


def list_quotes(store: SqlStore, *, speaker: str | None = None, q: str | None = None, source: str | None = None,
                limit: int | None = None, offset: int = 0) -> ResultPage[StoredQuote]:
    """Quotes whose speaker holds ``speaker`` and whose words hold ``q``."""
    conditions = []
    if speaker:
        conditions.append(contains(quotes.c.speaker, speaker))
    if q:
        conditions.append(contains(quotes.c.text, q))
    if source:
        conditions.append(or_(contains(pages.c.source, source), contains(pages.c.url, source)))
    joined = quotes.join(pages, pages.c.page_id == quotes.c.page_id)
    query = (select(quotes, pages.c.source, pages.c.url).select_from(joined).where(*conditions)
             .order_by(pages.c.source, quotes.c.story_position, quotes.c.position).offset(offset))
    if limit is not None:
        query = query.limit(limit)
    with store._query() as conn:
        items = [StoredQuote(page_id=r.page_id, source=r.source, url=r.url, story_position=r.story_position,
                             quote=read_quote(r)) for r in conn.execute(query)]
        total = conn.execute(select(func.count()).select_from(joined).where(*conditions)).scalar_one()
    return ResultPage(items=items, total=total, limit=limit, offset=offset)


def list_entities(store: SqlStore, *, type: str | None = None, q: str | None = None, source: str | None = None,
                  limit: int | None = None, offset: int = 0) -> ResultPage[StoredEntity]:
    """Entities of a type whose name holds ``q``, most mentioned first."""
    conditions = []
    if type:
        conditions.append(entities.c.type == type)
    if q:
        conditions.append(contains(entities.c.name, q))
    if source:
        conditions.append(or_(contains(pages.c.source, source), contains(pages.c.url, source)))
    joined = entities.join(pages, pages.c.page_id == entities.c.page_id)
    query = (select(entities, pages.c.source, pages.c.url).select_from(joined).where(*conditions)
             .order_by(entities.c.mentions.desc(), entities.c.name, pages.c.source, entities.c.position)
             .offset(offset))
    if limit is not None:
        query = query.limit(limit)
    with store._query() as conn:
        items = [StoredEntity(page_id=r.page_id, source=r.source, url=r.url, story_position=r.story_position,
                              entity=read_entity(r)) for r in conn.execute(query)]
        total = conn.execute(select(func.count()).select_from(joined).where(*conditions)).scalar_one()
    return ResultPage(items=items, total=total, limit=limit, offset=offset)

