"""What events and incidents are filtered and sorted by, as SQL: the one place where a
filter value becomes a WHERE clause, for `dateline events`, `incidents`, `export`,
the API and the Store protocol alike.

    EventFilters ──column_conditions(events or incidents)──▶ WHERE clauses
    "text"       ──contains(column, text)──────────────────▶ column holds it, any case
    "-killed"    ──parse_sort / order_by_sort──────────────▶ ORDER BY, rows without a value last

A value the store cannot use (no date, an unknown sort key, a box that is none) raises
InvalidFilter with the filter's name. Case folding is the database's ``lower()`` on both
sides of LIKE: PostgreSQL folds every script, and sql.py gives SQLite the same
``lower()``, so a search finds the same rows on both.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, func, or_

from ..actors import ACTOR_KINDS, find_actor
from ..errors import InvalidFilter
from .coded import bound_date, fold_name
from .schema import pages

SortColumns = tuple[ColumnElement[Any], ...]
BoundingBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class EventFilters:
    """What `dateline events`, the API and the exports filter events by (all optional).

    ``bbox`` is (west, south, east, north) in degrees; ``q`` matches part of the
    sentence, trigger or headline; ``source`` matches part of the source or URL;
    ``actor`` matches part of the coded actor's name, or names the same actor as the
    dictionary knows it ("RSF" finds "Rapid Support Forces"); ``actor_kind`` and
    ``target_kind`` are ACLED actor types (``dateline.actors.ACTOR_KINDS``).
    ``type``, ``family``, ``country`` and ``certainty`` take one value or a comma list
    ("attack,bombing": either); ``country`` holds ISO codes once filter_checks.py has read
    names ("United States" -> "US"). ``min_killed``/``min_injured``: at least that many.
    An empty value filters nothing, as a value not given.
    """

    type: str | None = None
    family: str | None = None
    country: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    certainty: str | None = None
    bbox: BoundingBox | None = None
    q: str | None = None
    source: str | None = None
    actor: str | None = None
    actor_kind: str | None = None
    target_kind: str | None = None
    min_killed: int | None = None
    min_injured: int | None = None


NO_FILTERS = EventFilters()


def escape_like(text: str) -> str:
    """The text with LIKE's wildcards (and the escape itself) taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: ColumnElement[Any], text: str) -> ColumnElement[bool]:
    """``column`` holds ``text``, whatever the case of either."""
    return _holds(func.lower(column), text.lower())


def _holds(expression: ColumnElement[Any], text: str) -> ColumnElement[bool]:
    return expression.like(f"%{escape_like(text)}%", escape="\\")


def source_condition(text: str) -> ColumnElement[bool]:
    """The page's source name, URL or site name holds ``text`` (pages must be joined)."""
    return or_(contains(pages.c.source, text), contains(pages.c.url, text), contains(pages.c.site_name, text))


