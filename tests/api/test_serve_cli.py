"""`dateline serve` as a user runs it: it starts, answers on the address it prints, and
refuses what it cannot serve."""
from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

from dateline.store import open_store  # noqa: E402


def find_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_the_api_and_the_ui(dateline_cli, tmp_path: Path):
    db = tmp_path / "empty.db"
    open_store(str(db)).close()
    port = find_free_port()
    env = {**os.environ, "DATELINE_INGEST_TOKEN": ""}
    server = subprocess.Popen([*dateline_cli, "serve", "--db", str(db), "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        body = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events", timeout=2) as response:
                    body = json.load(response)
            except OSError:
                assert server.poll() is None, server.communicate()[1]
                time.sleep(0.3)
        assert body == {"items": [], "total": 0, "limit": 100, "offset": 0}
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert b"/static/app.js" in response.read()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            _, err = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert f"http://127.0.0.1:{port}/" in err and "ingest off" in err


def test_serve_refuses_a_missing_database_and_a_short_token(run_cli, tmp_path: Path):
    missing = run_cli("serve", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2 and "no database" in missing.stderr
    db = tmp_path / "empty.db"
    open_store(str(db)).close()
    short = run_cli("serve", "--db", str(db), "--token", "abc")
    assert short.returncode == 2 and "at least 16 characters" in short.stderr
    (tmp_path / "token").write_text("short\n", encoding="utf-8")
    from_file = run_cli("serve", "--db", str(db), "--token-file", str(tmp_path / "token"))
    assert from_file.returncode == 2 and "at least 16 characters" in from_file.stderr
    missing = run_cli("serve", "--db", str(db), "--token-file", str(tmp_path / "no-token"))
    assert missing.returncode == 2 and "cannot read the token" in missing.stderr


def start_serving(dateline_cli, db: Path, port: int, *args: str, env: dict[str, str] | None = None):
    server = subprocess.Popen([*dateline_cli, "serve", "--db", str(db), "--port", str(port), *args],
                              env={**os.environ, "DATELINE_INGEST_TOKEN": "", **(env or {})},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/vocabulary", timeout=2):
                return server
        except OSError:
            assert server.poll() is None, server.communicate()[1]
            time.sleep(0.2)
    server.kill()
    raise AssertionError("the server did not come up")


def raw_request(port: int, data: bytes) -> tuple[bytes, dict]:
    """Send bytes as they are (in two parts, as a slow client would); the status line and JSON body back."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        half = len(data) // 2
        sock.sendall(data[:half])
        time.sleep(0.2)
        with contextlib.suppress(OSError):  # the server may answer and close before the rest arrives
            sock.sendall(data[half:])
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return head.split(b"\r\n")[0], json.loads(body)


def test_what_uvicorn_refuses_comes_in_the_error_envelope(dateline_cli, tmp_path: Path):
    db = tmp_path / "empty.db"
    open_store(str(db)).close()
    port = find_free_port()
    server = start_serving(dateline_cli, db, port)
    try:
        long_url = b"GET /api/events?q=" + b"a" * (70 * 1024) + b" HTTP/1.1\r\nHost: x\r\n\r\n"
        status, body = raw_request(port, long_url)
        assert status == b"HTTP/1.1 400 Bad Request"
        assert body["error"]["status"] == 400 and "16 KiB" in body["error"]["message"]
        status, body = raw_request(port, b"GET /api/events HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")
        assert status == b"HTTP/1.1 400 Bad Request" and body["error"]["code"] == "bad_request"
        status, body = raw_request(port, "GET /api/stories/abc-\u00b2 HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        assert status.startswith(b"HTTP/1.1 4") and body["error"]["status"] < 500
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)


def test_the_token_comes_from_a_file_or_the_environment_and_sigterm_stops_the_server(
        dateline_cli, tmp_path: Path, nlp):
    db = tmp_path / "served.db"
    open_store(str(db)).close()
    token = "file-token-0123456789"
    token_file = tmp_path / "token"
    token_file.write_text(token + "\n", encoding="utf-8")
    port = find_free_port()
    server = start_serving(dateline_cli, db, port, "--token-file", str(token_file))
    lines = b"".join(b'{"text": "KESSEL (Wire) - Police arrested %d people on Monday, officials said."}\n' % n
                     for n in range(200))
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/ingest?name=feed", data=lines,
                                     headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 202
    time.sleep(3)  # the job is storing batches
    started = time.monotonic()
    server.send_signal(signal.SIGTERM)
    _, err = server.communicate(timeout=30)
    assert time.monotonic() - started < 15, err
    assert "Traceback" not in err
    with open_store(str(db)) as store:  # whole batches of 8 pages, nothing half written
        counts = store.counts()
        assert counts.pages % 8 == 0 or counts.pages == 200
        assert counts.stories == counts.pages
    env_port = find_free_port()
    by_env = start_serving(dateline_cli, db, env_port, env={"DATELINE_INGEST_TOKEN": token})
    by_env.send_signal(signal.SIGTERM)
    _, err = by_env.communicate(timeout=30)
    assert "ingest on" in err and token not in err
