"""Run ``pipeline.process_batch`` on batches of pages: in this process, on N local
processes, or on a Dask cluster. No stage imports this module; ingest and
extract drive it.

    batches ──▶ run_batches(workers=1)        this process, one batch after another
            ──▶ run_batches(workers=N)        N spawned processes (ProcessPoolExecutor)
            ──▶ run_batches(dask="local:N")   a LocalCluster of N worker processes
            ──▶ run_batches(dask="tcp://...") the workers of a running Dask scheduler
                    │
                    ▼
            (key, [Extraction, ...]) per batch, in input order

Each worker process loads the spaCy model once (``load_nlp`` caches it per process;
a pool initializer or ``Client.run`` warms it up before the first batch) and runs
the module-level, picklable ``run_batch``. Results and failures always come back:
a batch whose worker crashes, or that raises, becomes one Failure per page with
the reason, and the run goes on. At most a few batches per worker are in flight,
so memory stays flat however long the input. The caller (one writer) stores the
results in the order they are yielded.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .errors import ParallelError
from .models import Extraction, Failure, Page
from .pipeline import process_batch

log = logging.getLogger(__name__)

K = TypeVar("K")
BatchFunction = Callable[[list[Page], bool], "BatchResult"]

IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: enough to keep it busy, little memory
LOCAL_DASK_PREFIX = "local:"
PARENT_CHECK_SECONDS = 1.0  # how often a local worker checks that the run that started it is alive


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What one worker made of one batch, and how large that worker has grown."""

    extractions: list[Extraction]
    pid: int
    peak_rss: int  # bytes, the worker process's peak resident set so far


@dataclass(slots=True)
class RunStats:
    """Filled in while ``run_batches`` runs: worker processes seen and their peak memory."""

    batches: int = 0
    crashed_batches: int = 0
    workers: int = 1  # processes started for the run (those that got a batch are the keys of peak_rss)
    peak_rss: dict[int, int] = field(default_factory=dict)  # pid -> bytes


def peak_rss_bytes() -> int:
    """This process's peak resident set size (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def warm_worker(analyse: bool = True) -> int:
    """Load what every batch needs (model, gazetteer, lexicons) once in this process."""
    if analyse:
        try:
            process_batch([Page("warm-up", "LONDON (Wire) — Police said two people were hurt on Monday.")])
        except Exception:  # the first batch will meet the same problem and record it per page
            log.exception("warming up worker %d failed", os.getpid())
    return os.getpid()


def start_worker(analyse: bool, parent: int) -> None:
    """Pool initializer: leave when the parent is gone (killed with -9, it cannot say so),
    then load what every batch needs."""

    def watch_parent() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)  # the run is over; whatever this worker holds is not stored anyway
            except PermissionError:  # alive, as another user
                pass

    threading.Thread(target=watch_parent, name="dateline-parent-watch", daemon=True).start()
    warm_worker(analyse)


def run_batch(pages: list[Page], analyse: bool = True) -> BatchResult:
    """``process_batch`` in a worker: module-level and picklable; reports the worker's memory."""
    extractions = process_batch(pages, analyse=analyse)
    return BatchResult(extractions=extractions, pid=os.getpid(), peak_rss=peak_rss_bytes())


def fail_batch(pages: list[Page], reason: str) -> list[Extraction]:
    """Every page of a batch that could not be processed, as a failure with the reason."""
    return [Extraction(page=page, failure=Failure(page.source, "worker", reason, page.offset)) for page in pages]


def _finished() -> Future[BatchResult]:
    """A batch with no pages to process (all skipped): done at once, keeping its place."""
    future: Future[BatchResult] = Future()
    future.set_result(BatchResult([], os.getpid(), 0))
    return future


class _InFlight(Generic[K]):
    """The batches submitted and not yet taken back, at most ``size`` of them, in input order:
    iterating submits batches as places free up and yields (key, pages, future), oldest first."""

    def __init__(self, batches: Iterable[tuple[K, list[Page]]], *, size: int,
                 submit: Callable[[list[Page]], Any]) -> None:
        self.batches = iter(batches)
        self.size = size
        self.submit = submit  # pages -> a future (concurrent.futures or Dask) of a BatchResult
        self.queue: deque[tuple[K, list[Page], Any]] = deque()

    def __iter__(self) -> Iterator[tuple[K, list[Page], Any]]:
        while True:
            while len(self.queue) < self.size:
                item = next(self.batches, None)
                if item is None:
                    break
                key, pages = item
                self.queue.append((key, pages, self.submit(pages) if pages else _finished()))
            if not self.queue:
                return
            yield self.queue.popleft()

    def take_back(self) -> list[tuple[K, list[Page]]]:
        """Every batch still in flight, to run again (their worker was lost); none stays queued."""
        taken = [(key, pages) for key, pages, _ in self.queue]
        self.queue.clear()
        return taken


def describe_crash(exc: BaseException) -> str:
    if isinstance(exc, BrokenProcessPool):
        return "a worker process died while processing this batch (killed, or out of memory)"
    return f"worker failed on this batch: {type(exc).__name__}: {exc}"


