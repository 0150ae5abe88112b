"""Ingest: read sources, clean and code the pages in batches, store the results.

One library function the CLI calls; it reports through callbacks so that the
CLI can draw progress, and it never stops for one bad page: read, clean and
store failures are all recorded with their reasons and the run goes on. Each
batch is its own transaction, so a failure later in a run loses nothing already
stored; a batch the store refuses is retried page by page."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..errors import StoreError
from ..models import Extraction, Failure, Page
from ..pipeline import process_batch
from ..readers import SKIP_STAGE, list_inputs, read_source
from ..settings import DEFAULT_BATCH_SIZE, DEFAULT_MAX_PAGE_BYTES
from .base import AddResult, Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did (mutable while the run goes on)."""

    inputs: int = 0
    pages_read: int = 0
    pages_added: int = 0
    pages_replaced: int = 0
    pages_unchanged: int = 0
    stories_found: int = 0
    stories_added: int = 0
    events_added: int = 0
    quotes_added: int = 0
    entities_added: int = 0
    failed: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def count(self, result: AddResult) -> None:
        self.pages_added += result.pages_added
        self.pages_replaced += result.pages_replaced
        self.pages_unchanged += result.pages_unchanged
        self.stories_added += result.stories_added
        self.events_added += result.events_added
        self.quotes_added += result.quotes_added
        self.entities_added += result.entities_added


def list_ingest_inputs(sources: Iterable[str]) -> list[str]:
    """The files (or '-') an ingest of these sources reads, for a progress total."""
    return list(list_inputs(list(sources) or ["-"]))


def ingest_sources(
    sources: Iterable[str],
    store: Store,
    *,
    fmt: str | None = None,
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_failure: Callable[[Failure], None] | None = None,
    on_input_done: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, clean and store every page of the sources; return what happened.

    Pages are processed ``batch_size`` at a time (one NLP parse per batch) and each
    batch is written in one transaction; an input counts as done (``on_input_done``)
    once all its pages are stored.
    """
    report = IngestReport()
    pending: list[Page | Failure] = []
    finished: list[str] = []  # inputs read whose pages wait in ``pending``

    def flush() -> None:
        if pending:
            _write_batch(store, _process_pending(pending, report, on_failure), report, on_failure)
            pending.clear()
        if on_input_done is not None:
            for source in finished:
                on_input_done(source)
        finished.clear()

    for source in list_ingest_inputs(sources):
        report.inputs += 1
        for item in read_source(source, fmt=fmt, max_page_bytes=max_page_bytes):
            pending.append(item)
            if len(pending) >= batch_size:
                flush()
        finished.append(source)
        if not pending:
            flush()
    flush()
    return report


def _process_pending(pending: list[Page | Failure], report: IngestReport,
                     on_failure: Callable[[Failure], None] | None) -> list[Extraction | Failure]:
    """Process the pages of a batch together; read failures keep their place."""
    processed = iter(process_batch([item for item in pending if not isinstance(item, Failure)]))
    batch: list[Extraction | Failure] = []
    for item in pending:
        if isinstance(item, Failure):
            _note_failure(report, item, on_failure)
            batch.append(item)
            continue
        extraction = next(processed)
        report.pages_read += 1
        report.stories_found += len(extraction.stories)
        if extraction.failure is not None:
            _note_failure(report, extraction.failure, on_failure)
        batch.append(extraction)
    return batch


def _note_failure(report: IngestReport, failure: Failure,
                  on_failure: Callable[[Failure], None] | None) -> None:
    if failure.stage == SKIP_STAGE:
        report.skipped.append(failure)
        return
    report.failed.append(failure)
    if on_failure is not None:
        on_failure(failure)


def _write_batch(store: Store, batch: list[Extraction | Failure], report: IngestReport,
                 on_failure: Callable[[Failure], None] | None) -> None:
    try:
        report.count(store.add_extractions(batch))
        return
    except StoreError as exc:
        log.warning("a batch of %d could not be stored (%s); storing its pages one by one", len(batch), exc)
    for item in batch:
        try:
            report.count(store.add_extractions([item]))
        except StoreError as exc:
            if isinstance(item, Failure) or item.failure is not None:
                log.warning("a failure of %s could not be recorded: %s", _source_of(item), exc)
                continue  # the page is already counted as failed
            failure = Failure(item.page.source, "store", str(exc), item.page.offset)
            _note_failure(report, failure, on_failure)


def _source_of(item: Extraction | Failure) -> str:
    return item.source if isinstance(item, Failure) else item.page.source
