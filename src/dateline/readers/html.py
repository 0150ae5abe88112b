"""HTML pages: told from text by their markup, decoded by the charset they
declare (HTTP header, then <meta>), else as any other text."""
from __future__ import annotations

import re

from ..models import Page
from .text import decode_page

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml)", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(?:html|head|body|div|p|meta|title|script|article|span|a|br|table|li)\b[^>]*>",
                       re.IGNORECASE)
# A page with this many tags in its first 64 kB is HTML even without a <html> start.
MIN_TAGS = 5


def declared_charset(head: bytes) -> str | None:
    """The charset a page's <meta> names in its first bytes, if any."""
    match = _META_CHARSET.search(head[:8192])
    return match.group(1).decode("ascii", "replace") if match else None


def looks_like_html(text: str) -> bool:
    """True when the text is markup rather than prose that mentions a tag."""
    head = text[:65536]
    if _HTML_START.match(head[:4096]):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAG.findall(head)) >= MIN_TAGS


def read_html(data: bytes, source: str, *, max_page_bytes: int, url: str | None = None,
              fetched: str | None = None, offset: int | None = None, declared: str | None = None) -> Page:
    """One HTML page from its bytes; a charset from the HTTP header wins over <meta>."""
    declared = declared or declared_charset(data)
    text, encoding = decode_page(data, source, max_page_bytes=max_page_bytes, declared=declared, offset=offset)
    return Page(source=source, text=text, kind="html", url=url, fetched=fetched, offset=offset, encoding=encoding)


def read_page(data: bytes, source: str, *, max_page_bytes: int, fmt: str | None = None,
              url: str | None = None, fetched: str | None = None, offset: int | None = None,
              declared: str | None = None) -> Page:
    """One page of either kind: ``fmt`` ('html' or 'text') if forced, else by its content."""
    declared = declared or declared_charset(data)
    text, encoding = decode_page(data, source, max_page_bytes=max_page_bytes, declared=declared, offset=offset)
    kind = fmt if fmt in ("html", "text") else ("html" if looks_like_html(text) else "text")
    return Page(source=source, text=text, kind=kind, url=url, fetched=fetched, offset=offset, encoding=encoding)