def run_batches(
    batches: Iterable[tuple[K, list[Page]]],
    *,
    workers: int = 1,
    dask: str | None = None,
    analyse: bool = True,
    stats: RunStats | None = None,
    function: BatchFunction = run_batch,
) -> Iterator[tuple[K, list[Extraction]]]:
    """Process each (key, pages) batch; yield (key, extractions) in input order.

    ``workers=1`` without ``dask`` runs in this process. The key travels with its
    batch untouched (ingest uses it for what it must do once the batch is stored).
    ``function`` is what runs on each batch: ``run_batch`` unless a caller wraps it
    (it must be module-level, so that it pickles).
    """
    stats = stats if stats is not None else RunStats()
    if dask:
        yield from _run_on_dask(batches, address=dask, analyse=analyse, stats=stats, function=function)
    elif workers > 1:
        stats.workers = workers
        yield from _run_on_processes(batches, workers=workers, analyse=analyse, stats=stats, function=function)
    else:
        for key, pages in batches:
            result = function(pages, analyse) if pages else BatchResult([], os.getpid(), 0)
            yield key, _take(stats, result, pages)


def _take(stats: RunStats, result: BatchResult, pages: list[Page]) -> list[Extraction]:
    """The batch's extractions, one per page (a function that lost or added pages fails the
    batch), noting the worker's memory in ``stats``."""
    stats.batches += 1
    if result.peak_rss:
        stats.peak_rss[result.pid] = max(stats.peak_rss.get(result.pid, 0), result.peak_rss)
    if len(result.extractions) != len(pages):
        return fail_batch(pages, f"the batch function returned {len(result.extractions)} results "
                                 f"for {len(pages)} pages")
    return result.extractions


def _fail_crashed(stats: RunStats, pages: list[Page], exc: BaseException, *, where: str) -> list[Extraction]:
    """A batch whose worker raised or died (``where``: in its worker, on the cluster ...): its pages fail."""
    log.warning("a batch of %d pages (first %s) failed %s: %s", len(pages), pages[0].source if pages else "-",
                where, exc)
    stats.crashed_batches += 1
    return fail_batch(pages, describe_crash(exc))


# local processes


def _start_pool(workers: int, analyse: bool) -> ProcessPoolExecutor:
    # spawn (or forkserver): a fresh interpreter per worker, never a fork of a process
    # that holds database connections, threads or a loaded model.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                               initializer=start_worker, initargs=(analyse, os.getpid()))


def _run_on_processes(batches: Iterable[tuple[K, list[Page]]], *, workers: int, analyse: bool,
                      stats: RunStats, function: BatchFunction) -> Iterator[tuple[K, list[Extraction]]]:
    pool = _start_pool(workers, analyse)

    def submit(pages: list[Page]) -> Future[BatchResult]:
        return pool.submit(function, pages, analyse)

    in_flight = _InFlight(batches, size=workers * IN_FLIGHT_PER_WORKER, submit=submit)
    try:
        for key, pages, future in in_flight:
            try:
                result = future.result()
            except BrokenProcessPool:
                # Every batch in flight lost its worker; rerun each alone to find the one at fault.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _start_pool(workers, analyse)
                for again_key, again in [(key, pages), *in_flight.take_back()]:
                    extractions, pool = _run_alone(pool, again, workers=workers, analyse=analyse, stats=stats,
                                                   function=function)
                    yield again_key, extractions
                continue
            except Exception as exc:  # the batch raised inside its worker: its pages fail, the run goes on
                yield key, _fail_crashed(stats, pages, exc, where="in its worker")
                continue
            yield key, _take(stats, result, pages)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_alone(pool: ProcessPoolExecutor, pages: list[Page], *, workers: int, analyse: bool,
               stats: RunStats, function: BatchFunction) -> tuple[list[Extraction], ProcessPoolExecutor]:
    """One batch on its own; if it kills its worker again, its pages fail with the reason."""
    try:
        result = pool.submit(function, pages, analyse).result()
    except Exception as exc:
        if isinstance(exc, BrokenProcessPool):
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _start_pool(workers, analyse)
        return _fail_crashed(stats, pages, exc, where="again when run alone"), pool
    return _take(stats, result, pages), pool


# Dask


def _open_dask(address: str) -> tuple[Any, Callable[[], None]]:
    """A distributed Client for ``local:N`` (a new LocalCluster) or a scheduler address."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ParallelError("--dask needs the dask.distributed package: pip install 'dask[distributed]'") from exc
    if address.startswith(LOCAL_DASK_PREFIX):
        count = address[len(LOCAL_DASK_PREFIX):]
        if not count.isdecimal() or int(count) < 1:
            raise ParallelError(f"--dask {address!r}: give local:N with N a number of workers, e.g. local:2")
        cluster = LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.WARNING)
        client = Client(cluster)

        def close() -> None:
            client.close()
            cluster.close()

        return client, close
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ParallelError(f"cannot reach a Dask scheduler at {address!r} ({exc}); "
                            "start one (dask scheduler) or use --dask local:N") from exc
    return client, client.close


def _run_on_dask(batches: Iterable[tuple[K, list[Page]]], *, address: str, analyse: bool,
                 stats: RunStats, function: BatchFunction) -> Iterator[tuple[K, list[Extraction]]]:
    client, close = _open_dask(address)
    try:
        client.run(warm_worker, analyse)  # the model once per worker, before the first batch
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        stats.workers = workers

        def submit(pages: list[Page]) -> Any:
            return client.submit(function, pages, analyse, pure=False)

        for key, pages, future in _InFlight(batches, size=workers * IN_FLIGHT_PER_WORKER, submit=submit):
            try:
                result = future.result()
            except Exception as exc:  # KilledWorker, or the batch raised: its pages fail
                yield key, _fail_crashed(stats, pages, exc, where="on the cluster")
                continue
            finally:
                if hasattr(future, "release"):
                    future.release()
            yield key, _take(stats, result, pages)
    finally:
        close()
