"""Exports of incidents, one row per incident (what the incident list shows), as CSV, ACLED
CSV, GeoJSON or JSON Lines; each says how many incidents it left out and why.

    csv       every incident: its summary, figures (shown, low, best, high), parties, outlets
    acled     ACLED's layout (acled.py), one row per incident ACLED would code: undated
              incidents and types ACLED does not code are left out
    geojson   a Feature per incident with coordinates (the CSV's columns as properties);
              incidents without coordinates are left out
    jsonl     the incident record /api/incidents/{id} gives, sources and toll history included

An incident's figures are the ones it shows (the latest report's toll, docs/incidents.md),
so the sums of an incident CSV equal /api/summary's for the same filter. The ACLED row takes
its words (sub-event type, notes) from the latest source, its ``source`` column names the
outlets.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, TextIO

from ..incidents.sources import build_history
from ..models import Event, EventPlace
from ..record import party_record
from ..store.base import StoredEvent
from ..store.incident_queries import COUNT_COLUMNS, IncidentSource, StoredIncident
from .acled import ACLED_COLUMNS, acled_row

INCIDENT_CSV_COLUMNS = ("incident_id", "date", "date_end", "type", "family", "certainty", "place", "country",
                        "admin1", "lat", "lon", "precision", "killed", "killed_low", "killed_best", "killed_high",
                        "injured", "injured_low", "injured_best", "injured_high", "arrested", "arrested_low",
                        "arrested_best", "arrested_high", "actor", "actor_kind", "actor_country", "target",
                        "target_kind", "target_country", "source_count", "sources", "urls")
NO_DATE = "no date"
NO_ACLED_TYPE = "type ACLED does not code"
NO_COORDINATES = "no coordinates"


def list_outlets(incident: StoredIncident) -> list[str]:
    """The incident's outlets in publication order, each once (the file path where none is known)."""
    return list(dict.fromkeys(source.outlet or source.source for source in incident.sources))


def incident_csv_row(incident: StoredIncident) -> dict[str, Any]:
    """An incident as one CSV row: its summary, figures and parties, and its outlets and URLs."""
    row = {name: getattr(incident, name, None) for name in INCIDENT_CSV_COLUMNS}
    for side, party in (("actor", incident.actor), ("target", incident.target)):
        row.update({side: party.name if party else None, f"{side}_kind": party.kind if party else None,
                    f"{side}_country": party.country if party else None})
    row["place"] = incident.place_name
    row["sources"] = "; ".join(list_outlets(incident))
    row["urls"] = " ".join(dict.fromkeys(s.url for s in incident.sources if s.url))
    return row


def stored_incident_record(incident: StoredIncident) -> dict[str, Any]:
    """An incident as JSON (the API's and JSON Lines'): its fields, its sources in publication
    order with their outlets, ``history`` (the toll across reports) and ``differ`` (the figures
    on which the sources disagree)."""
    record = asdict(incident)
    record["actor"], record["target"] = party_record(incident.actor), party_record(incident.target)
    record["sources"] = [{**source, "story_id": f"{source['page_id']}-{source['story_position']}"}
                         for source in record.get("sources", [])]
    record["history"] = [asdict(point) for point in build_history(incident.sources)]
    record["differ"] = [name for name in COUNT_COLUMNS
                        if len({s.get(name) for s in record["sources"] if s.get(name) is not None}) > 1]
    return record


def pick_latest_source(sources: Sequence[IncidentSource]) -> IncidentSource | None:
    """The latest dated source (sources come in publication order, undated last), else the last."""
    dated = [source for source in sources if source.published]
    chosen = dated or list(sources)
    return chosen[-1] if chosen else None


def incident_acled_row(incident: StoredIncident) -> tuple[dict[str, Any] | None, str | None]:
    """(the ACLED row, None), or (None, why it is left out)."""
    if not incident.date:
        return None, NO_DATE
    latest = pick_latest_source(incident.sources)
    words, sentence = (latest.trigger, latest.sentence) if latest else ("", "")
    place = (EventPlace(name=incident.place_name or "", country=incident.country, admin1=incident.admin1,
                        lat=incident.lat, lon=incident.lon, precision=incident.precision)
             if incident.place_name or incident.country else None)
    event = Event(type=incident.type, trigger=words, trigger_span=(0, 0), sentence=sentence, sentence_span=(0, 0),
                  place=place, date=incident.date, date_end=incident.date_end, killed=incident.killed,
                  injured=incident.injured, arrested=incident.arrested, certainty=incident.certainty,
                  actor=incident.actor, target=incident.target)
    stored = StoredEvent(page_id=latest.page_id if latest else "", source="", url=None,
                         story_position=latest.story_position if latest else 0, headline=None,
                         published=latest.published if latest else None, event=event)
    row = acled_row(stored)
    if row is None:
        return None, NO_ACLED_TYPE
    row["source"] = "; ".join(list_outlets(incident))
    return row, None


def incident_feature(incident: StoredIncident) -> dict[str, Any] | None:
    """A GeoJSON Feature (a point, the CSV's columns as properties), or None without coordinates."""
    if incident.lat is None or incident.lon is None:
        return None
    return {"type": "Feature", "id": incident.incident_id,
            "geometry": {"type": "Point", "coordinates": [incident.lon, incident.lat]},
            "properties": incident_csv_row(incident)}


def write_incident_export(found: list[StoredIncident], fmt: str, out: TextIO) -> tuple[int, Counter[str]]:
    """Write the incidents in ``fmt`` (csv, acled, geojson, jsonl); (rows written, left out by reason)."""
    left_out: Counter[str] = Counter()
    if fmt == "geojson":
        features = []
        for incident in found:
            feature = incident_feature(incident)
            if feature is None:
                left_out[NO_COORDINATES] += 1
            else:
                features.append(feature)
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, default=str)
        out.write("\n")
        return len(features), left_out
    if fmt == "jsonl":
        for incident in found:
            out.write(json.dumps(stored_incident_record(incident), ensure_ascii=False, default=str) + "\n")
        return len(found), left_out
    columns = ACLED_COLUMNS if fmt == "acled" else INCIDENT_CSV_COLUMNS
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    written = 0
    for incident in found:
        row, reason = incident_acled_row(incident) if fmt == "acled" else (incident_csv_row(incident), None)
        if row is None:
            left_out[reason or NO_ACLED_TYPE] += 1
            continue
        writer.writerow(row)
        written += 1
    return written, left_out
