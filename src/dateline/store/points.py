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
from typing import Any

from sqlalchemy import Select, func, select

from .base import ResultRow
from .filters import EventFilters
from .incident_queries import incident_conditions
from .queries import ReadableStore, ResultPage, read_each, read_page, select_events
from .schema import events, incidents


@dataclass(frozen=True, slots=True)
class Point:
    """One incident or event on the map. ``id`` is the incident id, or for an event
    ``<story_id>/<event_id>`` (the story id as the API gives it: ``<page_id>-<position>``)."""

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
    query = (select(c.incident_id, c.lat, c.lon, c.type, c.family, c.killed, c.injured, c.date_from)
             .where(*incident_conditions(filters))
             .order_by(c.date_from.is_(None), c.date_from, c.incident_id))
    counted = select(func.count()).select_from(incidents).where(*incident_conditions(filters))
    return read_points(store, query, counted, limit=limit, make_id=lambda row: row.incident_id)


def list_event_points(store: ReadableStore, filters: EventFilters = NO_FILTERS, *,
                      limit: int | None = None) -> PointPage:
    """Every event that passes the filters as a point, by first day (undated last), then story."""
    c = events.c
    query = select_events(filters, c.page_id, c.story_position, c.event_id, c.lat, c.lon, c.type, c.family,
                          c.killed, c.injured, c.date_from)
    query = query.order_by(c.date_from.is_(None), c.date_from, c.page_id, c.story_position, c.position)
    counted = select_events(filters, func.count())
    return read_points(store, query, counted, limit=limit,
                       make_id=lambda row: f"{row.page_id}-{row.story_position}/{row.event_id}")


def read_points(store: ReadableStore, query: Select[Any], counted: Select[Any], *, limit: int | None,
                make_id: Callable[[ResultRow], str]) -> PointPage:
    def read(row: ResultRow) -> Point:
        return Point(id=make_id(row), lat=row.lat, lon=row.lon, type=row.type, family=row.family,
                     killed=row.killed, injured=row.injured, date=row.date_from)

    page: ResultPage[Point] = read_page(store, query, counted, read_each(read), limit=limit, offset=0)
    return PointPage(points=page.items, total=page.total)
