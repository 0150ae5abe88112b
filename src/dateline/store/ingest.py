"""Ingest: read sources, clean and code the pages in batches, store the results.

One library function the CLI calls; it reports through callbacks so that the
CLI can draw progress, and it never stops for one bad page: read, clean, worker
and store failures are all recorded with their reasons and the run goes on.

    read (this process) ─▶ skip pages already stored ─▶ run_batches (here, N processes
    or Dask) ─▶ one writer (this process): each batch one transaction, in input order

Resumable: each batch is its own transaction, and pages are keyed by their content
hash, so a run killed at any point (even kill -9) loses at most the batches not yet
committed; run again, it skips every page already stored with the current cleaner,
NLP and coder versions before any stage runs, and stores each page exactly once.
Pages that failed are skipped too (they would fail again) unless ``retry_failed``;
``list_retry_inputs`` names the inputs holding the recorded failures.

Nothing is lost silently when other writers share the store (engine.py has the locking):
a batch the store refuses is retried page by page (store_batch), a page that still cannot
be stored is a failure of stage ``store`` recorded in the store, so that ``--retry-failed``
brings it back; a failure the store cannot even record (the database stayed locked, the
disk is full) is tried again at the end of the run and otherwise listed in the report as
unrecorded. Every path named is accounted for: files a folder holds that are not read are
in ``inputs_skipped`` with the reason (readers.walk_inputs).
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import StoreBusy, StoreError
from ..models import CLEANER_VERSION, NLP_VERSION, Extraction, Failure, Page
from ..parallel import RunStats, run_batches
from ..readers import SKIP_STAGE, STDIN, list_inputs, read_source, walk_inputs
from ..settings import DEFAULT_BATCH_SIZE, DEFAULT_MAX_PAGE_BYTES
from .base import AddResult, Store, Versions
from .faults import trip

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did (mutable while the run goes on)."""

    inputs: int = 0
    pages_read: int = 0
    pages_added: int = 0
    pages_replaced: int = 0
    pages_unchanged: int = 0  # already stored: skipped before any stage, or found stored on writing
    pages_skipped: int = 0    # of those, skipped before any stage ran (a resumed or repeated run)
    failed_before: int = 0    # of those, pages whose recorded failure was kept (not retried)
    stories_found: int = 0
    stories_added: int = 0
    events_added: int = 0
    quotes_added: int = 0
    entities_added: int = 0
    failed: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    inputs_skipped: list[Failure] = field(default_factory=list)  # files of a folder not read, with why
    unrecorded: list[Extraction | Failure] = field(default_factory=list)  # failures the store could not record
    stats: RunStats = field(default_factory=RunStats)

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


@dataclass(slots=True)
class _Batch:
    """Pages read together, in order; which were already stored; inputs finished by them."""

    items: list[Page | Failure]
    stored: set[int]  # positions in ``items`` of pages skipped as already stored
    failed_before: int
    done_inputs: list[str]


def list_ingest_inputs(sources: Iterable[str]) -> list[str]:
    """The files (or '-') an ingest of these sources reads, for a progress total."""
    return list(list_inputs(list(sources) or ["-"]))


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    """What storing one batch did: the store's counts, the pages it could not store (each now
    a failure of stage ``store``), and the failures it could not even record."""

    result: AddResult
    failed: list[Failure]
    unrecorded: list[Extraction | Failure]


def store_batch(store: Store, batch: list[Extraction | Failure]) -> BatchOutcome:
    """Store a batch in one transaction; if the store refuses it, page by page, so that one page
    it cannot take fails alone (stage ``store``, recorded). Never raises a StoreError."""
    if not batch:
        return BatchOutcome(AddResult(), [], [])
    try:
        return BatchOutcome(store.add_extractions(batch), [], [])
    except StoreBusy as exc:  # every retry is spent: one page at a time would only wait again
        log.warning("a batch of %d could not be stored (%s)", len(batch), exc)
        return _fail_batch(store, batch, exc)
    except StoreError as exc:
        log.warning("a batch of %d could not be stored (%s); storing its pages one by one", len(batch), exc)
    totals = AddResult()
    failed: list[Failure] = []
    unrecorded: list[Extraction | Failure] = []
    for item in batch:
        try:
            totals = add_results(totals, store.add_extractions([item]))
        except StoreError as exc:
            outcome = _fail_batch(store, [item], exc)
            totals = add_results(totals, outcome.result)
            failed += outcome.failed
            unrecorded += outcome.unrecorded
    return BatchOutcome(totals, failed, unrecorded)


