"""Resumable, nothing lost: an ingest killed with kill -9 midway and started again
stores every page exactly once, skipping what was stored before any stage runs;
failed pages are listed with their reasons and retried with one command. On
SQLite and on PostgreSQL (the ``store_target`` fixture)."""
from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
from sqlalchemy import create_engine, text

from dateline.models import Extraction, Failure, Page
from dateline.pipeline import process_batch
from dateline.store import database_url, open_store
from dateline.store.coded import list_unique

PAGES = 40
KILL_AFTER = 4  # pages stored (two batches of 2) before the run is killed


def count_pages(engine) -> int:
    """Pages committed so far (0 while the run is still creating its tables)."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM pages")).scalar_one()
    except Exception:  # no table yet
        return 0


def expected_counts(paths) -> tuple[int, int]:
    """Stories and events (each once per story) a clean run stores for these pages."""
    found = process_batch([Page(str(p), p.read_text(encoding="utf-8")) for p in paths])
    assert not [e.failure for e in found if e.failure], "the pages we wrote should all read"
    stories = sum(len(e.stories) for e in found)
    events = sum(len(list_unique(s.events, lambda ev: ev.event_id)) for e in found for s in e.stories)
    return stories, events


def test_a_run_killed_midway_and_started_again_stores_every_page_once(
        *, dateline_cli, run_cli, news_pages, tmp_path, store_target, nlp) -> None:
    paths = news_pages(tmp_path / "pages", PAGES)
    env = {**os.environ, "TYPER_USE_RICH": "0", "NO_COLOR": "1"}
    run = subprocess.Popen([*dateline_cli, "ingest", str(tmp_path / "pages"), "--db", store_target,
                            "--batch-size", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           env=env, start_new_session=True)
    engine = create_engine(database_url(store_target))
    try:
        deadline = time.monotonic() + 300
        while count_pages(engine) < KILL_AFTER and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
        assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed midway"
        at_kill = count_pages(engine)
    finally:
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)
            run.wait()
        run.stderr.close()
        engine.dispose()
    assert KILL_AFTER <= at_kill < PAGES, f"killed with {at_kill} of {PAGES} pages stored: not midway"

    again = run_cli("ingest", str(tmp_path / "pages"), "--db", store_target, "--batch-size", "2")
    assert again.returncode == 0, again.stdout + again.stderr
    # what the killed run stored is skipped before any stage, the rest is added
    assert f"pages read:     {PAGES} ({PAGES - at_kill} new, {at_kill} already stored)" in again.stdout

    stories, events = expected_counts(paths)
    with open_store(store_target) as store:
        counts = store.counts()
        assert (counts.pages, counts.pages_ok, counts.stories, counts.events) == (PAGES, PAGES, stories, events)
        assert sorted(s.source for s in store.stories()) == sorted(str(p) for p in paths)
        assert counts.failures == 0
    engine = create_engine(database_url(store_target))
    with engine.connect() as conn:  # exactly once: no story and no event twice, whatever the keys allow
        assert conn.execute(text("SELECT count(DISTINCT story_id) FROM stories")).scalar_one() == stories
        assert conn.execute(text("SELECT count(DISTINCT page_id || ':' || CAST(story_position AS TEXT) || ':' "
                                 "|| event_id) FROM events")).scalar_one() == events
    engine.dispose()


def test_a_resumed_run_skips_stored_pages_before_the_nlp_stage(tmp_path, store_target, news_pages,
                                                               monkeypatch) -> None:
    from dateline import parallel
    from dateline.store.ingest import ingest_sources

    paths = news_pages(tmp_path / "pages", 6)
    with open_store(store_target) as store:
        first = ingest_sources([str(p) for p in paths[:4]], store, batch_size=2)
        assert first.pages_added == 4
        processed: list[str] = []
        real = parallel.process_batch

        def watch(pages, **options):
            processed.extend(page.source for page in pages)
            return real(pages, **options)

        monkeypatch.setattr(parallel, "process_batch", watch)
        second = ingest_sources([str(p) for p in paths], store, batch_size=2)
    assert processed == [str(p) for p in paths[4:]]  # only the two new pages reached any stage
    assert (second.pages_added, second.pages_unchanged, second.pages_skipped) == (2, 4, 4)


def crashed(page: Page) -> Extraction:
    return Extraction(page=page, failure=Failure(page.source, "worker",
                                                 "a worker process died while processing this batch", page.offset))


def test_failures_are_listed_and_retried_with_one_command(run_cli, tmp_path, store_target, news_pages) -> None:
    paths = news_pages(tmp_path / "pages", 3)
    big = tmp_path / "pages" / "long.txt"
    big.write_text("KESSEL, Xandria (Wire) — " + "A long report on the harvest. " * 400, encoding="utf-8")
    # a worker crashed on one page (as a killed or out-of-memory worker leaves it) ...
    with open_store(store_target) as store:
        store.add_extractions([crashed(Page(str(paths[1]), paths[1].read_text(encoding="utf-8")))])
    # ... and one page was over the size limit of the first run
    first = run_cli("ingest", str(tmp_path / "pages"), "--db", store_target, "--max-page-bytes", "4k")
    assert first.returncode == 1 and "long.txt" in first.stderr
    assert "failed before:  1 pages kept their recorded failure" in first.stdout

    listed = run_cli("failures", "--db", store_target)
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert sorted((source, stage) for source, stage, _ in rows) == [(str(big), "read"), (str(paths[1]), "worker")]
    assert "dateline ingest --retry-failed" in listed.stderr

    retried = run_cli("ingest", "--retry-failed", "--db", store_target)
    assert retried.returncode == 0, retried.stdout + retried.stderr
    assert "pages read:     2 (1 new, 1 replaced)" in retried.stdout
    with open_store(store_target) as store:
        assert store.failures() == []
        assert store.counts().pages_ok == 4  # the three pages we wrote and the long one
    nothing = run_cli("ingest", "--retry-failed", "--db", store_target)
    assert nothing.returncode == 0 and "no failures to retry" in nothing.stdout


def test_a_page_that_fails_again_on_retry_keeps_one_failure(store_target) -> None:
    page = Page("pages/odd.txt", "ODD (Wire) — a page.")
    with open_store(store_target) as store:
        store.add_extractions([crashed(page)])
        store.add_extractions([Extraction(page=page, failure=Failure(page.source, "clean", "cleaner crashed: X"))])
        assert [(f.stage, f.reason) for f in store.failures()] == [("clean", "cleaner crashed: X")]
        store.add_extractions([Failure("pages/gone.txt", "read", "cannot read: No such file or directory")])
        store.add_extractions([Failure("pages/gone.txt", "read", "cannot read: Permission denied")])
        assert [f.reason for f in store.failures() if f.source == "pages/gone.txt"] == [
            "cannot read: Permission denied"]


@pytest.mark.parametrize("status", ["ok", "failed"])
def test_page_states_say_how_each_page_is_stored(store_target, status) -> None:
    page = Page("pages/a.txt", "ALPHA (Wire) — a page.")
    item = Extraction(page=page) if status == "ok" else crashed(page)
    with open_store(store_target) as store:
        store.add_extractions([item])
        states = store.page_states([page.page_id, "no-such-page"])
    assert list(states) == [page.page_id] and states[page.page_id].status == status
