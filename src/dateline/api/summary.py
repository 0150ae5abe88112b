"""/api/summary and /api/summary.csv: headline figures of the incidents that pass the filters
(incidents, events, killed, injured, arrested, countries) and the same by country and by month.

The filters are /api/incidents' own (``event_filters``) and reach the store through the one
filter path (store/summary.py uses ``incident_conditions``), so the totals equal the sums of
an incident export for the same filter."""
from __future__ import annotations

import csv
import io
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ..export.schemes import name_country
from ..store.filters import EventFilters
from ..store.summary import IncidentSummaryTable, SummaryRow, summarise_incidents
from .errors import ERROR_RESPONSES
from .params import event_filters

router = APIRouter(tags=["incidents"], responses=ERROR_RESPONSES)

SUMMARY_CSV_COLUMNS = ("table", "key", "name", "incidents", "events", "killed", "injured", "arrested", "countries")


def summary_record(summary: IncidentSummaryTable) -> dict[str, Any]:
    """The summary as JSON: ``total`` (without a key), ``by_country`` (each with the country's
    name) and ``by_month`` ("YYYY-MM"; null for undated incidents)."""
    total = asdict(summary.total)
    del total["key"]
    return {"total": total,
            "by_country": [{**asdict(row), "name": name_country(row.key)} for row in summary.by_country],
            "by_month": [asdict(row) for row in summary.by_month]}


def write_summary_csv(summary: IncidentSummaryTable, out: io.StringIO) -> None:
    """One CSV of the three tables: a ``total`` row, then ``country`` rows, then ``month`` rows."""
    writer = csv.DictWriter(out, fieldnames=SUMMARY_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()

    def write(table: str, row: SummaryRow, name: str | None = None) -> None:
        writer.writerow({**asdict(row), "table": table, "key": row.key or "", "name": name or ""})

    write("total", summary.total)
    for row in summary.by_country:
        write("country", row, name_country(row.key))
    for row in summary.by_month:
        write("month", row)


@router.get("/api/summary", summary="Headline figures of the incidents that pass the filters")
def get_summary(request: Request, filters: Annotated[EventFilters, Depends(event_filters)]) -> dict[str, Any]:
    """Incidents, their source events, killed, injured, arrested and countries, in all and by country
    and month, for the filters /api/incidents takes. Figures are the incidents' shown figures (the
    latest report's toll), a missing figure counting 0."""
    return summary_record(summarise_incidents(request.app.state.store, filters))


@router.get("/api/summary.csv", summary="The summary as CSV",
            responses={200: {"content": {"text/csv": {}}, "description": "The summary's three tables in one CSV."}})
def get_summary_csv(request: Request, filters: Annotated[EventFilters, Depends(event_filters)]) -> Response:
    """The summary as one CSV: a ``total`` row, then a row per country and per month."""
    out = io.StringIO()
    write_summary_csv(summarise_incidents(request.app.state.store, filters), out)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="dateline-summary.csv"'})
