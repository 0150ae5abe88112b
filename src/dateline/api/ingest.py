"""POST /api/ingest: pages posted as plain text, HTML or WARC, cleaned, coded and stored.

Off unless the operator gave a token (``dateline serve --token`` or
DATELINE_INGEST_TOKEN); the client sends it as ``Authorization: Bearer <token>``
and it is compared in constant time (hmac.compare_digest). The body goes through
the same readers and pipeline as `dateline ingest`; pages are stored under the
source name ``upload:<name>``.
"""
from __future__ import annotations

import hmac
import logging
import os
import re
import tempfile
import threading
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from ..models import Failure
from ..pipeline import process_batch
from ..readers import FORMATS, SKIP_STAGE, read_source
from .errors import ERROR_RESPONSES, ApiError

if TYPE_CHECKING:
    from ..store import SqlStore

log = logging.getLogger(__name__)

router = APIRouter(tags=["ingest"], responses=ERROR_RESPONSES)
CONTENT_FORMATS = {"text/plain": "text", "text/html": "html", "application/xhtml+xml": "html",
                   "application/warc": "warc", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl"}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_ingest_lock = threading.Lock()  # one ingest at a time: the parse is the bottleneck anyway


def check_token(request: Request) -> None:
    expected: str | None = request.app.state.ingest_token
    if not expected:
        raise ApiError(403, "ingest is off: start `dateline serve` with --token (or DATELINE_INGEST_TOKEN) to allow it")
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), expected.encode()):
        raise ApiError(401, "send the ingest token as 'Authorization: Bearer <token>'")


def ingest_upload(store: SqlStore, data: bytes, *, name: str, fmt: str | None, max_page_bytes: int) -> dict[str, Any]:
    """Read, clean, code and store the pages of one uploaded body; what was stored."""
    with tempfile.TemporaryDirectory(prefix="dateline-upload-") as folder:
        path = os.path.join(folder, "upload")
        with open(path, "wb") as handle:
            handle.write(data)
        source = f"upload:{name}"
        items = [replace(item, source=source) for item in read_source(path, fmt=fmt, max_page_bytes=max_page_bytes)]
    pages = [item for item in items if not isinstance(item, Failure)]
    done = iter(process_batch(pages))
    batch = [item if isinstance(item, Failure) else next(done) for item in items]
    result = store.add_extractions(batch)
    from ..store.incidents import refresh_incidents  # datasketch loads with the first upload

    refresh_incidents(store)
    failures = [item if isinstance(item, Failure) else item.failure for item in batch]
    failed = [f for f in failures if f is not None and f.stage != SKIP_STAGE]
    return {"source": source, "pages_read": len(pages), "pages_added": result.pages_added + result.pages_replaced,
            "pages_unchanged": result.pages_unchanged, "stories_added": result.stories_added,
            "events_added": result.events_added,
            "failed": [{"stage": f.stage, "reason": f.reason} for f in failed]}


@router.post("/api/ingest", summary="Ingest posted pages (needs the token)", status_code=200)
async def post_ingest(
    request: Request,
    name: Annotated[str, Query(max_length=120, description="A name for the upload; stored as upload:<name>.")] = "page",
    format: Annotated[str | None, Query(description=f"Force the format: {', '.join(FORMATS)}; "
                                        "else read from Content-Type and the bytes.")] = None,
) -> dict[str, Any]:
    """Post a page (or a WARC / JSON Lines file) as the request body; it is cleaned,
    coded and stored like `dateline ingest` does."""
    check_token(request)
    if format is not None and format not in FORMATS:
        raise ApiError(422, f"format={format!r} is not one of: {', '.join(FORMATS)}")
    data = await request.body()
    if not data.strip():
        raise ApiError(400, "the request body is empty: post the page itself")
    fmt = format or CONTENT_FORMATS.get(request.headers.get("content-type", "").split(";")[0].strip().lower())
    safe = _SAFE_NAME.sub("-", name).strip("-") or "page"
    store = request.app.state.store
    max_bytes = request.app.state.max_body_bytes

    def run() -> dict[str, Any]:
        with _ingest_lock:
            return ingest_upload(store, data, name=safe, fmt=fmt, max_page_bytes=max_bytes)

    report = await run_in_threadpool(run)
    log.info("ingested %s: %d pages, %d failed", report["source"], report["pages_read"], len(report["failed"]))
    return report