def _fail_batch(store: Store, batch: list[Extraction | Failure], exc: StoreError) -> BatchOutcome:
    """Pages the store would not take: each a failure of stage ``store``, recorded if the store
    lets us (read and clean failures of the batch are recorded with them)."""
    failed = [Failure(item.page.source, "store", f"not stored: {exc}", item.page.offset)
              for item in batch if isinstance(item, Extraction) and item.failure is None]
    records: list[Extraction | Failure] = [*failed]
    records += [item for item in batch if isinstance(item, Failure) or item.failure is not None]
    try:
        result = store.add_extractions(records) if records else AddResult()
    except StoreError as again:
        log.warning("%d failures could not be recorded either: %s", len(records), again)
        return BatchOutcome(AddResult(), failed, records)
    return BatchOutcome(result, failed, [])


def add_results(one: AddResult, other: AddResult) -> AddResult:
    return AddResult(**{name: getattr(one, name) + getattr(other, name) for name in AddResult.__slots__})


def record_unrecorded(store: Store, report: IngestReport) -> None:
    """At the end of a run, try once more to record the failures the store refused before."""
    if not report.unrecorded:
        return
    try:
        store.add_extractions(report.unrecorded)
    except StoreError as exc:
        log.warning("%d failures could still not be recorded: %s", len(report.unrecorded), exc)
        return
    report.unrecorded = []


def list_retry_inputs(store: Store) -> tuple[list[str], list[str]]:
    """The inputs to read again to retry every recorded failure, and the failed sources
    that can no longer be read (gone, or standard input).

    A failure's source is a file, or ``file#offset`` / ``file#line`` for one record of
    a WARC or JSON Lines file: the whole file is read again; its pages stored fine
    are skipped before any stage runs.
    """
    inputs: dict[str, None] = {}
    missing: dict[str, None] = {}
    for failure in store.failures():
        path = _input_of(failure.source)
        if path is None:
            missing[failure.source] = None
        else:
            inputs[path] = None
    return list(inputs), list(missing)


def _input_of(source: str) -> str | None:
    if os.path.isfile(source):
        return source
    head, sep, _ = source.rpartition("#")
    if sep and os.path.isfile(head):
        return head
    return None


def current_versions(*, analyse: bool = True) -> Versions:
    """The versions a page processed now would be stored with."""
    if not analyse:
        return {"cleaner_version": CLEANER_VERSION, "nlp_version": None, "coder_version": None}
    from ..coding import describe_version

    return {"cleaner_version": CLEANER_VERSION, "nlp_version": NLP_VERSION, "coder_version": describe_version()}


