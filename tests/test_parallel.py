"""Parallel runs: N local processes and a real Dask LocalCluster give what a serial
run gives, in input order; a batch whose worker dies or raises becomes failures
for its own pages, with the reason, and the run goes on."""
from __future__ import annotations

import json
import os
import sys

import pytest

from dateline.models import Extraction, Failure, Page
from dateline.parallel import RunStats, run_batch, run_batches
from dateline.store import open_store
from dateline.store.ingest import ingest_sources

CRASH = "CRASH-THIS-WORKER"
RAISE = "RAISE-IN-THIS-WORKER"


def crash_or_run(pages: list[Page], analyse: bool = True):
    """A batch function for the tests: kills its process, or raises, on a marked page."""
    if any(CRASH in page.text for page in pages):
        os._exit(3)  # as a worker killed by the kernel (out of memory) ends
    if any(RAISE in page.text for page in pages):
        raise MemoryError("no memory left for this batch")
    return run_batch(pages, analyse)


def failure_of(extraction: Extraction) -> Failure:
    assert extraction.failure is not None, f"{extraction.page.source} did not fail"
    return extraction.failure


def read_pages(paths) -> list[Page]:
    return [Page(str(p), p.read_text(encoding="utf-8")) for p in paths]


def batches_of(pages: list[Page], size: int) -> list[tuple[int, list[Page]]]:
    return [(n, pages[at:at + size]) for n, at in enumerate(range(0, len(pages), size))]


@pytest.fixture(scope="module")
def pages(tmp_path_factory, news_pages) -> list[Page]:
    return read_pages(news_pages(tmp_path_factory.mktemp("news"), 6))


@pytest.fixture(scope="module")
def serial(pages, nlp) -> list:
    return list(run_batches(batches_of(pages, 2)))


