"""Exports of stored events in the formats analysts' tools read.

    acled     CSV in ACLED's column layout (acled.py)
    plover    PLOVER-shaped JSON, POLECAT-style records (plover.py)
    geojson   a FeatureCollection of points, the event record as properties
    jsonl     one event record per line (records.py)

``write_export`` writes one format to a text stream; the CLI (`dateline export`)
and the API (/api/export/{format}) both call it with events the store selected.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TextIO

from ..store.base import StoredEvent
from .acled import write_acled_csv
from .plover import build_plover
from .records import stored_event_record

__all__ = ["EXPORT_FORMATS", "ExportFormat", "ExportResult", "build_geojson", "write_export"]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    media_type: str
    suffix: str
    description: str


EXPORT_FORMATS = {
    "acled": ExportFormat("acled", "text/csv; charset=utf-8", "csv", "CSV in ACLED's column layout"),
    "plover": ExportFormat("plover", "application/json", "json", "PLOVER-shaped JSON"),
    "geojson": ExportFormat("geojson", "application/geo+json", "geojson", "GeoJSON FeatureCollection"),
    "jsonl": ExportFormat("jsonl", "application/x-ndjson", "jsonl", "JSON Lines, one event per line"),
}


@dataclass(frozen=True, slots=True)
class ExportResult:
    written: int
    left_out: int  # events the format cannot hold (no ACLED or PLOVER type, no date for ACLED)


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
    """Write the events in one of EXPORT_FORMATS; ValueError for an unknown format."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"{fmt!r} is not an export format: choose one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "acled":
        written, left_out = write_acled_csv(found, out)
        return ExportResult(written, left_out)
    if fmt == "plover":
        document, left_out = build_plover(found)
        json.dump(document, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return ExportResult(len(document["events"]), left_out)
    if fmt == "geojson":
        json.dump(build_geojson(found), out, ensure_ascii=False)
        out.write("\n")
        return ExportResult(len(found), 0)
    for item in found:
        out.write(json.dumps(stored_event_record(item), ensure_ascii=False) + "\n")
    return ExportResult(len(found), 0)
