"""/api/events and /api/timeline: coded events with filters, paging and sorting; events per day
by family. (Exports: exports.py.)"""
from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from ..actors import ACTOR_KINDS
from ..export import EXPORT_FORMATS
from ..export.records import stored_event_record
from ..models import CERTAINTIES
from ..store.filters import EventFilters
from ..store.queries import EVENT_SORTS, count_events_by_day, list_events
from .errors import ERROR_RESPONSES
from .params import DEFAULT_LIMIT, Limit, Offset, event_filters, list_event_types, list_families, page_body

router = APIRouter(tags=["events"], responses=ERROR_RESPONSES)

Sort = Annotated[str | None, Query(max_length=20, description=(
    f"Order by one of {', '.join(EVENT_SORTS)}; prefix '-' to reverse (e.g. -killed). Default: date."))]


@router.get("/api/events", summary="List coded events")
def get_events(request: Request, filters: Annotated[EventFilters, Depends(event_filters)], sort: Sort = None,
               limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    """Events that pass every filter, ``limit`` at a time, with the total that match."""
    found = list_events(request.app.state.store, filters, sort=sort, limit=limit, offset=offset)
    return page_body(found, stored_event_record)


@router.get("/api/vocabulary", summary="Values the filters take")
def get_vocabulary() -> dict[str, list[str]]:
    """Event types, families, certainties, actor kinds and export formats: what the UI offers in its menus."""
    return {"types": list_event_types(), "families": list_families(), "certainties": list(CERTAINTIES),
            "actor_kinds": list(ACTOR_KINDS), "export_formats": list(EXPORT_FORMATS)}


@router.get("/api/timeline", summary="Events per day by family")
def get_timeline(request: Request, filters: Annotated[EventFilters, Depends(event_filters)]) -> dict[str, Any]:
    """For each day with dated events that pass the filters: how many of each family.

    A ranged or month-precise event counts on its first day."""
    days: dict[str, dict[str, int]] = defaultdict(dict)
    for day, family, count in count_events_by_day(request.app.state.store, filters):
        days[day][family] = count
    return {"days": [{"date": day, "families": families, "total": sum(families.values())}
                     for day, families in sorted(days.items())]}
