"""Exports of stored incidents (one row each, the default) or of their source events, in the
formats analysts' tools read; each says how many rows it wrote and what it left out, and why.

    per incident   csv, acled, geojson, jsonl        (incidents.py)
    per event      acled, plover, geojson, jsonl     (acled.py, plover.py, records.py)

``run_export`` selects with the filters of /api/incidents (the one filter path: the store's
``incident_conditions`` and the events' ``column_conditions``), writes one format to a text
stream and returns an ``ExportResult``; the CLI (`dateline export`) and the API
(/api/export/{format}) both call it. ``count_export`` gives the same ExportResult from
COUNTs, without writing the file (counts.py). ``write_export`` writes events already selected.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import TextIO

from ..store.base import StoredEvent
from ..store.filters import NO_FILTERS, EventFilters
from ..store.incident_queries import find_incidents
from ..store.queries import ReadableStore, list_events
from .acled import write_acled_csv
from .counts import NO_ACLED_EVENT, NO_PLOVER_TYPE, OVER_LIMIT, ExportResult, count_rows, order_reasons
from .incidents import write_incident_export
from .plover import build_plover
from .records import stored_event_record

__all__ = ["EVENT_FORMATS", "EXPORT_FORMATS", "EXPORT_UNITS", "INCIDENT_FORMATS", "ExportFormat", "ExportResult",
           "build_geojson", "check_export", "count_export", "run_export", "write_export"]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    media_type: str
    suffix: str
    description: str


EXPORT_FORMATS = {
    "csv": ExportFormat("csv", "text/csv; charset=utf-8", "csv", "CSV, one row per incident (per incident only)"),
    "acled": ExportFormat("acled", "text/csv; charset=utf-8", "csv", "CSV in ACLED's column layout"),
    "plover": ExportFormat("plover", "application/json", "json", "PLOVER-shaped JSON (per event only)"),
    "geojson": ExportFormat("geojson", "application/geo+json", "geojson", "GeoJSON FeatureCollection"),
    "jsonl": ExportFormat("jsonl", "application/x-ndjson", "jsonl", "JSON Lines, one record per line"),
}
INCIDENT_FORMATS = ("csv", "acled", "geojson", "jsonl")
EVENT_FORMATS = ("acled", "plover", "geojson", "jsonl")
EXPORT_UNITS = {"incident": INCIDENT_FORMATS, "event": EVENT_FORMATS}


def check_export(fmt: str, per: str = "incident") -> None:
    """ValueError unless ``fmt`` is an export format of ``per`` (incident or event)."""
    if per not in EXPORT_UNITS:
        raise ValueError(f"per={per!r}: export one row per 'incident' or per 'event'")
    if fmt not in EXPORT_UNITS[per]:
        raise ValueError(f"{fmt!r} is not an export format per {per}: choose one of {', '.join(EXPORT_UNITS[per])}")


def run_export(store: ReadableStore, out: TextIO, *, fmt: str, per: str = "incident",
               filters: EventFilters = NO_FILTERS, limit: int | None = None) -> ExportResult:
    """Export what passes the filters, one row per incident (``per="event"``: per source event);
    rows past ``limit`` are left out and counted. ValueError for a format ``per`` has not."""
    check_export(fmt, per)
    if per == "incident":
        incidents = find_incidents(store, filters, limit=limit)
        written, reasons = write_incident_export(incidents.items, fmt, out)
        over = incidents.total - len(incidents.items)
    else:
        events = list_events(store, filters, limit=limit)
        result = write_export(events.items, fmt, out)
        written, reasons = result.written, Counter(result.reasons)
        over = events.total - len(events.items)
    if over:
        reasons[OVER_LIMIT] += over
    return ExportResult(written, sum(reasons.values()), order_reasons(reasons))


def count_export(store: ReadableStore, *, fmt: str, per: str = "incident", filters: EventFilters = NO_FILTERS,
                 limit: int | None = None) -> ExportResult:
    """What ``run_export`` with the same arguments would write and leave out, counted in SQL
    without building the file. ValueError for a format ``per`` has not."""
    check_export(fmt, per)
    return count_rows(store, fmt=fmt, per=per, filters=filters, limit=limit)


def build_geojson(found: list[StoredEvent]) -> dict:
    """Every event as a Feature; an event without coordinates has a null geometry (RFC 7946 allows it)."""
    features = []
    for item in found:
        place = item.event.place
        geometry = ({"type": "Point", "coordinates": [place.lon, place.lat]}
                    if place and place.lat is not None and place.lon is not None else None)
        features.append({"type": "Feature", "id": item.event.event_id, "geometry": geometry,
                         "properties": stored_event_record(item)})
    return {"type": "FeatureCollection", "features": features}


def write_export(found: list[StoredEvent], fmt: str, out: TextIO) -> ExportResult:
    """Write events in one of EVENT_FORMATS; ValueError for another format."""
    if fmt not in EVENT_FORMATS:
        raise ValueError(f"{fmt!r} is not an event export format: choose one of {', '.join(EVENT_FORMATS)}")
    if fmt == "acled":
        written, left_out = write_acled_csv(found, out)
        return ExportResult(written, left_out, {NO_ACLED_EVENT: left_out} if left_out else {})
    if fmt == "plover":
        document, left_out = build_plover(found)
        json.dump(document, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return ExportResult(len(document["events"]), left_out, {NO_PLOVER_TYPE: left_out} if left_out else {})
    if fmt == "geojson":
        json.dump(build_geojson(found), out, ensure_ascii=False)
        out.write("\n")
        return ExportResult(len(found), 0)
    for item in found:
        out.write(json.dumps(stored_event_record(item), ensure_ascii=False) + "\n")
    return ExportResult(len(found), 0)
