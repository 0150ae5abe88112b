"""/api/export/{format}: what the current view shows, as a download, one row per incident
(``per=event``: per source event), with the filters of /api/incidents; and
/api/export/{format}/count: how many rows that export has and what it leaves out, for the UI
to say before the download.

Every export answers with ``X-Dateline-Rows`` (rows written), ``X-Dateline-Left-Out`` (how
many were not) and ``X-Dateline-Left-Out-Reasons`` ("2 no coordinates; 1 no date")."""
from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ..export import EXPORT_FORMATS, EXPORT_UNITS, ExportResult, check_export, run_export
from ..store.filters import EventFilters
from .errors import ERROR_RESPONSES, ApiError
from .params import MAX_EXPORT, event_filters

router = APIRouter(tags=["exports"], responses=ERROR_RESPONSES)

Format = Annotated[str, Path(max_length=20, description=(
    f"Per incident: {', '.join(EXPORT_UNITS['incident'])}; per event: {', '.join(EXPORT_UNITS['event'])}."))]
Per = Annotated[Literal["incident", "event"], Query(description=(
    "One row per incident (the default: what the incident list shows) or per source event."))]
ExportLimit = Annotated[int, Query(ge=1, le=MAX_EXPORT, description=(
    f"At most this many rows (at most {MAX_EXPORT}); the rest are counted as left out."))]


def check_format(fmt: str, per: str) -> None:
    if fmt not in EXPORT_FORMATS:
        raise ApiError(404, f"no export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    try:
        check_export(fmt, per)
    except ValueError as exc:
        raise ApiError(422, str(exc)) from None


def describe_result(result: ExportResult, per: str) -> dict[str, Any]:
    return {"per": per, "rows": result.written, "left_out": result.left_out, "reasons": result.reasons}


@router.get("/api/export/{fmt}", summary="Export incidents (or events)",
            responses={200: {"content": {f.media_type.split(";")[0]: {} for f in EXPORT_FORMATS.values()},
                             "description": "The rows in the format asked for, as a download."}})
def get_export(request: Request, fmt: Format, filters: Annotated[EventFilters, Depends(event_filters)],
               per: Per = "incident", limit: ExportLimit = MAX_EXPORT) -> Response:
    """The incidents (or events) that pass the filters as CSV, ACLED CSV, GeoJSON, JSON Lines (or PLOVER
    JSON, per event). The headers say how many rows were written and how many left out, and why."""
    check_format(fmt, per)
    out = io.StringIO()
    result = run_export(request.app.state.store, out, fmt=fmt, per=per, filters=filters, limit=limit)
    export_format = EXPORT_FORMATS[fmt]
    return Response(out.getvalue(), media_type=export_format.media_type, headers={
        "content-disposition": f'attachment; filename="dateline-{per}s.{export_format.suffix}"',
        "x-dateline-rows": str(result.written), "x-dateline-written": str(result.written),
        "x-dateline-left-out": str(result.left_out), "x-dateline-left-out-reasons": result.describe_left_out()})


@router.get("/api/export/{fmt}/count", summary="What an export would hold")
def get_export_count(request: Request, fmt: Format, filters: Annotated[EventFilters, Depends(event_filters)],
                     per: Per = "incident", limit: ExportLimit = MAX_EXPORT) -> dict[str, Any]:
    """``{"per", "rows", "left_out", "reasons": {reason: n}}`` of the export with the same parameters."""
    check_format(fmt, per)
    result = run_export(request.app.state.store, io.StringIO(), fmt=fmt, per=per, filters=filters, limit=limit)
    return describe_result(result, per)
