"""The writer discipline, in one process: stores opened at once on a new database migrate it
once; writers of the same pages at once store each page once; a writer waits for a lock and
gives up with StoreBusy only past every retry; the store knows whether its incidents are up to
date, and a refresh that fails leaves the previous ones. On SQLite and PostgreSQL."""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import create_engine, text

from dateline.errors import StoreBusy, StoreError
from dateline.models import Event, EventPlace, Extraction, Failure, Page, Story
from dateline.store import AddResult, database_url, open_store
from dateline.store import engine as store_engine
from dateline.store.faults import read_fault
from dateline.store.incidents import list_incidents, refresh_incidents
from dateline.store.migrations import list_migrations

PLACE = EventPlace(name="Kessel", country="XA", admin1="01", lat=44.0, lon=15.5, precision="place")


def extraction(n: int) -> Extraction:
    sentence = f"Gunmen attacked a checkpoint near Kessel on Monday, killing {n + 2} soldiers, the army said."
    event = Event(type="attack", trigger="attacked", trigger_span=(7, 15), sentence=sentence,
                  sentence_span=(0, len(sentence)), place=PLACE, date=f"2025-01-{n % 28 + 1:02d}", killed=n + 2,
                  coder_version="coder-1")
    story = Story(headline=f"Checkpoint attack {n}", body=(sentence,), published="2025-02-01", events=(event,))
    return Extraction(page=Page(f"wire/{n}.txt", f"{n}\n{sentence}"), stories=(story,), nlp_version="nlp-1",
                      coder_version="coder-1")


def run_at_once(*work) -> list[object]:
    """Each function in its own thread, started together; what each returned (or raised)."""
    results: list[object] = [None] * len(work)
    start = threading.Barrier(len(work))

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = work[i]()
        except Exception as exc:  # noqa: BLE001 - handed back to the test, which asserts on it
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def test_stores_opened_at_once_on_a_new_database_migrate_it_once(store_target) -> None:
    results = run_at_once(*[lambda: open_store(store_target).close() for _ in range(4)])
    assert results == [None] * 4
    engine = create_engine(database_url(store_target))
    with engine.connect() as conn:
        names = [row[0] for row in conn.execute(text("SELECT name FROM dateline_migrations ORDER BY name"))]
    engine.dispose()
    assert names == [name for name, _ in list_migrations()]


def test_writers_of_the_same_pages_at_once_store_each_page_once(store_target) -> None:
    open_store(store_target).close()
    batches = [[extraction(n) for n in range(0, 30)], [extraction(n) for n in range(15, 45)],
               [extraction(n) for n in reversed(range(0, 45))]]

    def write(batch: list[Extraction]):
        with open_store(store_target) as store:
            return store.add_extractions(batch)

    results = run_at_once(*[lambda b=b: write(b) for b in batches])
    added = [r.pages_added for r in results if isinstance(r, AddResult)]
    assert len(added) == len(batches) and sum(added) == 45, results
    with open_store(store_target) as store:
        counts = store.counts()
        assert (counts.pages, counts.stories, counts.events) == (45, 45, 45)
        assert store.state().incidents_stale


def test_a_writer_waits_for_the_lock_and_gives_up_only_past_every_retry(tmp_path, monkeypatch) -> None:
    target = str(tmp_path / "locked.db")
    open_store(target).close()
    holder = create_engine(database_url(target))

    def hold_lock(seconds: float) -> None:
        with holder.connect() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            time.sleep(seconds)
            conn.exec_driver_sql("ROLLBACK")

    held = threading.Thread(target=hold_lock, args=(1.0,))
    held.start()
    time.sleep(0.2)
    started = time.monotonic()
    with open_store(target) as store:
        assert store.add_extractions([extraction(1)]).pages_added == 1  # waited, then wrote
    assert time.monotonic() - started >= 0.5
    held.join()

    monkeypatch.setattr(store_engine, "LOCK_WAIT_SECONDS", 0.2)
    monkeypatch.setattr(store_engine, "RETRY_DELAYS", (0.05, 0.1))
    held = threading.Thread(target=hold_lock, args=(3.0,))
    held.start()
    time.sleep(0.2)
    with open_store(target) as store, pytest.raises(StoreBusy, match="stayed busy through 3 tries"):
        store.add_extractions([extraction(2)])
    held.join()
    holder.dispose()


def test_the_store_knows_when_its_incidents_are_stale(store_target) -> None:
    with open_store(store_target) as store:
        assert not store.state().incidents_stale  # nothing stored, nothing to group
        store.add_extractions([extraction(1), extraction(2)])
        assert store.state().incidents_stale
        refresh_incidents(store)
        assert not store.state().incidents_stale
        store.add_extractions([extraction(1)])  # stored already: nothing changed
        store.add_extractions([Failure("gone.txt", "read", "cannot read")])
        assert not store.state().incidents_stale
        store.add_extractions([extraction(3)])
        assert store.state().incidents_stale


def test_a_refresh_that_fails_keeps_the_previous_incidents(store_target, monkeypatch) -> None:
    with open_store(store_target) as store:
        store.add_extractions([extraction(1)])
        refresh_incidents(store)
        before = list_incidents(store)
        store.add_extractions([extraction(20)])
        monkeypatch.setenv("DATELINE_FAULT", "fail@refresh-written#1+")  # a full disk, as the refresh commits
        with pytest.raises(StoreError, match="regrouping incidents failed: No space left on device"):
            refresh_incidents(store)
        assert list_incidents(store) == before
        assert store.state().incidents_stale
        monkeypatch.delenv("DATELINE_FAULT")
        refresh_incidents(store)
        assert len(list_incidents(store)) == 2
        assert not store.state().incidents_stale


@pytest.mark.parametrize("value, wanted", [
    ("kill@batch-committed#3", ("kill", "batch-committed", 3, False)),
    ("fail@batch-written#2+", ("fail", "batch-written", 2, True)),
    ("fail@pages-done", ("fail", "pages-done", 1, False)),
    ("explode@pages-done", None), ("kill@nowhere", None), ("kill@pages-done#x", None),
])
def test_fault_values_are_read_or_refused(value, wanted) -> None:
    fault = read_fault(value)
    assert (fault and (fault.action, fault.point, fault.nth, fault.onwards)) == wanted
