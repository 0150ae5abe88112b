"""Readers: one module per input format; ``read_sources`` picks one per source.
(Baseline: plain files only; the real readers replace this.)"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..models import Failure, Page


def read_sources(sources: Iterable[str], *, fmt: str | None = None) -> Iterator[Page | Failure]:
    for source in sources:
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Failure(source, "read", f"cannot open: {exc.strerror}")
            continue
        text = data.decode("utf-8", "replace")
        kind = "html" if text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")) else "text"
        yield Page(source=source, text=text, kind=kind)
