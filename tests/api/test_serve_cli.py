"""`dateline serve` as a user runs it: it starts, answers on the address it prints, and
refuses what it cannot serve."""
from __future__ import annotations

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
