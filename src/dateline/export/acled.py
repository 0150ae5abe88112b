"""ACLED's CSV layout: one row per event ACLED would code, columns as ACLED names them
(plus ``injured`` and ``arrested``, which ACLED does not carry).

    event_date       the first day the event may fall on (YYYY-MM-DD)
    time_precision   1 = the day, 2 = within a week, 3 = a month or longer (ACLED's scale)
    geo_precision    1 = a town, 2 = a region or a place near it, 3 = only the country
    fatalities       ACLED writes 0 when no figure is reported; so does this export
    notes            the sentence the event was read from

Events of a type ACLED does not code (disasters, most statements) and undated
events are left out; ``write_acled_csv`` says how many.
"""
from __future__ import annotations

import csv
from datetime import date
from typing import TextIO

from ..store.base import StoredEvent
from ..store.coded import bound_date
from .schemes import choose_scheme_row, name_admin1, name_country

ACLED_COLUMNS = ("event_date", "disorder_type", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "admin1", "location", "latitude", "longitude", "geo_precision", "time_precision", "source",
                 "notes", "fatalities", "injured", "arrested")
GEO_PRECISION = {"place": 1, "region": 2, "country": 3}


def measure_time_precision(start: str, end: str | None) -> int:
    """ACLED's time_precision for an ISO date (of any precision) or a range."""
    if len(start) < 10:
        return 3
    if not end:
        return 1
    first, last = bound_date(start), bound_date(end, last=True)
    if first is None or last is None:
        return 3
    days = (date.fromisoformat(last) - date.fromisoformat(first)).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def acled_row(item: StoredEvent) -> dict | None:
    """The ACLED row of one event, or None when ACLED would not code it (type outside ACLED, no date)."""
    event, place = item.event, item.event.place
    row = choose_scheme_row(event)
    if row is None or not row.acled_sub_event or not event.date:
        return None
    return {
        "event_date": bound_date(event.date),
        "disorder_type": row.acled_disorder,
        "event_type": row.acled_event,
        "sub_event_type": row.acled_sub_event,
        "actor1": event.actors[0] if event.actors else "",
        "actor2": event.targets[0] if event.targets else (event.actors[1] if len(event.actors) > 1 else ""),
        "country": name_country(place.country) if place else "",
        "admin1": name_admin1(place.country, place.admin1) if place else "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(place.precision or "", 3) if place else "",
        "time_precision": measure_time_precision(event.date, event.date_end),
        "source": item.url or item.source,
        "notes": event.sentence,
        "fatalities": event.killed or 0,
        "injured": "" if event.injured is None else event.injured,
        "arrested": "" if event.arrested is None else event.arrested,
    }


def write_acled_csv(found: list[StoredEvent], out: TextIO) -> tuple[int, int]:
    """Write the header and a row per event ACLED would code; (rows written, events left out)."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = 0
    for item in found:
        row = acled_row(item)
        if row is not None:
            writer.writerow(row)
            written += 1
    return written, len(found) - written
