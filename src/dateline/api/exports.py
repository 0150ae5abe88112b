"""/api/export/{format}: what the current view shows, as a download, one row per incident
(``per=event``: per source event), with the filters of /api/incidents; and
/api/export/{format}/count: how many rows that export has and what it leaves out, for the UI
to say before the download.

Every export answers with the three headers of EXPORT_HEADERS: ``X-Dateline-Rows`` (rows
written), ``X-Dateline-Left-Out`` (how many were not) and ``X-Dateline-Left-Out-Reasons``
("2 no coordinates; 1 no date"), the ``rows``, ``left_out`` and ``reasons`` the count gives;
the count is counted in the store (export/counts.py), not by building the file."""
from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ..export import EXPORT_FORMATS, EXPORT_UNITS, ExportResult, check_export, count_export, run_export
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


# The headers of an export: name -> (what it says, its OpenAPI type).
EXPORT_HEADERS = {
    "X-Dateline-Rows": ("Rows written (``rows`` of /api/export/{fmt}/count).", "integer"),
    "X-Dateline-Left-Out": ("Rows left out (``left_out``).", "integer"),
    "X-Dateline-Left-Out-Reasons": ('How many for each reason, "2 no coordinates; 1 no date" (``reasons``); '
                                    "empty when none.", "string"),
}


def describe_result(result: ExportResult, per: str) -> dict[str, Any]:
    return {"per": per, "rows": result.written, "left_out": result.left_out, "reasons": result.reasons}


def write_headers(result: ExportResult) -> dict[str, str]:
    """The values of EXPORT_HEADERS for this export."""
    values = (str(result.written), str(result.left_out), result.describe_left_out())
    return dict(zip(EXPORT_HEADERS, values, strict=True))


@router.get("/api/export/{fmt}", summary="Export incidents (or events)",
            responses={200: {"content": {f.media_type.split(";")[0]: {} for f in EXPORT_FORMATS.values()},
                             "description": "The rows in the format asked for, as a download.",
                             "headers": {name: {"description": text, "schema": {"type": kind}}
                                         for name, (text, kind) in EXPORT_HEADERS.items()}}})
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
        **write_headers(result)})


@router.get("/api/export/{fmt}/count", summary="What an export would hold")
def get_export_count(request: Request, fmt: Format, filters: Annotated[EventFilters, Depends(event_filters)],
                     per: Per = "incident", limit: ExportLimit = MAX_EXPORT) -> dict[str, Any]:
    """``{"per", "rows", "left_out", "reasons": {reason: n}}`` of the export with the same parameters,
    counted in the store without building the file."""
    check_format(fmt, per)
    result = count_export(request.app.state.store, fmt=fmt, per=per, filters=filters, limit=limit)
    return describe_result(result, per)
