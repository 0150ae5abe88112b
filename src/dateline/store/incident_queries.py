"""Reading incidents back: every filter, the sort and the page are SQL, so a listing reads
only the incidents on its page and only their sources, whatever the size of the store.

    find_incidents(store, filters, *, sort=, limit=, offset=) -> ResultPage[StoredIncident], with the total
    list_incidents(store, *, type=..., q=..., sort=..., limit=..., offset=...) -> [StoredIncident]
    count_incidents(store, filters)                          -> int (a COUNT in SQL)
    select_incidents(filters, *columns, sort=) / select_incident_count(filters) -> the SELECTs
    read_sources(conn, incident_ids)                         -> {incident_id: (IncidentSource, ...)}
    get_incident(store, incident_id)                         -> StoredIncident | None

The filters are the events' (``EventFilters``, store/filters.py) and mean the same:
the incident's own type, family, country, place, days, certainty and coordinates; ``q``
and ``source`` keep an incident when *any* of its sources matches (an EXISTS over
incident_events joined to events, stories and pages). Every value is a bound parameter.
Kept apart from store/incidents.py (the refresh), so that reading needs no datasketch.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, select

from ..incidents.records import IncidentSummary
from ..incidents.sources import name_outlet, order_sources
from .base import ResultRow
from .coded import read_party
from .filters import (NO_FILTERS, EventFilters, SortColumns, column_conditions, list_sorts, order_by_sort,
                      parse_sort, source_condition)
from .queries import ReadableStore, ResultPage, read_page
from .schema import COUNT_NAMES, events, incident_events, incidents, pages, stories
from .search import story_matches

IN_CHUNK = 500      # ids per IN (...) list when reading sources
COUNT_COLUMNS = COUNT_NAMES

# The orders a caller may ask for: name -> columns (a leading "-" reverses the first);
# the names the events take where they mean the same, "sources" for the number of outlets.
INCIDENT_SORTS: dict[str, SortColumns] = {
    **list_sorts(incidents),
    "sources": (incidents.c.source_count, incidents.c.date_from),
}


@dataclass(frozen=True, slots=True)
class IncidentSource:
    """One source event of an incident, with the story it was read from and that story's figures.

    ``outlet`` is who published it (incidents/sources.py: the site's name in the page's
    metadata, else the URL's host, else the dateline's agency); ``source`` the file (and line)
    or address it was read from, a detail; ``fetched`` and ``stored_at`` when it was retrieved
    and stored, which order reports of one time."""

    page_id: str
    story_position: int
    event_id: str
    group_id: str
    outlet: str | None
    source: str
    url: str | None
    headline: str | None
    published: str | None
    fetched: str | None
    stored_at: str
    killed: int | None
    injured: int | None
    arrested: int | None
    trigger: str
    sentence: str


@dataclass(frozen=True, slots=True)
class StoredIncident(IncidentSummary):
    """An incident as stored: its summary, then its figures. ``killed``/``injured``/``arrested``
    and ``*_best`` follow ACLED's rule for updates (the latest report's figures, the lowest where
    reports of one day conflict); ``*_low``/``*_high`` span the sources (docs/incidents.md);
    ``source_count`` counts story groups (syndicated copies once); ``sources`` come in
    publication order (undated last)."""

    killed: int | None
    injured: int | None
    arrested: int | None
    killed_low: int | None
    killed_best: int | None
    killed_high: int | None
    injured_low: int | None
    injured_best: int | None
    injured_high: int | None
    arrested_low: int | None
    arrested_best: int | None
    arrested_high: int | None
    source_count: int
    sources: tuple[IncidentSource, ...]


def find_incidents(store: ReadableStore, filters: EventFilters = NO_FILTERS, *, sort: str | None = None,
                   limit: int | None = None, offset: int = 0) -> ResultPage[StoredIncident]:
    """One page of the incidents that pass every filter, in the order asked, with how many pass.

    ``sort`` is a key of INCIDENT_SORTS, "-" in front to reverse ("-killed": deadliest first);
    rows without a value come last either way. ValueError for an unknown key or a bad date.
    """
    return read_page(store, select_incidents(filters, sort=sort), select_incident_count(filters), _read_incidents,
                     limit=limit, offset=offset)


def list_incidents(store: ReadableStore, *, type: str | None = None, family: str | None = None,
                   country: str | None = None, place: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, certainty: str | None = None,
                   bbox: tuple[float, float, float, float] | None = None, q: str | None = None,
                   source: str | None = None, actor: str | None = None, actor_kind: str | None = None,
                   target_kind: str | None = None, sort: str | None = None, limit: int | None = None,
                   offset: int = 0) -> list[StoredIncident]:
    """Stored incidents that pass every filter given, by date (undated last), then id, unless ``sort`` says.

    ``place`` matches part of the place name, whatever the case and accents; ``date_from`` and
    ``date_to`` are ISO dates of any precision and keep incidents whose days reach into the range;
    ``bbox`` is (west, south, east, north), west > east crossing the antimeridian; ``q`` is part of
    any source's headline, sentence or trigger and ``source`` part of any source's outlet or URL;
    ``actor`` part of the incident's actor's name (or an alias the actor dictionary knows),
    ``actor_kind`` and ``target_kind`` ACLED actor types.
    """
    filters = EventFilters(type=type, family=family, country=country, place=place, date_from=date_from,
                           date_to=date_to, certainty=certainty, bbox=bbox, q=q, source=source, actor=actor,
                           actor_kind=actor_kind, target_kind=target_kind)
    return find_incidents(store, filters, sort=sort, limit=limit, offset=offset).items


def count_incidents(store: ReadableStore, filters: EventFilters = NO_FILTERS) -> int:
    """How many stored incidents pass every filter."""
    counted = select_incident_count(filters)
    with store.reading() as conn:
        return int(conn.execute(counted).scalar_one())


def get_incident(store: ReadableStore, incident_id: str) -> StoredIncident | None:
    """One incident with all its sources, or None when no incident has that id."""
    with store.reading() as conn:
        rows = conn.execute(select(incidents).where(incidents.c.incident_id == incident_id)).all()
        found = _read_incidents(conn, rows)
    return found[0] if found else None


# SQL


def incident_conditions(filters: EventFilters) -> list[ColumnElement[bool]]:
    """The WHERE clauses of the filters given (InvalidFilter for a date that is none)."""
    f = filters
    found = column_conditions(incidents, f)
    if f.q:  # full text of any source's story (store/search.py)
        found.append(_any_source(story_matches(incident_events.c.page_id, incident_events.c.story_position, f.q),
                                 with_page=False))
    if f.source:
        found.append(_any_source(source_condition(f.source)))
    return found


def _any_source(condition: ColumnElement[bool], *, with_page: bool = True) -> ColumnElement[bool]:
    """Some member of the incident meets ``condition`` (on its page, ``with_page``): the incidents
    of the matching members, one uncorrelated subquery (a correlated EXISTS per incident took 0.6 s
    for a source on 50,000 incidents; benchmarks/workbench_queries.py). A page's condition picks
    the pages first, then their members by the (page_id, ...) index: joining each member to its
    page read every page through its key instead (SQLite: 73 ms against 41 ms a query)."""
    members = select(incident_events.c.incident_id)
    if with_page:
        return incidents.c.incident_id.in_(members.where(
            incident_events.c.page_id.in_(select(pages.c.page_id).where(condition))))
    return incidents.c.incident_id.in_(members.where(condition))


def select_incidents(filters: EventFilters, *columns: Any, sort: str | None = None) -> Select[Any]:
    """SELECT ``columns`` (every column of the incident, by default) of the incidents that pass
    every filter, in the order of ``sort`` (find_incidents'; exports count in it: export/counts.py)."""
    key, descending = parse_sort(sort, INCIDENT_SORTS, default="date")
    return (select(*(columns or (incidents,))).where(*incident_conditions(filters))
            .order_by(*order_by_sort(INCIDENT_SORTS[key], descending), incidents.c.incident_id))


def select_incident_count(filters: EventFilters) -> Select[Any]:
    """SELECT COUNT(*) of the incidents that pass every filter."""
    return select(func.count()).select_from(incidents).where(*incident_conditions(filters))


def _read_incidents(conn: Connection, rows: Sequence[ResultRow]) -> list[StoredIncident]:
    sources = read_sources(conn, [r.incident_id for r in rows])
    return [_stored_incident(r, sources.get(r.incident_id, ())) for r in rows]


def read_sources(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[IncidentSource, ...]]:
    """The sources of these incidents only, in publication order (incidents/sources.py)."""
    ids = list(ids)
    found: dict[str, list[IncidentSource]] = {}
    for start in range(0, len(ids), IN_CHUNK):
        query = (select(incident_events.c.incident_id, incident_events.c.group_id, events.c.page_id,
                        events.c.story_position, events.c.event_id, events.c.killed, events.c.injured,
                        events.c.arrested, events.c.trigger_word, events.c.sentence, pages.c.source, pages.c.url,
                        pages.c.site_name, pages.c.fetched, pages.c.stored_at, stories.c.headline,
                        stories.c.published, stories.c.dateline_agency)
                 .join(events, and_(events.c.page_id == incident_events.c.page_id,
                                    events.c.story_position == incident_events.c.story_position,
                                    events.c.event_id == incident_events.c.event_id))
                 .join(pages, pages.c.page_id == events.c.page_id)
                 .join(stories, and_(stories.c.page_id == events.c.page_id,
                                     stories.c.position == events.c.story_position))
                 .where(incident_events.c.incident_id.in_(ids[start:start + IN_CHUNK]))
                 .order_by(incident_events.c.incident_id, incident_events.c.position))
        for r in conn.execute(query):
            found.setdefault(r.incident_id, []).append(IncidentSource(
                page_id=r.page_id, story_position=r.story_position, event_id=r.event_id, group_id=r.group_id,
                outlet=name_outlet(r.url, r.dateline_agency, r.site_name), source=r.source, url=r.url,
                headline=r.headline, published=r.published, fetched=r.fetched, stored_at=str(r.stored_at),
                killed=r.killed, injured=r.injured, arrested=r.arrested, trigger=r.trigger_word,
                sentence=r.sentence))
    return {key: tuple(order_sources(value)) for key, value in found.items()}


def _stored_incident(row: ResultRow, sources: tuple[IncidentSource, ...]) -> StoredIncident:
    counts = {name: getattr(row, name) for name in COUNT_COLUMNS}
    for name in COUNT_COLUMNS:
        for end in ("low", "best", "high"):
            counts[f"{name}_{end}"] = getattr(row, f"{name}_{end}")
    return StoredIncident(
        incident_id=row.incident_id, type=row.type, family=row.family, country=row.country, admin1=row.admin1,
        place_name=row.place_name, lat=row.lat, lon=row.lon, precision=row.place_precision, date=row.date,
        date_end=row.date_end, certainty=row.certainty, source_count=row.source_count, sources=sources,
        actor=read_party(row, "actor"), target=read_party(row, "target"), **counts)
