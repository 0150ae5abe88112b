"""Flattened text to stories. (Baseline: every non-empty line is body; the real
cleaner replaces this.)"""
from __future__ import annotations

from ..models import Cleaned, Story


def clean_text(text: str, *, fetched: str | None = None) -> Cleaned:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return Cleaned(stories=(Story(headline=None, body=tuple(lines)),) if lines else ())
