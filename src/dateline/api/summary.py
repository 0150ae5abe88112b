"""/api/summary and /api/summary.csv: headline figures of the incidents that pass the filters
(incidents, events, killed, injured, arrested, countries) and the same by country and by month.

The filters are /api/incidents' own (``event_filters``) and reach the store through the one
filter path (store/summary.py uses ``incident_conditions``), so the totals equal the sums of
an incident export for the same filter."""
from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ..export.summary import summary_record, write_summary_csv
from ..store.filters import EventFilters
from ..store.summary import summarise_incidents
from .errors import ERROR_RESPONSES
from .params import event_filters

router = APIRouter(tags=["incidents"], responses=ERROR_RESPONSES)

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