def ingest_sources(
    sources: Iterable[str],
    store: Store,
    *,
    fmt: str | None = None,
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    dask: str | None = None,
    retry_failed: bool = False,
    on_failure: Callable[[Failure], None] | None = None,
    on_input_done: Callable[[str], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read, clean and store every page of the sources; return what happened.

    Pages are processed ``batch_size`` at a time (one NLP parse per batch) on
    ``workers`` local processes or the Dask cluster at ``dask`` (``local:N`` starts
    one), and each batch is written in one transaction, in input order; an input
    counts as done (``on_input_done``) once all its pages are stored. Pages already
    stored are skipped before any stage runs; with ``retry_failed`` pages that failed
    before are processed again, and one that now succeeds replaces its failure. ``on_start``
    is told how many inputs the sources hold (folders walked) before the first is read.
    """
    report = IngestReport()
    versions = current_versions()
    inputs: list[str] = []
    for item in walk_inputs(list(sources) or [STDIN]):
        if isinstance(item, Failure):
            report.inputs_skipped.append(item)
        else:
            inputs.append(item)
    if on_start is not None:
        on_start(len(inputs))
    batches = _read_batches(inputs, store, report, fmt=fmt, max_page_bytes=max_page_bytes,
                            batch_size=batch_size, versions=versions, retry_failed=retry_failed)
    for batch, extractions in run_batches(batches, workers=workers, dask=dask, stats=report.stats):
        _write_batch(store, _merge_batch(batch, extractions, report, on_failure), report, on_failure)
        report.pages_unchanged += len(batch.stored)
        report.pages_skipped += len(batch.stored)
        report.failed_before += batch.failed_before
        if on_input_done is not None:
            for source in batch.done_inputs:
                on_input_done(source)
    record_unrecorded(store, report)
    trip("pages-done")
    if report.pages_skipped:
        log.info("%d pages were already stored and skipped before any stage", report.pages_skipped)
    return report


def _read_batches(inputs: list[str], store: Store, report: IngestReport, *, fmt: str | None,
                  max_page_bytes: int, batch_size: int, versions: Versions,
                  retry_failed: bool) -> Iterator[tuple[_Batch, list[Page]]]:
    """(batch, pages to process) for every ``batch_size`` pages read, in input order."""
    pending: list[Page | Failure] = []
    finished: list[str] = []  # inputs read whose pages wait in ``pending``
    for source in inputs:
        report.inputs += 1
        if source == STDIN and retry_failed:
            log.info("--retry-failed: standard input cannot be read again; reading what it holds now")
        for item in read_source(source, fmt=fmt, max_page_bytes=max_page_bytes):
            pending.append(item)
            if len(pending) >= batch_size:
                yield _prepare_batch(pending, finished, store, versions=versions, retry_failed=retry_failed)
                pending, finished = [], []
        finished.append(source)
        if not pending:
            yield _prepare_batch(pending, finished, store, versions=versions, retry_failed=retry_failed)
            pending, finished = [], []
    if pending or finished:
        yield _prepare_batch(pending, finished, store, versions=versions, retry_failed=retry_failed)


def _prepare_batch(items: list[Page | Failure], finished: list[str], store: Store, *,
                   versions: Versions, retry_failed: bool) -> tuple[_Batch, list[Page]]:
    """Look the batch's pages up in the store (one query) and keep those still to do."""
    pages = [(i, item) for i, item in enumerate(items) if isinstance(item, Page)]
    states = store.page_states(page.page_id for _, page in pages) if pages else {}
    stored: set[int] = set()
    failed_before = 0
    todo: list[Page] = []
    for i, page in pages:
        state = states.get(page.page_id)
        if state is not None and state.is_current(retry_failed=retry_failed, **versions):
            stored.add(i)
            failed_before += state.status == "failed"
        else:
            todo.append(page)
    return _Batch(items=items, stored=stored, failed_before=failed_before, done_inputs=finished), todo


def _merge_batch(batch: _Batch, extractions: list[Extraction], report: IngestReport,
                 on_failure: Callable[[Failure], None] | None) -> list[Extraction | Failure]:
    """The batch's results in read order; read failures keep their place, skipped pages drop out."""
    processed = iter(extractions)
    merged: list[Extraction | Failure] = []
    for i, item in enumerate(batch.items):
        if isinstance(item, Failure):
            _note_failure(report, item, on_failure)
            merged.append(item)
            continue
        report.pages_read += 1
        if i in batch.stored:
            continue
        extraction = next(processed)
        report.stories_found += len(extraction.stories)
        if extraction.failure is not None:
            _note_failure(report, extraction.failure, on_failure)
        merged.append(extraction)
    return merged


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
    outcome = store_batch(store, batch)
    report.count(outcome.result)
    for failure in outcome.failed:
        _note_failure(report, failure, on_failure)
    report.unrecorded += outcome.unrecorded
    trip("batch-committed")
