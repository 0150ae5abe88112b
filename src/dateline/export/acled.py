"""ACLED's CSV layout: one row per event ACLED would code, columns as ACLED names them
(plus ``injured`` and ``arrested``, which ACLED does not carry).

    event_date       the first day the event may fall on (YYYY-MM-DD)
    time_precision   1 = the day, 2 = within a week, 3 = a month or longer (ACLED's scale)
    geo_precision    1 = a town, 2 = a region or a place near it, 3 = only the country
    fatalities       ACLED writes 0 when no figure is reported; so does this export
    notes            the sentence the event was read from
    actor1, actor2   the coded actor and target by ACLED's names ("Military Forces of Russia (2000-)",
                     "Civilians (Ukraine)"), from the actor dictionary; a party it has no ACLED name
                     for keeps its canonical name; no actor is ACLED's "Unidentified Armed Group (country)"
    assoc_actor_*    who generic civilians, protesters or rioters are ("Journalists (Somalia)")
    inter1, inter2   ACLED's actor type codes: 1 state forces, 2 rebels, 3 political militias,
                     4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other
                     forces; inter2 is 0 where there is no second actor
    interaction      the two codes, lower first ("17": state forces against civilians; "30": a
                     political militia alone), as ACLED's codebook combines them
    civilian_targeting  "Civilian targeting" where the target is civilians, else empty

Events of a type ACLED does not code (disasters, most statements) and undated
events are left out; ``write_acled_csv`` says how many.
"""
from __future__ import annotations

import csv
from datetime import date
from typing import TextIO

from ..actors import ACLED_INTER, get_actor
from ..models import Party
from ..store.base import StoredEvent
from ..store.coded import bound_date
from .schemes import choose_scheme_row, name_admin1, name_country

ACLED_COLUMNS = ("event_date", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
                 "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "country",
                 "admin1", "location", "latitude", "longitude", "geo_precision", "time_precision", "source",
                 "notes", "fatalities", "injured", "arrested")
UNIDENTIFIED = Party("Unidentified Armed Group ({country})", "political_militia")  # ACLED's actor for an unnamed doer
CROWD_NAMES = frozenset({"civilians", "protesters", "rioters"})  # the generic names that need no associate
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
    where = place.country if place else None
    actor, target = event.actor or UNIDENTIFIED, event.target
    inter1 = ACLED_INTER[actor.kind]
    inter2 = ACLED_INTER[target.kind] if target is not None else 0
    return {
        "event_date": bound_date(event.date),
        "disorder_type": row.acled_disorder,
        "event_type": row.acled_event,
        "sub_event_type": row.acled_sub_event,
        "actor1": name_acled_actor(actor, where),
        "assoc_actor_1": name_associate(actor, where),
        "inter1": inter1,
        "actor2": name_acled_actor(target, where) if target is not None else "",
        "assoc_actor_2": name_associate(target, where) if target is not None else "",
        "inter2": inter2,
        "interaction": combine_inter(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if target is not None and target.kind == "civilians" else "",
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


def name_acled_actor(party: Party, where: str | None) -> str:
    """A party by ACLED's name for it: the dictionary's ACLED name (with the country put in where ACLED's
    generic names take one: the party's own, else the event's), else its canonical name."""
    country = name_country(party.country or where)
    if party is UNIDENTIFIED or party.name == "unidentified armed group":
        return UNIDENTIFIED.name.format(country=country) if country else "Unidentified Armed Group"
    actor = get_actor(party.name)
    named = actor.format_acled(country) if actor is not None else None
    if named is None and party.kind == "civilians":
        return f"Civilians ({country})" if country else "Civilians"
    return named or party.name


def name_associate(party: Party, where: str | None) -> str:
    """Who a generic crowd or civilians are, as ACLED's associated actor: "Journalists (Somalia)"."""
    if party.kind not in ("civilians", "protesters", "rioters") or party.name in CROWD_NAMES:
        return ""
    country = name_country(party.country or where)
    label = party.name[:1].upper() + party.name[1:]
    return f"{label} ({country})" if country else label


def combine_inter(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: the two actor types, lower first; one actor alone is its type and 0."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


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
