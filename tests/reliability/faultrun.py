"""Helpers of the reliability tests: run `dateline` as a user would (in the background, with a
fault injected, or as a server), and read a store back as a picture that a clean single run
can be compared with.

A picture (``read_picture``) holds what a user would notice, by content id so that it does not
depend on the backend, the order pages were stored in or which run stored them: the pages and
their status, every story, event, quote and entity, the story groups as a partition of the
stories, and the incidents by their member events with their figures; plus whether the store
says its incidents are up to date. Two stores hold the same thing when their pictures are equal.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

from dateline.store import database_url, open_store

CLI_ENV = {"TYPER_USE_RICH": "0", "NO_COLOR": "1", "COLUMNS": "200"}
TOKEN = "reliability-token-0123456789"


@dataclass(frozen=True)
class Picture:
    pages: frozenset[tuple[str, str]]             # (page_id, status)
    stories: frozenset[tuple[str, int, str]]      # (page_id, position, story_id)
    events: frozenset[tuple[str, int, str]]       # (page_id, story_position, event_id)
    quotes: int
    entities: int
    groups: frozenset[frozenset[tuple[str, int]]]  # story groups, each a set of stories
    incidents: frozenset[tuple[frozenset[tuple[str, int, str]], int, int | None]]  # members, sources, killed
    incidents_stale: bool

    def describe(self) -> str:
        return (f"{len(self.pages)} pages, {len(self.stories)} stories, {len(self.events)} events, "
                f"{self.quotes} quotes, {self.entities} entities, {len(self.groups)} story groups, "
                f"{len(self.incidents)} incidents{' (stale)' if self.incidents_stale else ''}")


def read_picture(target: str) -> Picture:
    engine = create_engine(database_url(target))
    try:
        with engine.connect() as conn:
            def rows(sql: str) -> list[tuple]:
                return [tuple(row) for row in conn.execute(text(sql))]

            groups: dict[str, set[tuple[str, int]]] = {}
            for page_id, position, group_id in rows("SELECT page_id, story_position, group_id FROM story_groups"):
                groups.setdefault(group_id, set()).add((page_id, position))
            members: dict[str, set[tuple[str, int, str]]] = {}
            for incident_id, page_id, position, event_id in rows(
                    "SELECT incident_id, page_id, story_position, event_id FROM incident_events"):
                members.setdefault(incident_id, set()).add((page_id, position, event_id))
            incidents = frozenset((frozenset(members.get(incident_id, ())), sources, killed)
                                  for incident_id, sources, killed in
                                  rows("SELECT incident_id, source_count, killed FROM incidents"))
            state = dict(rows("SELECT name, value FROM dateline_state"))
            return Picture(
                pages=frozenset(rows("SELECT page_id, status FROM pages")),
                stories=frozenset(rows("SELECT page_id, position, story_id FROM stories")),
                events=frozenset(rows("SELECT page_id, story_position, event_id FROM events")),
                quotes=conn.execute(text("SELECT count(*) FROM quotes")).scalar_one(),
                entities=conn.execute(text("SELECT count(*) FROM entities")).scalar_one(),
                groups=frozenset(frozenset(g) for g in groups.values()),
                incidents=incidents,
                incidents_stale=state.get("pages") != state.get("incidents"),
            )
    finally:
        engine.dispose()


def clean_picture(folders: Sequence[Path], tmp_path: Path, *, all_read: bool = True) -> Picture:
    """What one clean, single, in-process run stores for these folders (the model loaded once);
    ``all_read``: every page of them reads (examples/pages holds one that does not, on purpose)."""
    from dateline.store.incidents import refresh_incidents
    from dateline.store.ingest import ingest_sources

    target = str(tmp_path / f"clean-{time.monotonic_ns()}.db")
    with open_store(target) as store:
        report = ingest_sources([str(f) for f in folders], store)
        assert report.ok or not all_read, report.failed
        refresh_incidents(store)
    return read_picture(target)


def start_cli(dateline_cli: list[str], *args: str, fault: str | None = None,
              env: dict[str, str] | None = None) -> subprocess.Popen:
    """`dateline ARGS` in the background (its own session, so that a kill reaches only it)."""
    full_env = {**os.environ, **CLI_ENV, **(env or {})}
    full_env.pop("DATELINE_FAULT", None)
    if fault:
        full_env["DATELINE_FAULT"] = fault
    return subprocess.Popen([*dateline_cli, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=full_env, start_new_session=True)


def finish(process: subprocess.Popen, *, timeout: float = 300) -> tuple[int, str, str]:
    """Wait for a command; (status, stdout, stderr). A command that hangs is killed and fails the test."""
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"the command hung for {timeout} s and was killed:\n{out}\n{err}") from None
    return process.returncode, out, err


def assert_no_traceback(*outputs: str) -> None:
    for output in outputs:
        assert "Traceback" not in output, output


def find_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(dateline_cli: list[str], db: str, tmp_path: Path, *, port: int) -> subprocess.Popen:
    """`dateline serve` with ingest on (the token from a file), answering once this returns."""
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    token_file.chmod(0o600)
    server = start_cli(dateline_cli, "serve", "--db", db, "--port", str(port), "--token-file", str(token_file),
                       "--rate-limit", "100000", env={"DATELINE_INGEST_TOKEN": ""})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            call(port, "GET", "/api/vocabulary")
            return server
        except OSError:
            assert server.poll() is None, server.communicate()
            time.sleep(0.2)
    server.kill()
    raise AssertionError("the server did not answer within 60 s")


def call(port: int, method: str, path: str, *, body: bytes | None = None, token: bool = False,
         headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, dict]:
    """(status, JSON body) of one request to the local server."""
    sent = dict(headers or {})
    if token:
        sent["Authorization"] = f"Bearer {TOKEN}"
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method, headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def wait_for_job(port: int, status_url: str, *, timeout: float = 300) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        _, record = call(port, "GET", status_url, token=True)
        if record["status"] not in ("queued", "running"):
            return record
        assert time.monotonic() < deadline, f"the job did not finish in {timeout} s: {record}"
        time.sleep(0.2)


@contextmanager
def reading_all_the_time(port: int, path: str = "/api/events?limit=5") -> Iterator[list[tuple[int, float]]]:
    """Read from the server every 50 ms while the block runs: the (status, seconds) of each read,
    for asserting that reads answer while something writes."""
    reads: list[tuple[int, float]] = []
    stop = threading.Event()

    def read_until_stopped() -> None:
        while not stop.is_set():
            started = time.monotonic()
            status, _ = call(port, "GET", path)
            reads.append((status, time.monotonic() - started))
            time.sleep(0.05)

    reader = threading.Thread(target=read_until_stopped)
    reader.start()
    try:
        yield reads
    finally:
        stop.set()
        reader.join()
