"""HTML to stories. (Baseline through trafilatura; the real cleaner replaces this.)"""
from __future__ import annotations

import trafilatura

from ..models import Cleaned
from .text import clean_text


def clean_html(html: str, *, url: str | None = None, fetched: str | None = None) -> Cleaned:
    text = trafilatura.extract(html, include_comments=False) or ""
    return clean_text(text, fetched=fetched)
