"""POST /api/ingest: pages posted as plain text, HTML, WARC or JSON Lines (gzipped or not),
taken as a background job (jobs.py) and stored as `dateline ingest` would store them;
GET /api/ingest/jobs/{job_id}: how far the job is.

Off unless the operator gave a token (``dateline serve --token-file``, DATELINE_INGEST_TOKEN
or --token); the client sends it as ``Authorization: Bearer <token>``, compared in constant
time (hmac.compare_digest) before a byte of the body is read. An upload is then bounded
before any work starts (uploads.py: body size, unpacked size, records) and answered with
``202 Accepted``, the job's id and its status URL; pages are stored under the source name
``upload:<name>`` (``upload:<name>#<line>`` for a line of JSON Lines).
"""
from __future__ import annotations

import hmac
import logging
import os
import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ..readers import FORMATS
from .errors import ERROR_RESPONSES, ApiError
from .jobs import IngestJob, JobQueue, JobRecord, QueueFull
from .uploads import UploadLimits, measure_upload, receive_upload

log = logging.getLogger(__name__)

router = APIRouter(tags=["ingest"], responses=ERROR_RESPONSES)
CONTENT_FORMATS = {"text/plain": "text", "text/html": "html", "application/xhtml+xml": "html",
                   "application/warc": "warc", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl"}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
JOB_ID = Annotated[str, Path(pattern=r"^[0-9a-f]{32}$", description="The job id POST /api/ingest answered.")]
RETRY_SECONDS = 10  # Retry-After when the upload queue is full


def check_token(request: Request) -> None:
    expected: str | None = request.app.state.ingest_token
    if not expected:
        raise ApiError(403, "ingest is off: start `dateline serve` with --token-file (or DATELINE_INGEST_TOKEN) "
                       "to allow it")
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), expected.encode()):
        raise ApiError(401, "send the ingest token as 'Authorization: Bearer <token>'")


# The body is read as it arrives (uploads.py), not parsed by FastAPI: described here for the spec.
UPLOAD_BODY = {"requestBody": {"required": True, "description": "The page, WARC or JSON Lines file, gzipped or not.",
                               "content": {media: {"schema": {"type": "string", "format": "binary"}}
                                           for media in (*CONTENT_FORMATS, "application/gzip")}}}


@router.post("/api/ingest", summary="Ingest posted pages as a background job (needs the token)", status_code=202,
             response_model=JobRecord, openapi_extra=UPLOAD_BODY)
async def post_ingest(
    request: Request,
    name: Annotated[str, Query(max_length=120, description="A name for the upload; stored as upload:<name>.")] = "page",
    format: Annotated[str | None, Query(description=f"Force the format: {', '.join(FORMATS)}; "
                                        "else read from Content-Type and the bytes.")] = None,
) -> JSONResponse:
    """Post a page (or a WARC / JSON Lines file, gzipped or not) as the request body. It is
    measured at once (at most 1,000 records; 413 past a limit, 422 when it holds no page) and
    answered with 202 and the job's status URL; the job cleans, codes and stores the pages
    like `dateline ingest`, a few at a time, and regroups the incidents at its end."""
    check_token(request)
    if format is not None and format not in FORMATS:
        raise ApiError(422, f"format={format!r} is not one of: {', '.join(FORMATS)}")
    jobs: JobQueue = request.app.state.jobs
    try:
        jobs.check_room()
    except QueueFull as exc:
        raise ApiError(429, f"{exc}: try again later", headers={"retry-after": str(RETRY_SECONDS)}) from exc
    limits: UploadLimits = request.app.state.upload_limits
    path = await receive_upload(request, max_bytes=limits.max_body_bytes)
    fmt = format or CONTENT_FORMATS.get(request.headers.get("content-type", "").split(";")[0].strip().lower())
    try:
        records = await run_in_threadpool(measure_upload, path, fmt=fmt, limits=limits)
        safe = _SAFE_NAME.sub("-", name).strip("-") or "page"
        job = jobs.submit(IngestJob(source=f"upload:{safe}", path=path, fmt=fmt, records=records))
    except QueueFull as exc:
        os.unlink(path)
        raise ApiError(429, f"{exc}: try again later", headers={"retry-after": str(RETRY_SECONDS)}) from exc
    except BaseException:
        os.unlink(path)
        raise
    record = job.to_record()
    log.info("upload %s queued as job %s (%d records)", job.source, job.job_id, records)
    return JSONResponse(record.model_dump(), status_code=202, headers={"location": record.status_url})


@router.get("/api/ingest/jobs/{job_id}", summary="How far an ingest job is (needs the token)",
            response_model=JobRecord)
def get_ingest_job(request: Request, job_id: JOB_ID) -> JobRecord:
    """The job's status (queued, running, done, failed, cancelled), the records done of those
    counted, what was stored, each failed page with its stage and reason, and the incidents."""
    check_token(request)
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise ApiError(404, f"no ingest job {job_id!r}: jobs are kept while the server runs, the last 200 "
                       "finished ones")
    record: JobRecord = job.to_record()
    return record