def check_date_filter(value: str, *, last: bool = False, name: str = "date") -> str:
    """The day a date filter stands for (its first, or ``last``, day); InvalidFilter if it is no date."""
    day = bound_date(value, last=last) if len(value) in (4, 7, 10) else None
    if day is None:
        raise InvalidFilter(name, value, f"{value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
    return day


def parse_bbox(value: str) -> BoundingBox:
    """(west, south, east, north) from "w,s,e,n" in degrees; west > east crosses the antimeridian."""
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise InvalidFilter("bbox", value, f"{value!r}: give west,south,east,north in degrees, "
                            "e.g. 20,44,41,53") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise InvalidFilter("bbox", value, f"{value!r}: longitudes lie in -180..180, latitudes in -90..90, "
                            "south <= north")
    return west, south, east, north


def check_kind_filter(value: str, *, name: str) -> str:
    """An ACLED actor type of a kind filter; InvalidFilter names the kinds otherwise."""
    if value not in ACTOR_KINDS:
        raise InvalidFilter(name, value, f"{value!r} is not an actor kind: choose one of {', '.join(ACTOR_KINDS)}")
    return value


def actor_condition(table: Table, text: str) -> ColumnElement[bool]:
    """The coded actor's name holds ``text``, or is the actor the dictionary knows by it ("RSF")."""
    found = contains(table.c.actor_name, text)
    actor = find_actor(text)
    return or_(found, table.c.actor_name == actor.name) if actor is not None else found


def split_list(value: str) -> list[str]:
    """The values of a comma list ("attack, bombing" -> ["attack", "bombing"]), blanks left out."""
    return [part.strip() for part in value.split(",") if part.strip()]


def _one_of(column: ColumnElement[Any], value: str) -> ColumnElement[bool]:
    wanted = split_list(value)
    return column == wanted[0] if len(wanted) == 1 else column.in_(wanted)


def column_conditions(table: Table, filters: EventFilters) -> list[ColumnElement[bool]]:
    """The WHERE clauses a table of events or incidents answers from its own columns: type,
    family, country, place, dates, certainty, bounding box, actor, the parties' kinds and the
    least killed and injured (``q`` and ``source`` need the stories and pages: the caller adds them)."""
    f, c = filters, table.c
    conditions: list[ColumnElement[bool]] = []
    chosen = ((c.type, f.type), (c.family, f.family), (c.country, f.country and f.country.upper()),
              (c.certainty, f.certainty))
    conditions += [_one_of(column, value) for column, value in chosen if value and split_list(value)]
    conditions += [column >= least for column, least in ((c.killed, f.min_killed), (c.injured, f.min_injured))
                   if least is not None]
    if f.place:
        conditions.append(_holds(c.place_key, fold_name(f.place)))  # the key is folded already
    if f.date_from:
        conditions.append(c.date_to >= check_date_filter(f.date_from, name="date_from"))
    if f.date_to:
        conditions.append(c.date_from <= check_date_filter(f.date_to, last=True, name="date_to"))
    if f.bbox:
        west, south, east, north = f.bbox
        lon = c.lon.between(west, east) if west <= east else or_(c.lon >= west, c.lon <= east)
        conditions.append(and_(c.lat.between(south, north), lon))
    if f.actor:
        conditions.append(actor_condition(table, f.actor))
    if f.actor_kind:
        conditions.append(c.actor_kind == check_kind_filter(f.actor_kind, name="actor_kind"))
    if f.target_kind:
        conditions.append(c.target_kind == check_kind_filter(f.target_kind, name="target_kind"))
    return conditions


def list_sorts(table: Table) -> dict[str, SortColumns]:
    """The orders events and incidents share, name -> columns: the date, then each figure,
    type, place and country with the date after it (the caller adds its own)."""
    day = table.c.date_from
    by = {"killed": "killed", "injured": "injured", "arrested": "arrested", "type": "type", "place": "place_key",
          "country": "country"}
    return {"date": (day,), **{name: (table.c[column], day) for name, column in by.items()}}


def parse_sort(sort: str | None, choices: Mapping[str, SortColumns], *, default: str) -> tuple[str, bool]:
    """(key, descending) from "date" or "-date"; InvalidFilter names the choices."""
    sort = sort or default
    key = sort.lstrip("-")
    if key not in choices:
        raise InvalidFilter("sort", sort, f"cannot sort by {key!r}: choose one of {', '.join(sorted(choices))} "
                            "(prefix - to reverse)")
    return key, sort.startswith("-")


def order_by_sort(columns: SortColumns, descending: bool) -> list[ColumnElement[Any]]:
    """ORDER BY the columns, the first reversed if ``descending``; rows without a value come
    last on every column, so that SQLite (NULL first) and PostgreSQL (NULL last) agree."""
    first, *rest = columns
    order = [first.is_(None), first.desc() if descending else first.asc()]
    for column in rest:
        order += [column.is_(None), column]
    return order
