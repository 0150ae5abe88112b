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

from sqlalchemy import Row, Select, func, select

from .incident_queries import _conditions as incident_conditions
from .incident_tables import incidents
from .queries import EventFilters, _events_base, _filter_events
from .rows import QueryConnection
from .schema import events
from .sql import SqlStore


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


def list_incident_points(store: SqlStore, filters: EventFilters = NO_FILTERS, *,
                         limit: int | None = None) -> PointPage:
    """Every incident that passes the filters as a point, by first day (undated last), then id."""
    c = incidents.c
    query = (select(c.incident_id, c.lat, c.lon, c.type, c.family, c.killed, c.injured, c.date_from)
             .where(*incident_conditions(filters))
             .order_by(c.date_from.is_(None), c.date_from, c.incident_id))
    counted = select(func.count()).select_from(incidents).where(*incident_conditions(filters))
    return _read_points(store, query, counted, limit=limit,
                        make_id=lambda row: row.incident_id)


def list_event_points(store: SqlStore, filters: EventFilters = NO_FILTERS, *,
                      limit: int | None = None) -> PointPage:
    """Every event that passes the filters as a point, by first day (undated last), then story."""
    c = events.c
    query = _filter_events(_events_base((c.page_id, c.story_position, c.event_id, c.lat, c.lon, c.type, c.family,
                                         c.killed, c.injured, c.date_from)), filters)
    query = query.order_by(c.date_from.is_(None), c.date_from, c.page_id, c.story_position, c.position)
    counted = _filter_events(_events_base((func.count(),)), filters)
    return _read_points(store, query, counted, limit=limit,
                        make_id=lambda row: f"{row.page_id}-{row.story_position}/{row.event_id}")


def _read_points(store: SqlStore, query: Select[Any], counted: Select[Any], *, limit: int | None,
                 make_id: Callable[[Row[Any]], str]) -> PointPage:
    if limit is not None:
        query = query.limit(limit + 1)  # one more than asked tells whether there are more
    with QueryConnection(store) as conn:
        rows = conn.execute(query).all()
        more = limit is not None and len(rows) > limit
        if more:
            rows = rows[:limit]
        total = conn.execute(counted).scalar_one() if more else len(rows)
    points = [Point(id=make_id(r), lat=r.lat, lon=r.lon, type=r.type, family=r.family, killed=r.killed,
                    injured=r.injured, date=r.date_from) for r in rows]
    return PointPage(points=points, total=total)
