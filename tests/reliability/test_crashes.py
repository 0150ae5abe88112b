"""Crashes and write errors: `dateline ingest` killed with kill -9 at a random point (a batch
written but not committed, a batch committed, every page stored but incidents not regrouped,
incidents rewritten but not committed), a disk that fills up (a small tmpfs where this machine
lets us mount one, else a write error injected from a given batch on), a write error that passes.
Each time nothing ends in a traceback, every page missing is named as failed, and running the
same command again leaves the store as one clean run does, incidents included
(DATELINE_FAULT, store/faults.py)."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from faultrun import assert_no_traceback, clean_picture, finish, read_picture, start_cli

from dateline.store import open_store

pytestmark = pytest.mark.reliability

PAGES = 24
BATCH = 4
BATCHES = PAGES // BATCH


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, news_pages) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "pages"
    news_pages(folder, PAGES, start=100)
    return folder


@pytest.fixture(scope="module")
def expected(corpus, tmp_path_factory, nlp):
    return clean_picture([corpus], tmp_path_factory.mktemp("clean"))


def ingest_args(corpus: Path, target: str) -> list[str]:
    return ["ingest", str(corpus), "--db", target, "--batch-size", str(BATCH)]


@pytest.mark.parametrize("point", ["batch-written", "batch-committed", "pages-done", "refresh-written"])
def test_a_run_killed_anywhere_and_started_again_ends_as_one_clean_run(point, tmp_path, corpus, expected, *,
                                                                       dateline_cli, run_cli) -> None:
    seed = random.randrange(1 << 30)
    nth = random.Random(seed).randint(1, BATCHES) if point.startswith("batch") else 1
    target = str(tmp_path / "killed.db")
    status, out, err = finish(start_cli(dateline_cli, *ingest_args(corpus, target), fault=f"kill@{point}#{nth}"))
    assert status == -signal.SIGKILL, f"(seed {seed}) the run was not killed at {point}#{nth}: {out}{err}"
    again = run_cli(*ingest_args(corpus, target))
    assert_no_traceback(again.stdout, again.stderr)
    assert again.returncode == 0, again.stdout + again.stderr
    if point in ("pages-done", "refresh-written"):  # every page stored: the rerun only regroups
        assert f"pages read:     {PAGES} (0 new, {PAGES} already stored)" in again.stdout
        assert "incidents:      " in again.stdout and "not regrouped" not in again.stdout
    found = read_picture(target)
    assert found == expected, f"(killed at {point}#{nth}, seed {seed}) {found.describe()} != {expected.describe()}"
    assert not found.incidents_stale


def test_after_a_run_killed_after_its_last_page_listing_incidents_regroups_them(
        corpus, expected, dateline_cli, run_cli, store_target) -> None:
    status, _, _ = finish(start_cli(dateline_cli, *ingest_args(corpus, store_target), fault="kill@pages-done"))
    assert status == -signal.SIGKILL
    assert read_picture(store_target).incidents_stale  # the store knows
    listed = run_cli("incidents", "--db", store_target, "--format", "json")  # any later command regroups
    assert listed.returncode == 0 and "incidents are stale" in listed.stderr, listed.stderr
    assert read_picture(store_target) == expected


def test_a_write_error_that_passes_loses_nothing(tmp_path, corpus, expected, dateline_cli) -> None:
    target = str(tmp_path / "flaky.db")
    status, out, err = finish(start_cli(dateline_cli, *ingest_args(corpus, target), fault="fail@batch-written#2"))
    assert_no_traceback(out, err)
    assert status == 0, out + err  # the batch the disk refused once was stored page by page
    assert read_picture(target) == expected


def mount_small_disk(folder: Path) -> bool:
    """A 2 MiB tmpfs at ``folder``, where root may mount one; False where it may not."""
    folder.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True,
                          check=False)
    return done.returncode == 0


def test_a_full_disk_names_every_page_it_could_not_store_and_the_rerun_stores_them(
        tmp_path, corpus, expected, dateline_cli) -> None:
    disk = tmp_path / "disk"
    real = mount_small_disk(disk)
    target = str(disk / "full.db")
    try:
        open_store(target).close()
        if real:  # the schema fits; then leave room for a few batches only
            free = shutil.disk_usage(disk).free
            (disk / "filler").write_bytes(bytes(max(0, free - 600 * 1024)))
        fault = None if real else "fail@batch-written#3+"  # every write from the third on fails
        status, out, err = finish(start_cli(dateline_cli, *ingest_args(corpus, target), fault=fault))
        assert_no_traceback(out, err)
        assert status == 1, out + err
        failed = [line for line in out.splitlines() if ": not stored: " in line]
        stored = len(read_picture(target).pages)
        assert failed and stored + int(out.split("pages failed:")[1].split()[0]) == PAGES, out
        assert "not regrouped" in out or not real, out
        if real:  # room again, as an operator would make it
            subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        status, out, err = finish(start_cli(dateline_cli, *ingest_args(corpus, target)))
        assert_no_traceback(out, err)
        assert status == 0, out + err
        found = read_picture(target)
        assert found == expected, f"{found.describe()} != {expected.describe()}"
        assert not found.incidents_stale
    finally:
        if real:
            subprocess.run(["umount", "-l", str(disk)], check=False)
