"""The event types: one table, ``data/event_types.csv``, read once per process.

Every part of dateline that needs to know what a type is asks here: the coder (core
types, families), the scorer (families), the exports (ACLED, PLOVER and CAMEO), the API
(``/api/types``) and, through it, the web UI (colours). A new type is a row of the table
plus its triggers (``data/en/coding/event_triggers.txt``): no Python.

    list_types()            every type, in the table's order
    name_family("bombing")  "violence": the five violence types are one family, any other
                            type is a family of its own (spec/events.md)
    is_core(type)           the type carries killed, injured and arrested
    core_types(), violence_types()
    list_families()         every family, in the order the table first names it
    family_colours()        family -> colour
    scheme_rows(type)       its mappings to ACLED, PLOVER and CAMEO: the rows of
                            ``data/en/scheme_words.csv`` that words choose, then its own
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import overload

from .errors import DataError
from .lexicon import LANGUAGE, Row, read_table

TYPES_TABLE = "event_types.csv"
WORDS_TABLE = f"{LANGUAGE}/scheme_words.csv"
VIOLENCE = "violence"


@dataclass(frozen=True, slots=True)
class SchemeRow:
    """One way a type is written in the other schemes (empty strings: no counterpart).

    ``words`` is empty for a type's own row; a row with words applies when the event's trigger
    or sentence holds one of them."""

    type: str
    words: tuple[str, ...]
    acled_disorder: str
    acled_event: str
    acled_sub_event: str
    plover: str
    cameo: str


@dataclass(frozen=True, slots=True)
class EventType:
    """One row of the types table."""

    name: str
    family: str
    core: bool
    colour: str
    scheme: SchemeRow  # the type's own mapping

    @property
    def violence(self) -> bool:
        return self.family == VIOLENCE


def read_scheme_row(row: Row, *, words: tuple[str, ...] = ()) -> SchemeRow:
    return SchemeRow(type=row["type"], words=words, acled_disorder=row["acled_disorder"],
                     acled_event=row["acled_event"], acled_sub_event=row["acled_sub_event"],
                     plover=row["plover"], cameo=row["cameo"])


@cache
def load_event_types() -> dict[str, EventType]:
    """type -> its row, in the table's order; a family with two colours is a DataError."""
    table = read_table(TYPES_TABLE)
    types: dict[str, EventType] = {}
    colours: dict[str, str] = {}
    for row in table.rows:
        if row["type"] in types:
            raise DataError(table.source, row.line, f"type {row['type']} is listed twice")
        family, colour = row["family"], row["colour"]
        if colours.setdefault(family, colour) != colour:
            raise DataError(table.source, row.line, f"family {family} is {colours[family]} on an earlier row, "
                                                    f"{colour} here: give every type of a family one colour")
        types[row["type"]] = EventType(name=row["type"], family=family, core=row["core"] == "yes",
                                       colour=colour, scheme=read_scheme_row(row))
    return types


@cache
def load_scheme_words() -> dict[str, tuple[SchemeRow, ...]]:
    """type -> its word-chosen mappings, in the table's order."""
    table = read_table(WORDS_TABLE)
    known = load_event_types()
    found: dict[str, list[SchemeRow]] = {}
    for row in table.rows:
        if row["type"] not in known:
            raise DataError(table.source, row.line, f"type {row['type']} is not in {TYPES_TABLE}")
        words = tuple(word.strip().lower() for word in row["words"].split("|") if word.strip())
        found.setdefault(row["type"], []).append(read_scheme_row(row, words=words))
    return {name: tuple(rows) for name, rows in found.items()}


def list_types() -> list[str]:
    return list(load_event_types())


@overload
def name_family(event_type: str) -> str: ...
@overload
def name_family(event_type: None) -> None: ...
def name_family(event_type: str | None) -> str | None:
    """The family of a type: "violence" for the violence types, else the type itself (a type
    the table does not know too)."""
    if event_type is None:
        return None
    return load_families().get(event_type, event_type)


@cache
def load_families() -> dict[str, str]:
    """type -> family."""
    return {name: kind.family for name, kind in load_event_types().items()}


def is_core(event_type: str) -> bool:
    return event_type in core_types()


@cache
def core_types() -> frozenset[str]:
    return frozenset(name for name, kind in load_event_types().items() if kind.core)


@cache
def violence_types() -> frozenset[str]:
    return frozenset(name for name, kind in load_event_types().items() if kind.violence)


def list_families() -> list[str]:
    """Every family, in the order the table first names it ("violence" first)."""
    return list(family_colours())


@cache
def family_colours() -> dict[str, str]:
    colours: dict[str, str] = {}
    for kind in load_event_types().values():
        colours.setdefault(kind.family, kind.colour)
    return colours


def scheme_rows(event_type: str) -> tuple[SchemeRow, ...]:
    """The type's mappings in the order they are tried: word-chosen rows, then its own; () if unknown."""
    known = load_event_types().get(event_type)
    if known is None:
        return ()
    return (*load_scheme_words().get(event_type, ()), known.scheme)