@pytest.fixture(scope="module")
def cluster():
    """A real LocalCluster: 2 worker processes, one thread each."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as running:
        yield running


def test_two_processes_give_what_a_serial_run_gives_in_order(pages, serial) -> None:
    stats = RunStats()
    found = list(run_batches(batches_of(pages, 2), workers=2, stats=stats))
    assert found == serial
    assert [n for n, _ in found] == [0, 1, 2]
    assert all(e.ok and e.stories and e.nlp_version for _, batch in found for e in batch)
    assert os.getpid() not in stats.peak_rss  # the work ran in the worker processes
    assert all(0 < rss < 1.5 * 1024 ** 3 for rss in stats.peak_rss.values())


def test_a_worker_that_dies_fails_its_own_batch_and_the_run_goes_on(pages, serial) -> None:
    doomed = Page("pages/doomed.txt", f"KESSEL (Wire) — {CRASH} on Monday.")
    batches = batches_of(pages, 2)
    batches.insert(1, (99, [doomed]))
    stats = RunStats()
    found = list(run_batches(batches, workers=2, stats=stats, function=crash_or_run))
    assert [n for n, _ in found] == [0, 99, 1, 2]
    (failed,) = found[1][1]
    assert failure_of(failed).stage == "worker" and "worker process died" in failure_of(failed).reason
    assert [item for item in found if item[0] != 99] == serial  # every other batch as if nothing happened
    assert stats.crashed_batches == 1


def test_a_batch_that_raises_in_its_worker_becomes_failures_with_the_reason(pages) -> None:
    batch = [Page("pages/a.txt", f"ALPHA (Wire) — {RAISE}."), Page("pages/b.txt", "BETA (Wire) — fine.")]
    ((_, found),) = run_batches([(0, batch)], workers=2, function=crash_or_run)
    assert [(e.page.source, failure_of(e).stage) for e in found] == [("pages/a.txt", "worker"),
                                                                     ("pages/b.txt", "worker")]
    assert all("MemoryError: no memory left" in failure_of(e).reason for e in found)


def test_a_dask_cluster_gives_what_a_serial_run_gives_in_order(pages, serial, cluster) -> None:
    stats = RunStats()
    found = list(run_batches(batches_of(pages, 2), dask=cluster.scheduler_address, stats=stats))
    assert found == serial
    assert os.getpid() not in stats.peak_rss


def test_a_batch_that_fails_on_the_cluster_becomes_failures_and_the_run_goes_on(pages, serial, cluster) -> None:
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test file
    try:
        batches = batches_of(pages, 2)
        batches.insert(2, (99, [Page("pages/heavy.txt", f"KESSEL (Wire) — {RAISE}.")]))
        found = list(run_batches(batches, dask=cluster.scheduler_address, function=crash_or_run))
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert [n for n, _ in found] == [0, 1, 99, 2]
    assert "MemoryError" in failure_of(found[2][1][0]).reason
    assert [item for item in found if item[0] != 99] == serial


def test_ingest_on_a_dask_cluster_stores_what_a_serial_ingest_stores(tmp_path, news_pages, cluster) -> None:
    paths = news_pages(tmp_path / "pages", 6)
    stored = []
    for name, options in (("serial", {}), ("dask", {"dask": cluster.scheduler_address})):
        with open_store(str(tmp_path / f"{name}.db")) as store:
            report = ingest_sources([str(tmp_path / "pages")], store, batch_size=2, **options)
            assert report.ok and report.pages_added == len(paths)
            stored.append(([(s.source, s.story) for s in store.stories()],
                           sorted((e.source, e.event.event_id) for e in store.events()), store.counts()))
    assert stored[0] == stored[1]
    assert stored[0][1], "the pages we wrote hold events"


def test_ingest_with_two_workers_from_the_command_line_stores_what_a_serial_run_stores(
        run_cli, tmp_path, news_pages) -> None:
    news_pages(tmp_path / "pages", 6)
    with open_store(str(tmp_path / "serial.db")) as store:
        ingest_sources([str(tmp_path / "pages")], store, batch_size=2)
        expected = ([(s.source, s.story) for s in store.stories()], sorted(e.event.event_id for e in store.events()))
    done = run_cli("ingest", str(tmp_path / "pages"), "--db", str(tmp_path / "two.db"), "--workers", "2",
                   "--batch-size", "2")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "pages read:     6 (6 new)" in done.stdout and "workers:        2 processes" in done.stdout
    with open_store(str(tmp_path / "two.db")) as store:
        found = ([(s.source, s.story) for s in store.stories()], sorted(e.event.event_id for e in store.events()))
    assert found == expected


def test_extract_on_a_local_dask_cluster_prints_what_a_serial_run_reads(run_cli, tmp_path, news_pages) -> None:
    from dateline.pipeline import process_batch
    from dateline.record import to_record

    paths = news_pages(tmp_path / "pages", 4)
    expected = "".join(json.dumps(to_record(item), ensure_ascii=False) + "\n"
                       for item in process_batch(read_pages(paths)))
    on_dask = run_cli("extract", "--json", "--dask", "local:2", str(tmp_path / "pages"))
    assert on_dask.returncode == 0, on_dask.stderr
    assert on_dask.stdout == expected


def test_bad_worker_flags_are_refused_before_reading(run_cli, tmp_path) -> None:
    done = run_cli("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--dask", "local:none")
    assert done.returncode == 2 and "local:N" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize(("flags", "message"), [
    ({"workers": "0"}, "--workers"),
    ({"workers": "two"}, "not a whole number"),
    ({"dask": "local:0"}, "local:N"),
    ({"dask": "nowhere"}, "no Dask address"),
])
def test_worker_settings_that_cannot_work_are_refused_with_a_reason(flags, message) -> None:
    from dateline.settings import SettingsError, load_settings

    with pytest.raises(SettingsError, match=message):
        load_settings(env={}, **flags)


def test_worker_settings_come_from_the_environment_unless_a_flag_is_given() -> None:
    from dateline.settings import load_settings

    env = {"DATELINE_WORKERS": "3", "DATELINE_DASK": "tcp://10.0.0.5:8786"}
    assert (load_settings(env=env).workers, load_settings(env=env).dask) == (3, "tcp://10.0.0.5:8786")
    assert load_settings(env=env, workers="2", dask="local:2").dask == "local:2"
    assert (load_settings(env={}).workers, load_settings(env={}).dask) == (1, None)
