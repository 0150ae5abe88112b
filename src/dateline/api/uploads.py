"""An upload before it becomes a job: its body streamed into a temporary file (never held
in memory, and never read at all before the token is checked), then measured against the
limits (readers.measure) so that a job never starts on more than it may do.

    receive_upload(request, max_bytes)   -> path of the body; 413 past max_bytes, 400 when empty
    measure_upload(path, fmt, limits)    -> records it holds; 413 past a limit, 422 when it
                                            holds no page (nothing but blank lines) or is damaged

The limits (docs/api.md): the body is at most ``max_body_bytes`` (--max-page-bytes, 10 MiB by
default), unpacks (gzip) to at most UNPACKED_FACTOR times that, and holds at most
``max_records`` records (MAX_UPLOAD_RECORDS): pages, JSON Lines lines or WARC responses.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

from fastapi import Request
from starlette.requests import ClientDisconnect

from ..errors import InputTooLarge, ReadError
from ..readers.measure import measure_input
from .errors import ApiError

MAX_UPLOAD_RECORDS = 1000
UNPACKED_FACTOR = 10


@dataclass(frozen=True, slots=True)
class UploadLimits:
    max_body_bytes: int
    max_records: int = MAX_UPLOAD_RECORDS

    @property
    def max_unpacked_bytes(self) -> int:
        return self.max_body_bytes * UNPACKED_FACTOR


async def receive_upload(request: Request, *, max_bytes: int) -> str:
    """The request body, written to a temporary file as it arrives; the file's path."""
    try:
        handle, path = tempfile.mkstemp(prefix="dateline-upload-")
    except OSError as exc:
        raise ApiError(503, f"the server could not keep the upload ({exc.strerror or exc}); try again later",
                       code="unavailable") from exc
    size = 0
    blank = True
    try:
        with os.fdopen(handle, "wb") as out:
            async for chunk in request.stream():
                size += len(chunk)
                if size > max_bytes:
                    raise ApiError(413, f"the request body is over the {max_bytes} byte limit")
                blank = blank and not chunk.strip()
                out.write(chunk)
    except ClientDisconnect as exc:
        os.unlink(path)
        raise ApiError(400, "the upload was cut off before its end") from exc
    except OSError as exc:  # the server's temporary folder is full
        os.unlink(path)
        raise ApiError(503, f"the server could not keep the upload ({exc.strerror or exc}); try again later",
                       code="unavailable") from exc
    except BaseException:
        os.unlink(path)
        raise
    if blank:
        os.unlink(path)
        raise ApiError(400, "the request body is empty: post the page itself")
    return path


def measure_upload(path: str, *, fmt: str | None, limits: UploadLimits) -> int:
    """How many records reading the upload gives; an ApiError (413, 422) when it may not be taken."""
    try:
        size = measure_input(path, fmt=fmt, max_records=limits.max_records, max_unpacked=limits.max_unpacked_bytes)
    except InputTooLarge as exc:
        raise ApiError(413, f"{exc.reason}: an upload may hold at most {limits.max_records:,} records and "
                       f"unpack to at most {limits.max_unpacked_bytes:,} bytes; split it, or use "
                       "`dateline ingest` for bulk loads") from exc
    except ReadError as exc:
        raise ApiError(422, f"the upload cannot be read: {exc.reason}") from exc
    if size.records == 0:
        raise ApiError(422, "the upload holds no page: nothing but blank lines or whitespace")
    return size.records
