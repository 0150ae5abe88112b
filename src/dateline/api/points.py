"""/api/incidents/points and /api/events/points: every incident (or event) that passes the
filters, compactly, for the map's clusters and the timeline's bins (web/src/map.js, timeline.js).

The listings answer a page at a time (at most 1000 rows); the map must reach every match, so
these answer all of them up to MAX_POINTS, as columns rather than records (one list per field,
type and family as indexes into ``types`` and ``families``): about 70 bytes an incident. Past
MAX_POINTS the answer says so (``truncated``, with the ``total``): never a silent cut.

Registered before incidents.py, whose /api/incidents/{incident_id} would otherwise take "points".
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from ..store.filters import EventFilters
from ..store.points import PointPage, list_event_points, list_incident_points
from .errors import ERROR_RESPONSES
from .params import event_filters

router = APIRouter(tags=["map"], responses=ERROR_RESPONSES)
MAX_POINTS = 250_000

PointLimit = Annotated[int, Query(ge=1, le=MAX_POINTS, description=(
    f"At most this many points (default and largest {MAX_POINTS}); 'truncated' says when more match."))]


def point_columns(found: PointPage, limit: int) -> dict[str, Any]:
    """The points as columns: ``id``, ``lat``, ``lon`` (4 decimals, null when unplaced), ``type`` and
    ``family`` (indexes into ``types`` and ``families``), ``killed``, ``injured``, ``date`` (first day)."""
    types: dict[str, int] = {}
    families: dict[str, int] = {}
    columns: dict[str, list[Any]] = {name: [] for name in ("id", "lat", "lon", "type", "family", "killed",
                                                          "injured", "date")}
    for point in found.points:
        columns["id"].append(point.id)
        columns["lat"].append(None if point.lat is None else round(point.lat, 4))
        columns["lon"].append(None if point.lon is None else round(point.lon, 4))
        columns["type"].append(types.setdefault(point.type, len(types)))
        columns["family"].append(families.setdefault(point.family, len(families)))
        columns["killed"].append(point.killed)
        columns["injured"].append(point.injured)
        columns["date"].append(point.date)
    return {"total": found.total, "count": len(found.points), "truncated": found.truncated, "limit": limit,
            "types": list(types), "families": list(families), **columns}


@router.get("/api/incidents/points", summary="Every matching incident as a point (map, timeline)",
            response_class=JSONResponse)
def get_incident_points(request: Request, filters: Annotated[EventFilters, Depends(event_filters)],
                        limit: PointLimit = MAX_POINTS) -> JSONResponse:
    """Every incident that passes the filters (those of /api/incidents), as columns, by first day."""
    return answer(point_columns(list_incident_points(request.app.state.store, filters, limit=limit), limit))


@router.get("/api/events/points", summary="Every matching event as a point (map, timeline)",
            response_class=JSONResponse)
def get_event_points(request: Request, filters: Annotated[EventFilters, Depends(event_filters)],
                     limit: PointLimit = MAX_POINTS) -> JSONResponse:
    """Every event that passes the filters (those of /api/events), as columns, by first day; an
    event's id is ``<story_id>/<event_id>``."""
    return answer(point_columns(list_event_points(request.app.state.store, filters, limit=limit), limit))


def answer(columns: dict[str, Any]) -> JSONResponse:
    """The columns as JSON, straight: they are plain strings, numbers and nulls, and FastAPI's
    encoder would walk each of the world view's hundreds of thousands of values first (0.4 s
    of the 1 s that 50,000 incidents took)."""
    return JSONResponse(columns)
