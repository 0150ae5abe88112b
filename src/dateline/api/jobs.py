"""Uploads as background jobs: POST /api/ingest answers 202 with a job id as soon as the
upload is measured, and one worker thread per app stores the jobs one after another.

    POST /api/ingest ──measured (uploads.py)──▶ JobQueue.submit ──▶ 202 {job_id, status_url}
    worker thread:  for every UPLOAD_BATCH pages of a job: clean and code them (pipeline), then
                    store them (store.ingest.store_batch: one short write transaction, never
                    held while pages are processed); incidents regrouped when the job is done
    GET /api/ingest/jobs/{job_id} ──▶ the job's record (JobRecord)

At most ``max_queued`` jobs wait (429 past that); the last KEPT_JOBS finished jobs can be
asked about. ``stop`` (the app's shutdown: SIGTERM, Ctrl-C) lets the job running finish the
batch it is on and cancels the rest: every batch is stored whole or not at all, and a body
posted again later skips the pages already stored.
"""
from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from pydantic import BaseModel

from ..errors import DatelineError
from ..models import Extraction, Failure, Page
from ..parallel import describe_crash, fail_batch
from ..pipeline import process_batch
from ..readers import SKIP_STAGE, read_source
from ..store import SqlStore
from ..store.ingest import store_batch

log = logging.getLogger(__name__)

UPLOAD_BATCH = 8      # pages processed, then stored in one transaction, at a time
MAX_QUEUED_JOBS = 8   # uploads waiting at once; more are refused with 429
KEPT_JOBS = 200       # finished jobs remembered for their status
STATUSES = ("queued", "running", "done", "failed", "cancelled")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FailureRecord(BaseModel):
    source: str
    stage: str
    reason: str


class JobRecord(BaseModel):
    """What GET /api/ingest/jobs/{job_id} answers (and POST /api/ingest, with status "queued")."""

    job_id: str
    status: str
    status_url: str
    source: str
    records: int
    records_done: int
    pages_added: int
    pages_unchanged: int
    stories_added: int
    events_added: int
    failed: list[FailureRecord]
    incidents: str
    error: str | None
    queued_at: str
    started_at: str | None
    finished_at: str | None


@dataclass(slots=True)
class IngestJob:
    """One upload on its way into the store (mutable: the worker fills it in)."""

    source: str          # upload:<name>
    path: str            # the body, in a temporary file removed when the job ends
    fmt: str | None
    records: int         # counted before the job was taken
    job_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    status: str = "queued"
    records_done: int = 0
    pages_added: int = 0
    pages_unchanged: int = 0
    stories_added: int = 0
    events_added: int = 0
    failed: list[Failure] = field(default_factory=list)
    incidents: str = "not regrouped yet"
    error: str | None = None
    queued_at: str = field(default_factory=now_iso)
    started_at: str | None = None
    finished_at: str | None = None

    def to_record(self) -> JobRecord:
        return JobRecord(
            job_id=self.job_id, status=self.status, status_url=f"/api/ingest/jobs/{self.job_id}",
            source=self.source, records=self.records, records_done=self.records_done,
            pages_added=self.pages_added, pages_unchanged=self.pages_unchanged,
            stories_added=self.stories_added, events_added=self.events_added,
            failed=[FailureRecord(source=f.source, stage=f.stage, reason=f.reason) for f in self.failed],
            incidents=self.incidents, error=self.error, queued_at=self.queued_at, started_at=self.started_at,
            finished_at=self.finished_at)


class QueueFull(DatelineError):
    """Too many uploads wait already."""


