"""Facets: for the current filters, how many incidents (or events) have each country, type,
family, certainty, actor kind and target kind, so that a menu can show its counts.

    count_facets(store, filters, of="incidents") -> Facets(total, {"country": [FacetValue], ...})

Each facet is counted with every filter but its own (the usual rule: with type=attack given,
the type facet still counts protests, so the menu shows what choosing another type would
find, while every other facet counts attacks only). Values come most frequent first, then by
value; rows without a value (no country, no actor kind) count under None. One GROUP BY per
facet, over the same WHERE clauses as the listings (incident_queries.py, queries.py).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, Table, func, select

from .filters import EventFilters
from .incident_queries import incident_conditions
from .queries import ReadableStore, select_events
from .schema import events, incidents

# facet -> the filter it leaves out (the filter of the same name)
FACETS = ("country", "type", "family", "certainty", "actor_kind", "target_kind")
FACET_OF = ("incidents", "events")


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str | None
    count: int


@dataclass(frozen=True, slots=True)
class Facets:
    """How many rows pass every filter, and each facet's values with their counts."""

    of: str
    total: int
    facets: dict[str, list[FacetValue]]


def count_facets(store: ReadableStore, filters: EventFilters, *, of: str = "incidents") -> Facets:
    """Counts by country, type, family, certainty, actor kind and target kind of the incidents
    (or, ``of="events"``, the events) that pass the filters, each without its own filter."""
    if of not in FACET_OF:
        raise ValueError(f"facets are of {' or '.join(FACET_OF)}, not {of!r}")
    table = incidents if of == "incidents" else events
    found: dict[str, list[FacetValue]] = {}
    with store.reading() as conn:
        total = int(conn.execute(_select_counted(table, filters)).scalar_one())
        for name in FACETS:
            column = table.c[name]
            count = func.count().label("n")
            query = (_select_counted(table, replace(filters, **{name: None}), column, count)
                     .group_by(column).order_by(count.desc(), column.is_(None), column))
            found[name] = [FacetValue(value=row[0], count=int(row[1])) for row in conn.execute(query)]
    return Facets(of=of, total=total, facets=found)


def _select_counted(table: Table, filters: EventFilters, *columns: Any) -> Select[Any]:
    """SELECT ``columns`` (a count, by default) of the rows of ``table`` that pass the filters."""
    columns = columns or (func.count(),)
    if table is incidents:
        return select(*columns).select_from(incidents).where(*incident_conditions(filters))
    return select_events(filters, *columns)
