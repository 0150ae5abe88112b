"""/api/{incidents,events}/clusters and /api/{incidents,events}/days: what the web map and the
timeline draw, counted in SQL (store/clusters.py) so that a page over 50,000 incidents fetches
a few hundred cells and a few thousand days instead of every row.

The map (web/src/map.js) asks for the cells of its view (``bbox``) at its zoom; once a view
holds few enough to draw one by one it asks /api/incidents/points for them with the same box.
Registered before incidents.py, whose /api/incidents/{incident_id} would otherwise take these.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from ..store.clusters import CELL_PIXELS, MAX_ZOOM, Clusters, DayCount, cluster_events, cluster_incidents
from ..store.clusters import count_events_by_first_day, count_incidents_by_day
from ..store.filters import EventFilters
from .errors import ERROR_RESPONSES
from .params import event_filters

router = APIRouter(tags=["map"], responses=ERROR_RESPONSES)

Zoom = Annotated[int, Query(ge=0, le=MAX_ZOOM, description=(
    f"The map's zoom (0 to {MAX_ZOOM}; Leaflet's, whose world is 256 * 2^zoom pixels across): a cell is "
    f"{CELL_PIXELS} px of it, 90 / 2^zoom degrees (22.5 at zoom 2). Give the view's box as bbox."))]
CLUSTERS_DOC = (
    "The {noun} that pass the filters (those of /api/{noun}; ``bbox``, west,south,east,north, is the "
    "view) counted in the cells of a grid sized by ``zoom``: for each cell with any, ``count``, "
    "``killed`` (the sum of those with a figure), ``lat``/``lon`` (their mean place), ``bounds`` "
    "(west, south, east, north of the {noun} it holds: zoom there to split it), ``families`` (count "
    "of each) and ``id`` when it holds one. ``total`` counts every match, ``unplaced`` those "
    "without coordinates (in no cell; 0 when a box is given): the cells' counts add up to "
    "``total - unplaced``.")
DAYS_DOC = ("For each first day of the dated {noun} that pass the filters (those of /api/{noun}), how many "
            "(``count``) and people killed (``killed``), as columns by day; ``total`` is their sum.")


def cluster_body(found: Clusters) -> dict[str, Any]:
    return {"zoom": found.zoom, "cell_degrees": found.cell_degrees, "total": found.total,
            "unplaced": found.unplaced, "located": found.located, "cells": [
                {"lat": round(c.lat, 4), "lon": round(c.lon, 4), "count": c.count, "killed": c.killed,
                 "bounds": [round(v, 4) for v in c.bounds], "families": c.families, "id": c.id}
                for c in found.cells]}


def day_body(found: list[DayCount]) -> dict[str, Any]:
    return {"total": sum(d.count for d in found), "date": [d.date for d in found],
            "count": [d.count for d in found], "killed": [d.killed for d in found]}


@router.get("/api/incidents/clusters", summary="Matching incidents counted in the cells of the map's view",
            description=CLUSTERS_DOC.format(noun="incidents"))
def get_incident_clusters(request: Request, filters: Annotated[EventFilters, Depends(event_filters)],
                          zoom: Zoom) -> dict[str, Any]:
    return cluster_body(cluster_incidents(request.app.state.store, filters, zoom=zoom))


@router.get("/api/events/clusters", summary="Matching events counted in the cells of the map's view",
            description=CLUSTERS_DOC.format(noun="events") + " A lone event's id is ``<story_id>/<event_id>``.")
def get_event_clusters(request: Request, filters: Annotated[EventFilters, Depends(event_filters)],
                       zoom: Zoom) -> dict[str, Any]:
    return cluster_body(cluster_events(request.app.state.store, filters, zoom=zoom))


@router.get("/api/incidents/days", summary="Matching incidents and people killed per day (timeline)",
            description=DAYS_DOC.format(noun="incidents"))
def get_incident_days(request: Request, filters: Annotated[EventFilters, Depends(event_filters)]) -> dict[str, Any]:
    return day_body(count_incidents_by_day(request.app.state.store, filters))


@router.get("/api/events/days", summary="Matching events and people killed per day (timeline)",
            description=DAYS_DOC.format(noun="events"))
def get_event_days(request: Request, filters: Annotated[EventFilters, Depends(event_filters)]) -> dict[str, Any]:
    return day_body(count_events_by_first_day(request.app.state.store, filters))
