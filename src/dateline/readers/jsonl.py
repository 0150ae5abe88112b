"""JSON Lines: one page per line, ``{"url": ..., "html": ...}`` or
``{"url": ..., "text": ...}`` (an optional ``"fetched"`` date is kept). A line's
source is ``path#line`` (1-based), its offset the line's byte offset. A line
that is not JSON (a CorruptRecord), or has neither field, is a Failure; the next line is read.
Blank lines are allowed and skipped."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import CorruptRecord, ReadError
from ..models import Failure, Page
from .html import read_page
from .text import format_size

_LOOKS_JSONL = re.compile(rb'^\s*\{\s*"[^"]{1,40}"\s*:')
_PAGE_KEY = re.compile(rb'"(?:html|text)"\s*:')


def looks_like_jsonl(head: bytes) -> bool:
    """True when the first bytes open a JSON object with an html or text field."""
    return bool(_LOOKS_JSONL.match(head)) and bool(_PAGE_KEY.search(head))


def read_jsonl(stream: BinaryIO, path: str, *, max_page_bytes: int,
               fmt: str | None = None) -> Iterator[Page | Failure]:
    """Pages from a JSON Lines stream, one per non-blank line."""
    offset = 0
    for number, line in enumerate(_read_lines(stream, max_page_bytes), start=1):
        source = f"{path}#{number}"
        start, offset = offset, offset + len(line)
        if line is _TOO_LONG:
            yield Failure(source, "read", f"line {number} is over the {format_size(max_page_bytes)} limit "
                          "(raise it with --max-page-bytes or DATELINE_MAX_PAGE_BYTES)", start)
            offset = start  # its true length is unknown; later offsets are approximate
            continue
        if not line.strip():
            continue
        try:
            yield _read_line(line, path, number, start, max_page_bytes=max_page_bytes, fmt=fmt)
        except ReadError as exc:
            yield Failure(source, "read", exc.reason, start)


_TOO_LONG = b"\x00too long\x00"


def _read_lines(stream: BinaryIO, max_page_bytes: int) -> Iterator[bytes]:
    """Lines of the stream; a line over the limit (plus JSON overhead) comes as _TOO_LONG."""
    limit = max_page_bytes * 2 + 4096  # escapes can double a page's size in JSON
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
            yield _TOO_LONG
            continue
        yield line


def _read_line(line: bytes, path: str, number: int, offset: int, *, max_page_bytes: int,
               fmt: str | None) -> Page:
    """The page of one line; CorruptRecord when the line is no JSON, ReadError when it holds no page."""
    source = f"{path}#{number}"
    try:
        item = json.loads(line)
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, json.JSONDecodeError):
            detail = f"{exc.msg.removesuffix(' at')} at column {exc.colno}"
        else:
            detail = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise CorruptRecord(path, offset, f"line {number} is not JSON ({detail})", source=source) from exc
    if not isinstance(item, dict):
        raise ReadError(source, f"line {number} is JSON but not an object with \"html\" or \"text\"", offset=offset)
    url = item.get("url") if isinstance(item.get("url"), str) else None
    fetched = item.get("fetched") if isinstance(item.get("fetched"), str) else None
    for key, kind in (("html", "html"), ("text", "text")):
        value = item.get(key)
        if isinstance(value, str):
            forced = fmt if fmt in ("html", "text") else kind
            return read_page(value.encode("utf-8", "surrogatepass"), source, max_page_bytes=max_page_bytes,
                             fmt=forced, url=url, fetched=fetched, offset=offset, declared="utf-8")
    raise ReadError(source, f"line {number} has no \"html\" or \"text\" string field", offset=offset)