class JobQueue:
    """The app's upload jobs and the one thread that runs them (module docstring)."""

    def __init__(self, store: SqlStore, *, max_page_bytes: int, max_queued: int = MAX_QUEUED_JOBS,
                 batch_size: int = UPLOAD_BATCH) -> None:
        self.store = store
        self.max_page_bytes = max_page_bytes
        self.max_queued = max_queued
        self.batch_size = batch_size
        self.jobs: OrderedDict[str, IngestJob] = OrderedDict()
        self.waiting: queue.Queue[IngestJob | None] = queue.Queue()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def check_room(self) -> None:
        """QueueFull when ``max_queued`` jobs wait already (asked before an upload is read)."""
        if self.waiting.qsize() >= self.max_queued:
            raise QueueFull(f"{self.max_queued} uploads are waiting already")
        if self.stopping.is_set():
            raise QueueFull("the server is stopping")

    def submit(self, job: IngestJob) -> IngestJob:
        self.check_room()
        with self.lock:
            self.jobs[job.job_id] = job
            self._forget_old()
            if self.thread is None:
                self.thread = threading.Thread(target=self._work, name="dateline-ingest-jobs", daemon=True)
                self.thread.start()
        self.waiting.put(job)
        return job

    def get(self, job_id: str) -> IngestJob | None:
        with self.lock:
            return self.jobs.get(job_id)

    def stop(self, *, timeout: float) -> None:
        """Cancel what waits, let the running job finish its batch (up to ``timeout`` seconds)."""
        self.stopping.set()
        self.waiting.put(None)
        if self.thread is not None:
            self.thread.join(timeout)
            if self.thread.is_alive():
                log.warning("the ingest job did not stop within %.0f s; its open batch is not stored", timeout)

    def _forget_old(self) -> None:
        finished = [key for key, job in self.jobs.items() if job.finished_at is not None]
        for key in finished[:max(0, len(self.jobs) - KEPT_JOBS)]:
            del self.jobs[key]

    def _work(self) -> None:
        while True:
            job = self.waiting.get()
            if job is None:
                break
            if self.stopping.is_set():
                self._finish(job, "cancelled", error="the server stopped before this upload was stored")
                continue
            try:
                self._run(job)
            except Exception as exc:  # a job that breaks is reported; the next one runs
                log.exception("upload %s failed", job.source)
                self._finish(job, "failed", error=f"{type(exc).__name__}: {exc}")
        while not self.waiting.empty():  # cancelled by stop(): their temporary files go too
            left = self.waiting.get_nowait()
            if left is not None:
                self._finish(left, "cancelled", error="the server stopped before this upload was stored")

    def _run(self, job: IngestJob) -> None:
        job.status, job.started_at = "running", now_iso()
        batch: list[Page | Failure] = []
        for item in read_source(job.path, fmt=job.fmt, max_page_bytes=self.max_page_bytes):
            batch.append(replace(item, source=job.source + item.source[len(job.path):]))
            if sum(isinstance(i, Page) for i in batch) >= self.batch_size:
                self._store(job, batch)
                batch = []
                if self.stopping.is_set():
                    self._finish(job, "cancelled", error="the server stopped: the pages stored so far stay; "
                                 "post the body again for the rest (stored pages are skipped)")
                    return
        self._store(job, batch)
        job.incidents = regroup(self.store)
        self._finish(job, "done")

    def _store(self, job: IngestJob, batch: list[Page | Failure]) -> None:
        pages = [item for item in batch if isinstance(item, Page)]
        try:
            processed = process_batch(pages)
        except Exception as exc:  # the stages keep one bad page to itself; this is a last resort
            log.exception("processing a batch of %s failed", job.source)
            processed = fail_batch(pages, describe_crash(exc))
        done = iter(processed)
        merged: list[Extraction | Failure] = [item if isinstance(item, Failure) else next(done) for item in batch]
        outcome = store_batch(self.store, merged)
        job.records_done += len(batch)
        job.pages_added += outcome.result.pages_added + outcome.result.pages_replaced
        job.pages_unchanged += outcome.result.pages_unchanged
        job.stories_added += outcome.result.stories_added
        job.events_added += outcome.result.events_added
        failures = [item if isinstance(item, Failure) else item.failure for item in merged]
        job.failed += [f for f in failures if f is not None and f.stage != SKIP_STAGE]
        job.failed += outcome.failed

    def _finish(self, job: IngestJob, status: str, *, error: str | None = None) -> None:
        job.status, job.error, job.finished_at = status, error, now_iso()
        with contextlib.suppress(OSError):  # gone already
            os.unlink(job.path)
        log.info("upload %s: %s (%d of %d records)", job.source, status, job.records_done, job.records)


def regroup(store: SqlStore) -> str:
    """Regroup the incidents when pages came since they were grouped; what happened, in words."""
    from ..store.incidents import refresh_if_stale  # datasketch loads with the first upload

    try:
        refreshed = refresh_if_stale(store)
    except DatelineError as exc:
        return f"not regrouped: {exc}; the previous incidents are kept, and the next upload or ingest regroups them"
    return "up to date" if refreshed is None else f"regrouped: {refreshed.incidents} incidents"
