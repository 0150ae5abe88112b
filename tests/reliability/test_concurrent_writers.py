"""Writers at once: two `dateline ingest` runs on one store (fresh, or set up and holding pages),
and API uploads while the CLI ingests. Whatever the interleaving, every page lands once or is a
recorded failure that --retry-failed brings back, nothing ends in a traceback, and the store
ends as one clean single run leaves it, story groups and incidents included. On SQLite and on
PostgreSQL (``store_target``)."""
from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
from faultrun import (assert_no_traceback, call, clean_picture, finish, find_free_port, read_picture,
                      reading_all_the_time, start_cli, start_server, wait_for_job)

from dateline.store import open_store

pytestmark = pytest.mark.reliability

BATCH = "3"  # small batches: many transactions, so the two runs interleave


@pytest.fixture(scope="module")
def corpora(tmp_path_factory, news_pages) -> dict[str, Path]:
    """Folders of our own pages: A (0-23) and B (12-35) overlap on twelve pages, so both runs
    write some of the same pages; C (40-45) is what a set-up store holds; D (24-35) is uploaded."""
    root = tmp_path_factory.mktemp("corpora")
    spans = {"A": (0, 24), "B": (12, 24), "C": (40, 6), "D": (24, 12)}
    for name, (start, count) in spans.items():
        news_pages(root / name, count, start=start)
    return {name: root / name for name in spans}


@pytest.fixture(scope="module")
def expected(corpora, tmp_path_factory, nlp) -> dict[str, object]:
    """What one clean single run stores, for each mix of folders the tests load."""
    tmp = tmp_path_factory.mktemp("clean")
    return {"AB": clean_picture([corpora["A"], corpora["B"]], tmp),
            "CAB": clean_picture([corpora["C"], corpora["A"], corpora["B"]], tmp),
            "AD": clean_picture([corpora["A"], corpora["D"]], tmp)}


def set_up(target: str, folder: Path) -> None:
    from dateline.store.incidents import refresh_incidents
    from dateline.store.ingest import ingest_sources

    with open_store(target) as store:
        assert ingest_sources([str(folder)], store).ok
        refresh_incidents(store)


@pytest.mark.parametrize("setup", ["fresh", "set-up"])
def test_two_concurrent_ingests_store_what_one_run_stores(setup, store_target, corpora, expected, *, dateline_cli,
                                                          run_cli) -> None:
    if setup == "set-up":
        set_up(store_target, corpora["C"])
    runs = [start_cli(dateline_cli, "ingest", str(corpora[name]), "--db", store_target, "--batch-size", BATCH)
            for name in ("A", "B")]
    results = [finish(run) for run in runs]
    for status, out, err in results:
        assert_no_traceback(out, err)
        assert status in (0, 1), out + err
        assert "pages read:     24 (" in out, out  # both runs read every page
        if status == 1:  # a page the store would not take is a recorded failure, never lost
            assert "not recorded" not in out, out
    if any(status == 1 for status, _, _ in results):
        retried = run_cli("ingest", "--retry-failed", "--db", store_target)
        assert retried.returncode == 0, retried.stdout + retried.stderr
    found = read_picture(store_target)
    wanted = expected["CAB" if setup == "set-up" else "AB"]
    assert found == wanted, f"{found.describe()} != clean run's {wanted.describe()}"
    assert not found.incidents_stale


def test_an_upload_during_a_cli_ingest_lands_and_reads_answer(store_target, corpora, expected, dateline_cli,
                                                              tmp_path) -> None:
    open_store(store_target).close()
    port = find_free_port()
    server = start_server(dateline_cli, store_target, tmp_path, port=port)
    try:
        with reading_all_the_time(port) as reads:
            cli = start_cli(dateline_cli, "ingest", str(corpora["A"]), "--db", store_target, "--batch-size", BATCH)
            accepted, refused = [], 0
            for path in sorted(corpora["D"].iterdir()):
                while True:  # as a client should: a 429 (8 uploads wait already) is tried again shortly
                    status, record = call(port, "POST", f"/api/ingest?name={path.name}", body=path.read_bytes(),
                                          token=True, headers={"Content-Type": "text/plain"})
                    if status != 429:
                        break
                    refused += 1
                    time.sleep(0.5)
                assert status == 202, record
                accepted.append(record)
            jobs = [wait_for_job(port, record["status_url"]) for record in accepted]
            status, out, err = finish(cli)
    finally:
        server.send_signal(signal.SIGTERM)
        _, server_err = finish(server, timeout=30)[1:]
    assert_no_traceback(out, err, server_err)
    assert status == 0, out + err
    assert [job["status"] for job in jobs] == ["done"] * len(jobs), jobs
    assert all(job["failed"] == [] and job["pages_added"] == 1 for job in jobs), jobs
    statuses = {status for status, _ in reads}
    assert statuses == {200}, f"reads answered {statuses} while the CLI and the uploads wrote"
    assert len(reads) > 20 and max(seconds for _, seconds in reads) < 5
    found = read_picture(store_target)
    assert found == expected["AD"], f"{found.describe()} != clean run's {expected['AD'].describe()}"
    assert not found.incidents_stale
