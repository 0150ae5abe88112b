"""Plain-text pages: whatever a scraper, a WET record or a copy-paste left.

``decode_page`` is shared by every reader that holds one page's bytes: it turns
a page that is too large, empty or binary into a ReadError with a reason a user
can act on, and decodes the rest (see decode.py)."""
from __future__ import annotations

from ..errors import EmptyInput, InputTooLarge, UnsupportedInput
from ..models import Page
from .decode import control_share, decode_bytes, describe_binary

# More than this share of control characters and the "text" is binary.
MAX_CONTROL_SHARE = 0.02


def format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size} bytes"


def check_page_size(size: int, source: str, *, max_page_bytes: int, offset: int | None = None) -> None:
    """Refuse a page over the limit before reading it (the limit is a setting)."""
    if size > max_page_bytes:
        raise InputTooLarge(
            source,
            f"page is {format_size(size)}, over the {format_size(max_page_bytes)} limit "
            "(raise it with --max-page-bytes or DATELINE_MAX_PAGE_BYTES)",
            offset=offset,
        )


def decode_page(data: bytes, source: str, *, max_page_bytes: int, declared: str | None = None,
                offset: int | None = None) -> tuple[str, str]:
    """The text of one page's bytes and its encoding; ReadError if it is no page."""
    check_page_size(len(data), source, max_page_bytes=max_page_bytes, offset=offset)
    what = describe_binary(data[:64])
    if what:
        raise UnsupportedInput(source, f"binary file (looks like {what}), not a page", offset=offset)
    if not data.strip():
        raise EmptyInput(source, "empty page: nothing but whitespace", offset=offset)
    text, encoding = decode_bytes(data, declared=declared)
    if control_share(text) > MAX_CONTROL_SHARE:
        raise UnsupportedInput(source, "binary file (unknown format), not a page", offset=offset)
    text = text.replace("\x00", "")
    if not text.strip():
        raise EmptyInput(source, "empty page: nothing but whitespace", offset=offset)
    return text, encoding


def read_text(data: bytes, source: str, *, max_page_bytes: int, url: str | None = None,
              fetched: str | None = None, offset: int | None = None, declared: str | None = None) -> Page:
    """One plain-text page from its bytes."""
    text, encoding = decode_page(data, source, max_page_bytes=max_page_bytes, declared=declared, offset=offset)
    return Page(source=source, text=text, kind="text", url=url, fetched=fetched, offset=offset, encoding=encoding)
