"""Inputs that used to hang a run or drop pages silently: a named pipe in an input folder (or
named on the command line), a WARC cut inside a record's header. The run ends, says what it
skipped or could not read and where, and once the file is whole again --retry-failed leaves
the store as one clean run does."""
from __future__ import annotations

import gzip as gzip_module
import io
import os
from pathlib import Path

import pytest
from faultrun import assert_no_traceback, clean_picture, read_picture
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.store import open_store

pytestmark = pytest.mark.reliability


def test_a_named_pipe_in_a_folder_is_skipped_with_its_reason(tmp_path, news_pages, run_cli) -> None:
    folder = tmp_path / "inbox"
    news_pages(folder, 3, start=200)
    os.mkfifo(folder / "live-feed.txt")  # no writer: opening it would wait forever
    os.mkfifo(folder / "feed")
    db = str(tmp_path / "pipes.db")
    done = run_cli("ingest", str(folder), "--db", db, timeout=120)
    assert_no_traceback(done.stdout, done.stderr)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "pages read:     3 (3 new)" in done.stdout
    assert "files skipped:  2" in done.stdout
    for name in ("feed", "live-feed.txt"):
        assert f"{folder / name}: a named pipe, not a regular file: skipped" in done.stdout
    named = run_cli("ingest", str(folder / "feed"), "--db", db, timeout=120)  # named, it is refused
    assert named.returncode == 1 and "a named pipe, not a regular file" in named.stdout
    extracted = run_cli("extract", str(folder), timeout=120)
    assert extracted.returncode == 0 and extracted.stdout.count(": 1 stories") == 3


STORIES = (
    ("harbour", "PORT VEYRA, Xandria (Wire) — A drone struck a fuel depot in Port Veyra on Monday, killing four "
                "workers, the governor said. Firefighters fought the blaze for hours."),
    ("march", "KESSEL, Xandria (Wire) — Police arrested 14 protesters in Kessel on Tuesday after a march against "
              "fuel prices turned violent, officials said. Organisers said 3,000 people had marched."),
    ("flood", "MARROW BAY, Xandria (Wire) — Flooding forced 60 families from their homes in Marrow Bay on "
              "Wednesday, officials said. The river rose 80 centimetres overnight."),
)


def write_crawl(path: Path, *, gzip: bool) -> list[int]:
    """A WARC of our three stories as HTML responses (each after its request); the offsets of the responses."""
    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for name, text in STORIES:
            url = f"https://wire.example/{name}"
            request = b"GET / HTTP/1.1\r\nHost: wire.example\r\n\r\n"
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(request),
                                                          length=len(request)))
            html = f"<html><head><title>{name}</title></head><body><p>{text}</p></body></html>".encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            offsets.append(out.tell())
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                          length=len(html), http_headers=http))
    return offsets


def cut_inside_header(data: bytes, offset: int, *, gzip: bool) -> bytes:
    """The file cut inside the WARC header of the record at ``offset`` (after its WARC-Type line)."""
    if not gzip:
        return data[:offset + data[offset:].index(b"WARC-Type:") + 20]
    member = gzip_module.compress(gzip_module.decompress(data[offset:])[:60])  # its first 60 bytes, then the end
    return data[:offset] + member


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_cut_inside_a_header_is_a_failure_with_its_offset_and_a_retry_restores_it(
        gzip, tmp_path, run_cli, nlp) -> None:
    whole = tmp_path / "whole" / ("crawl.warc.gz" if gzip else "crawl.warc")
    whole.parent.mkdir()
    offsets = write_crawl(whole, gzip=gzip)
    crawl = tmp_path / "crawl" / whole.name
    crawl.parent.mkdir()
    crawl.write_bytes(cut_inside_header(whole.read_bytes(), offsets[2], gzip=gzip))
    db = str(tmp_path / "cut.db")
    done = run_cli("ingest", str(crawl), "--db", db)
    assert_no_traceback(done.stdout, done.stderr)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "pages read:     2 (2 new)" in done.stdout
    failures = run_cli("failures", "--db", db, "--json").stdout.splitlines()
    assert len(failures) == 1 and f'"source": "{crawl}#{offsets[2]}"' in failures[0]
    assert "cut short" in failures[0] and f'"offset": {offsets[2]}' in failures[0]
    crawl.write_bytes(whole.read_bytes())  # the download finished after all
    retried = run_cli("ingest", "--retry-failed", "--db", db)
    assert retried.returncode == 0, retried.stdout + retried.stderr
    with open_store(db) as store:
        assert store.failures() == []
    assert read_picture(db) == clean_picture([whole.parent], tmp_path)
