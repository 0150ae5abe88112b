"""/api/incidents and /api/incidents/{incident_id}: one happening as many outlets told it.

Incidents are built by store/incidents.py (issue 4); until that module is present
these endpoints answer 503 in the error envelope and the UI maps events instead."""
from __future__ import annotations

import importlib
from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from ..store.queries import EventFilters
from .errors import ERROR_RESPONSES, ApiError
from .params import DEFAULT_LIMIT, Limit, Offset, event_filters

router = APIRouter(tags=["incidents"], responses=ERROR_RESPONSES)
COUNT_FIELDS = ("killed", "injured", "arrested")


def load_incidents_module():
    """store/incidents.py, or a 503 when this build has no incidents yet."""
    try:
        return importlib.import_module("dateline.store.incidents")
    except ImportError:
        raise ApiError(503, "incidents are not built in this version of dateline: use /api/events") from None


def incident_record(incident) -> dict:
    """An incident as JSON, with each figure's sources compared: ``differ`` names the figures
    on which the sources that gave one disagree."""
    record = asdict(incident)
    record["sources"] = [{**source, "story_id": f"{source['page_id']}-{source['story_position']}"}
                         for source in record.get("sources", [])]
    record["differ"] = [name for name in COUNT_FIELDS
                        if len({s.get(name) for s in record["sources"] if s.get(name) is not None}) > 1]
    return record


def _matches(incident, filters: EventFilters) -> bool:
    """The filters the incident store does not take itself: bounding box, words, source."""
    if filters.bbox:
        west, south, east, north = filters.bbox
        if incident.lat is None or incident.lon is None or not south <= incident.lat <= north:
            return False
        if not (west <= incident.lon <= east if west <= east else incident.lon >= west or incident.lon <= east):
            return False
    if filters.q:
        words = filters.q.lower()
        if not any(words in " ".join(filter(None, (s.headline, s.sentence, s.trigger))).lower()
                   for s in incident.sources):
            return False
    if filters.source:
        part = filters.source.lower()
        if not any(part in (s.source or "").lower() or part in (s.url or "").lower() for s in incident.sources):
            return False
    return True


@router.get("/api/incidents", summary="List incidents")
def get_incidents(request: Request, filters: Annotated[EventFilters, Depends(event_filters)],
                  limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    """Incidents (events merged across stories) that pass the filters, with every source's figures."""
    module = load_incidents_module()
    found = module.list_incidents(request.app.state.store, type=filters.type, family=filters.family,
                                  country=filters.country, place=filters.place, date_from=filters.date_from,
                                  date_to=filters.date_to, certainty=filters.certainty)
    kept = [incident for incident in found if _matches(incident, filters)]
    return {"items": [incident_record(i) for i in kept[offset:offset + limit]], "total": len(kept),
            "limit": limit, "offset": offset}


@router.get("/api/incidents/{incident_id}", summary="One incident with every source")
def get_one_incident(request: Request, incident_id: Annotated[str, Path(max_length=80)]) -> dict:
    incident = load_incidents_module().get_incident(request.app.state.store, incident_id)
    if incident is None:
        raise ApiError(404, f"no incident {incident_id!r}: see /api/incidents")
    return incident_record(incident)
