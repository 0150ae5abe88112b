"""Uploads are bounded work: the token is checked before a byte of the body is read, an upload
is measured before it is taken (413 past a limit, 422 when it holds no page), a full queue
answers 429, and what is taken is a background job whose status can be asked for."""
from __future__ import annotations

import asyncio
import gzip
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from dateline.api import create_app  # noqa: E402
from dateline.store import open_store  # noqa: E402

TOKEN = "upload-token-0123456789"
AUTH = {"authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "uploads.db")
    open_store(path).close()
    return path


def post_raw(app, headers: list[tuple[bytes, bytes]], body_chunks: int) -> tuple[int, int]:
    """POST /api/ingest straight to the ASGI app; (status, body chunks the app asked for)."""
    asked = 0

    async def receive():
        nonlocal asked
        asked += 1
        return {"type": "http.request", "body": b"x" * 65536, "more_body": asked < body_chunks}

    answers = []

    async def send(message):
        answers.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/ingest", "raw_path": b"/api/ingest",
             "query_string": b"", "headers": headers, "client": ("127.0.0.1", 5000), "server": ("t", 80),
             "scheme": "http", "http_version": "1.1", "root_path": ""}
    asyncio.run(app(scope, receive, send))
    return answers[0]["status"], asked


def test_the_token_is_checked_before_the_body_is_read(db) -> None:
    app = create_app(db, ingest_token=TOKEN, max_body_bytes=100 << 20)
    status, asked = post_raw(app, [(b"authorization", b"Bearer wrong-token")], body_chunks=160)  # 10 MiB
    assert (status, asked) == (401, 0)
    status, asked = post_raw(create_app(db), [], body_chunks=160)  # ingest off
    assert (status, asked) == (403, 0)


def test_a_body_sent_without_its_length_is_cut_off_at_the_limit(db) -> None:
    app = create_app(db, ingest_token=TOKEN, max_body_bytes=200_000)
    status, asked = post_raw(app, [(b"authorization", f"Bearer {TOKEN}".encode())], body_chunks=1000)
    assert status == 413 and asked == 4  # 4 x 64 KiB: past 200,000 bytes, no further chunk is read


@pytest.mark.parametrize("body, status, words", [
    (gzip.compress(b'{"text": ""}\n' * 100_000), 413, "more than 1,000 lines"),
    (gzip.compress(b"\n" * 100_000), 422, "holds no page"),
    (gzip.compress(b"\n" * (64 << 20)), 413, "over the"),  # unpacks past 10 x the body limit
    (b"\x1f\x8b" + b"\x00" * 100, 422, "cannot be read"),
    (b"  \n\n", 400, "empty"),
])
def test_uploads_past_a_limit_or_without_a_page_are_refused_at_once(db, body, status, words) -> None:
    with TestClient(create_app(db, ingest_token=TOKEN, max_body_bytes=4 << 20)) as client:
        started = time.perf_counter()
        answer = client.post("/api/ingest", content=body, headers=AUTH)
        assert time.perf_counter() - started < 10
        assert answer.status_code == status and words in answer.json()["error"]["message"], answer.text
        assert client.get("/api/events").status_code == 200


def test_a_full_queue_answers_429_and_a_job_says_how_far_it_is(db) -> None:
    app = create_app(db, ingest_token=TOKEN, max_queued_jobs=0)
    with TestClient(app) as client:
        full = client.post("/api/ingest", content=b"KESSEL (Wire) - A page.", headers=AUTH)
        assert full.status_code == 429 and full.headers["retry-after"] == "10"
    lines = b"".join(b'{"url": "https://w.example/%d", "text": "KESSEL (Wire) - Police arrested %d people."}\n'
                     % (n, n + 2) for n in range(3)) + b'{"url": "x"}\nnot json\n\n\n'
    with TestClient(create_app(db, ingest_token=TOKEN)) as client:
        accepted = client.post("/api/ingest", params={"name": "feed.jsonl"}, content=lines,
                               headers={**AUTH, "content-type": "application/x-ndjson"})
        assert accepted.status_code == 202 and accepted.json()["records"] == 5
        deadline = time.monotonic() + 120
        while (job := client.get(accepted.json()["status_url"], headers=AUTH).json())["status"] in ("queued",
                                                                                                     "running"):
            assert time.monotonic() < deadline
            time.sleep(0.1)
    assert job["status"] == "done" and job["records_done"] == 5 and job["pages_added"] == 3
    assert [(f["source"], f["stage"]) for f in job["failed"]] == [("upload:feed.jsonl#4", "read"),
                                                                  ("upload:feed.jsonl#5", "read")]
    with open_store(db) as store:
        assert sorted(f.source for f in store.failures()) == ["upload:feed.jsonl#4", "upload:feed.jsonl#5"]
