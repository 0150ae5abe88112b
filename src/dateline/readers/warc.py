"""WARC and WARC.gz: each response (or resource) record with an HTML or text
payload is a page; its source is ``path#offset``, the record's byte offset in
the file as stored (compressed offsets for .warc.gz), so the record can be
found again.

Records that are not pages (requests, metadata, images, redirects) are skipped:
requests, metadata, warcinfo and revisits quietly, since they never are pages;
responses with another payload as a Failure of stage ``skip`` that says why. A
file cut short yields every record before the cut, then a Failure with the
offset of the record that was cut.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from ..errors import CorruptRecord, ReadError
from ..models import Failure, Page
from .html import read_page
from .text import format_size

log = logging.getLogger(__name__)

PAGE_RECORD_TYPES = ("response", "resource")
PAGE_MEDIA_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
SKIP_STAGE = "skip"
_KIND_OF_MEDIA = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset=UTF-8'."""
    if not content_type:
        return "", None
    parts = [p.strip() for p in content_type.split(";")]
    charset = None
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return parts[0].lower(), charset


def _record_failure(source: str, reason: str, offset: int | None, *, stage: str = "read") -> Failure:
    return Failure(source=source, stage=stage, reason=reason, offset=offset)


def read_warc(stream: BinaryIO, path: str, *, max_page_bytes: int, size: int | None = None,
              fmt: str | None = None) -> Iterator[Page | Failure]:
    """Pages from a WARC or WARC.gz stream; ``size`` (bytes) lets a cut .gz be noticed."""
    try:
        yield from _read_records(stream, path, max_page_bytes=max_page_bytes, size=size, fmt=fmt)
    except CorruptRecord as exc:
        yield _record_failure(exc.source, exc.reason, exc.offset)


def _read_records(stream: BinaryIO, path: str, *, max_page_bytes: int, size: int | None,
                  fmt: str | None) -> Iterator[Page | Failure]:
    """The pages and skipped records of the stream; CorruptRecord where the file is damaged or
    cut short: in a record's header, its HTTP header or its payload, whatever the record's type."""
    records = ArchiveIterator(stream, check_digests=False)
    offset: int | None = 0
    try:
        for record in records:
            start = records.offset  # this record's first byte (its gzip member's, in a .warc.gz)
            damage = describe_header_damage(record)
            if damage:
                raise CorruptRecord(path, start, f"WARC record header is cut short or damaged ({damage}); "
                                    "records before it were read")
            if record.rec_type not in PAGE_RECORD_TYPES:
                _drain(record.raw_stream)
                if _left_unread(record):
                    raise CorruptRecord(path, start, f"WARC {record.rec_type} record is cut short: the file "
                                        "ends inside it; records before it were read")
                continue
            data = record.content_stream().read(max_page_bytes + 1)
            cut = _left_unread(record) and len(data) <= max_page_bytes
            offset = records.get_record_offset()  # reads the record to its end
            yield from _read_record(record, data, f"{path}#{offset}", offset, cut=cut,
                                    max_page_bytes=max_page_bytes, fmt=fmt)
    except CorruptRecord:
        raise
    except Exception as exc:  # warcio raises several kinds on a broken file
        offset = records.offset if records.offset is not None else offset
        log.debug("WARC %s broken at %s", path, offset, exc_info=True)
        raise CorruptRecord(path, offset, "WARC record is damaged or cut short here (warcio could not parse "
                            "it); records before it were read") from exc
    end = records.offset
    if size is not None and end is not None and end < size:
        raise CorruptRecord(path, end, f"WARC file is cut short: the record at byte {end} is incomplete "
                            f"({size - end} bytes left over); records before it were read")


def describe_header_damage(record) -> str | None:
    """What is wrong with a WARC record's header, when something is: the fields a reader needs to
    find the record's end are missing or unreadable (the file was cut inside the header)."""
    if record.format != "warc":
        return None
    headers = record.rec_headers
    if not headers.get_header("WARC-Type"):
        return "no WARC-Type"
    length = headers.get_header("Content-Length")
    if length is None:
        return "no Content-Length"
    if not length.strip().isdecimal():
        return f"Content-Length {length!r} is not a number"
    return None


def _drain(stream: BinaryIO) -> None:
    while stream.read(65536):
        pass


def _left_unread(record) -> bool:
    """Whether the record's block ended before its Content-Length: the file ends inside it."""
    return bool(getattr(record.raw_stream, "limit", 0))


def _read_record(record, data: bytes, source: str, offset: int, *, cut: bool, max_page_bytes: int,
                 fmt: str | None) -> Iterator[Page | Failure]:
    if cut:
        yield _record_failure(source, "WARC record is cut short: the file ends inside it", offset)
        return
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    fetched = headers.get_header("WARC-Date")
    http = record.http_headers
    if http is not None and record.rec_type == "response":
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            yield _record_failure(source, f"HTTP {status or 'status unknown'} response, not a page", offset,
                                  stage=SKIP_STAGE)
            return
        content_type = http.get_header("Content-Type")
    else:
        content_type = headers.get_header("Content-Type")
    media, charset = _media_type(content_type)
    if media and media not in PAGE_MEDIA_TYPES and fmt not in ("html", "text"):
        yield _record_failure(source, f"payload is {media}, not HTML or text", offset, stage=SKIP_STAGE)
        return
    if len(data) > max_page_bytes:
        yield _record_failure(source, f"page is over the {format_size(max_page_bytes)} limit "
                              "(raise it with --max-page-bytes or DATELINE_MAX_PAGE_BYTES)", offset)
        return
    kind = fmt if fmt in ("html", "text") else _KIND_OF_MEDIA.get(media)
    try:
        yield read_page(data, source, max_page_bytes=max_page_bytes, fmt=kind, url=url, fetched=fetched,
                        offset=offset, declared=charset)
    except ReadError as exc:
        yield _record_failure(source, exc.reason, offset)
