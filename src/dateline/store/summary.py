"""Headline figures of the incidents that pass a filter, and the same by country and by month:
what an analyst quotes ("412 incidents, 1,930 killed in 14 countries") and tabulates.

    summarise_incidents(store, filters) -> IncidentSummaryTable

One SQL aggregate per table over the incidents that pass the filters, with the WHERE
clauses ``incident_conditions`` makes for /api/incidents, `dateline incidents` and the
exports: one filter path, so a summary's totals are the sums of the incident listing's
(and of an incident CSV export's) figures for the same filter. The figures summed are each
incident's shown figures (``killed``: the latest report's, docs/incidents.md), a missing
figure counting 0; ``events`` counts the incidents' source events (copies included).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, select

from .filters import NO_FILTERS, EventFilters
from .incident_queries import COUNT_COLUMNS, incident_conditions
from .queries import ReadableStore
from .schema import incidents


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """The incidents of one country or month (``key``; None: no country, or undated), or of all."""

    key: str | None
    incidents: int
    events: int
    killed: int
    injured: int
    arrested: int
    countries: int


@dataclass(frozen=True, slots=True)
class IncidentSummaryTable:
    """All the incidents that pass the filters (``total``), by country (most incidents
    first) and by month (earliest first, undated last)."""

    total: SummaryRow
    by_country: tuple[SummaryRow, ...]
    by_month: tuple[SummaryRow, ...]


def summarise_incidents(store: ReadableStore, filters: EventFilters = NO_FILTERS) -> IncidentSummaryTable:
    """The summary of the incidents that pass every filter (InvalidFilter for a bad value)."""
    where = incident_conditions(filters)
    month = func.substr(incidents.c.date_from, 1, 7)
    with store.reading() as conn:
        [total] = _read_rows(conn, _select_totals(None, where))
        by_country = _read_rows(conn, _select_totals(incidents.c.country, where))
        by_month = _read_rows(conn, _select_totals(month, where))
    by_country.sort(key=lambda row: (-row.incidents, row.key is None, row.key or ""))
    by_month.sort(key=lambda row: (row.key is None, row.key or ""))
    return IncidentSummaryTable(total=total, by_country=tuple(by_country), by_month=tuple(by_month))


def _select_totals(key: ColumnElement[Any] | None, where: list[ColumnElement[bool]]) -> Select[Any]:
    figures = [func.coalesce(func.sum(incidents.c[name]), 0).label(name) for name in COUNT_COLUMNS]
    columns = [func.count().label("incidents"), func.coalesce(func.sum(incidents.c.event_count), 0).label("events"),
               *figures, func.count(incidents.c.country.distinct()).label("countries")]
    if key is None:
        return select(*columns).select_from(incidents).where(*where)
    return select(key.label("key"), *columns).select_from(incidents).where(*where).group_by(key)


def _read_rows(conn: Connection, query: Select[Any]) -> list[SummaryRow]:
    rows = []
    for row in conn.execute(query):
        values = row._mapping
        rows.append(SummaryRow(key=values.get("key"), incidents=int(values["incidents"]),
                               events=int(values["events"]), killed=int(values["killed"]),
                               injured=int(values["injured"]), arrested=int(values["arrested"]),
                               countries=int(values["countries"])))
    return rows
