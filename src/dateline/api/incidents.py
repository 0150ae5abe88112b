"""/api/incidents and /api/incidents/{incident_id}: one happening as many outlets told it.

Every filter, the sort and the page are one SQL query (store/incident_queries.py): a page
reads only its own incidents and their sources, and the total is a COUNT."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from ..export.incidents import stored_incident_record
from ..store.filters import EventFilters
from ..store.incident_queries import INCIDENT_SORTS, StoredIncident, find_incidents, get_incident
from .errors import ERROR_RESPONSES, ApiError
from .params import DEFAULT_LIMIT, Limit, Offset, event_filters, page_body

router = APIRouter(tags=["incidents"], responses=ERROR_RESPONSES)

Sort = Annotated[str | None, Query(max_length=20, description=(
    f"Order by one of {', '.join(INCIDENT_SORTS)} (sources: how many outlets); prefix '-' to reverse "
    "(e.g. -killed). Default: date."))]


def incident_record(incident: StoredIncident) -> dict[str, Any]:
    """An incident as JSON (export/incidents.py, which JSON Lines exports share): its sources in
    publication order, each with its outlet; ``history`` the toll across reports (one point per
    source, copies once: published, outlets, figures), whose latest report gives ``*_best``;
    ``differ`` names the figures on which the sources disagree."""
    return stored_incident_record(incident)


@router.get("/api/incidents", summary="List incidents")
def get_incidents(request: Request, filters: Annotated[EventFilters, Depends(event_filters)], sort: Sort = None,
                  limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    """Incidents (events merged across stories) that pass the filters, ``limit`` at a time, with every
    source's figures and the total that match. ``q`` and ``source`` keep an incident when any of its
    sources matches."""
    found = find_incidents(request.app.state.store, filters, sort=sort, limit=limit, offset=offset)
    return page_body(found, incident_record)


@router.get("/api/incidents/{incident_id}", summary="One incident with every source")
def get_one_incident(request: Request, incident_id: Annotated[str, Path(max_length=80)]) -> dict[str, Any]:
    incident = get_incident(request.app.state.store, incident_id)
    if incident is None:
        raise ApiError(404, f"no incident {incident_id!r}: see /api/incidents")
    return incident_record(incident)
