"""Every incident (or event) that passes the filters as a point: what the map clusters and the
timeline counts, for all of them at once instead of a page at a time.

    list_incident_points(store, filters, *, limit=) -> PointPage (every match up to ``limit``, and how many)
    list_event_points(store, filters, *, limit=)    -> PointPage

A point carries only what those two draw: its id, coordinates (None when unplaced), type,
family, killed, injured and first day. The filters mean what they mean for the listings
(incident_queries.py, queries.py): one WHERE clause, so the map, the timeline and the list
always agree on which rows match. Every value is a bound parameter.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Select, func, select

from .filters import EventFilters
from .incident_queries import incident_conditions
from .queries import ReadableStore, ResultPage, read_page, select_events
from .schema import events, incidents


class Point(NamedTuple):
    """One incident or event on the map. ``id`` is the incident id, or for an event
    ``<story_id>/<event_id>`` (the story id as the API gives it: ``<page_id>-<position>``).

    A named tuple, not a frozen dataclass like the other records: the world view makes tens of
    thousands at once, and a frozen dataclass's constructor took 0.15 s of 50,000."""

    id: str
    lat: float | None
    lon: float | None
    type: str
    family: str
    killed: int | None
    injured: int | None
    date: str | None


@dataclass(frozen=True, slots=True)
class PointPage:
    """The points (at most the ``limit`` asked) and how many match in all."""

    points: list[Point]
    total: int

    @property
    def truncated(self) -> bool:
        return self.total > len(self.points)


NO_FILTERS = EventFilters()


def list_incident_points(store: ReadableStore, filters: EventFilters = NO_FILTERS, *,
                         limit: int | None = None) -> PointPage:
    """Every incident that passes the filters as a point, by first day (undated last), then id."""
    c = incidents.c
    # In the order of the index migration 0007 made for this (the world view reads every row from
    # the index alone); undated rows, first on SQLite and last on PostgreSQL, go last here.
    query = (select(c.incident_id, c.lat, c.lon, c.type, c.family, c.killed, c.injured, c.date_from)
             .where(*incident_conditions(filters))
             .order_by(c.date_from, c.incident_id))
    counted = select(func.count()).select_from(incidents).where(*incident_conditions(filters))
    found = read_points(store, query, counted, limit=None, make_id=None)  # the cut comes after the undated move
    points = [p for p in found.points if p.date is not None] + [p for p in found.points if p.date is None]
    if limit is not None and len(points) > limit:
        return PointPage(points=points[:limit], total=found.total)
    return PointPage(points=points, total=found.total)


def list_event_points(store: ReadableStore, filters: EventFilters = NO_FILTERS, *,
                      limit: int | None = None) -> PointPage:
    """Every event that passes the filters as a point, by first day (undated last), then story."""
    c = events.c
    query = select_events(filters, c.page_id, c.story_position, c.event_id, c.lat, c.lon, c.type, c.family,
                          c.killed, c.injured, c.date_from)
    query = query.order_by(c.date_from.is_(None), c.date_from, c.page_id, c.story_position, c.position)
    counted = select_events(filters, func.count())
    return read_points(store, query, counted, limit=limit,
                       make_id=lambda key: f"{key[0]}-{key[1]}/{key[2]}")


def read_points(store: ReadableStore, query: Select[Any], counted: Select[Any], *, limit: int | None,
                make_id: Callable[[tuple[Any, ...]], str] | None) -> PointPage:
    """The rows of ``query`` as points: (id, lat, lon, type, family, killed, injured, first day),
    or with ``make_id`` the columns before lat that it makes the id of. Read by position: the
    world view reads tens of thousands of rows."""

    def read_rows(_conn: Any, rows: Any) -> list[Point]:
        if make_id is None:
            return [Point._make(row) for row in rows]
        return [Point(make_id(row[:-7]), *row[-7:]) for row in rows]

    page: ResultPage[Point] = read_page(store, query, counted, read_rows, limit=limit, offset=0)
    return PointPage(points=page.items, total=page.total)
