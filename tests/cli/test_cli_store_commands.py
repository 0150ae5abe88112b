"""`dateline ingest` and `dateline stories` as a user runs them: a summary at
the end, one line per failed page, exit 1 when any page failed, nothing new on
a second run, and the stored stories listed with their sources."""
from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

GOOD = {
    "ferry.txt": ("Home | World | Europe\nATHENS, Greece (AP) — Ferry crews walked out at dawn on Tuesday, "
                  "stranding travellers on the islands.\n\nThe union said talks with the ministry had failed.\n"),
    "floods.html": ("<!DOCTYPE html><html><head><title>Floods close highway</title></head><body>"
                    "<nav><a href='/'>Home</a></nav><article><h1>Floods close highway</h1>"
                    "<p>NAIROBI, Kenya (AP) — Flash floods washed away part of the main highway on Wednesday, "
                    "police said, leaving hundreds of trucks stranded.</p>"
                    "<p>Drivers said they had waited since dawn for the water to fall.</p></article>"
                    "<footer>© Daily</footer></body></html>"),
}
BAD = {
    "logo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    "blank.txt": b"\n   \n",
    "feed.jsonl": (json.dumps({"url": "https://wire.example/1", "text": "LAGOS, Nigeria (AP) — Fuel queues grew "
                              "on Monday as prices rose again across the city."}) + "\n{not json\n").encode(),
}


def write_cut_warc(path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in range(2):
        body = (f"<html><body><p>ROME (AP) — Story number {n} of the crawl, told in one plain sentence "
                f"long enough to read.</p></body></html>").encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://crawl.example/{n}", "response",
                                                      payload=io.BytesIO(body), length=len(body), http_headers=http))
    path.write_bytes(buffer.getvalue()[:-40])


@pytest.fixture
def pages(tmp_path) -> Path:
    folder = tmp_path / "pages"
    (folder / "nested").mkdir(parents=True)
    for name, text in GOOD.items():
        (folder / "nested" / name).write_text(text, encoding="utf-8")
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    write_cut_warc(folder / "crawl.warc.gz")
    return folder


def test_ingest_reports_pages_stories_and_each_failure_and_exits_1(run_cli, pages, tmp_db) -> None:
    done = run_cli("ingest", str(pages), "--db", str(tmp_db))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    failed_sources = {line.split(": ")[1] for line in errors}
    assert {str(pages / "logo.txt"), str(pages / "blank.txt"), f"{pages / 'feed.jsonl'}#2"} <= failed_sources
    assert any(s.startswith(f"{pages / 'crawl.warc.gz'}#") for s in failed_sources)
    assert "binary file (looks like PNG image)" in done.stderr and "cut short" in done.stderr
    # pages read: 2 plain pages, 1 JSONL line, 1 WARC record before the cut
    assert "pages read:     4 (4 new)" in done.stdout
    assert "pages failed:   4" in done.stdout
    assert f"  {pages / 'logo.txt'}: binary file" in done.stdout

    listed = run_cli("stories", "--db", str(tmp_db), "--json")
    assert listed.returncode == 0, listed.stderr
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    sources = {r["source"] for r in records}
    assert {str(pages / "nested" / "ferry.txt"), str(pages / "nested" / "floods.html"),
            f"{pages / 'feed.jsonl'}#1"} <= sources
    assert all(r["body"] and "page_id" in r for r in records)


def test_ingest_twice_stores_nothing_new(run_cli, pages, tmp_db) -> None:
    for name in BAD:
        (pages / name).unlink()
    (pages / "crawl.warc.gz").unlink()
    first = run_cli("ingest", str(pages), "--db", str(tmp_db))
    assert first.returncode == 0, first.stderr
    listed = run_cli("stories", "--db", str(tmp_db)).stdout
    again = run_cli("ingest", str(pages), "--db", str(tmp_db))
    assert again.returncode == 0, again.stderr
    assert "pages read:     2 (0 new, 2 already stored)" in again.stdout
    assert "stories stored: 0" in again.stdout
    assert run_cli("stories", "--db", str(tmp_db)).stdout == listed


def test_ingest_reads_standard_input_into_the_default_database(run_cli, tmp_path) -> None:
    env_db = os.environ.pop("DATELINE_DB", None)
    try:
        done = run_cli("ingest", "-", stdin=GOOD["ferry.txt"], cwd=tmp_path)
    finally:
        if env_db is not None:
            os.environ["DATELINE_DB"] = env_db
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "dateline.db").is_file()
    listed = run_cli("stories", "--json", cwd=tmp_path)
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    assert records and all(r["source"] == "<stdin>" for r in records)


def test_stories_without_a_database_says_so_and_creates_none(run_cli, tmp_path) -> None:
    done = run_cli("stories", "--db", str(tmp_path / "none.db"))
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "dateline ingest" in done.stderr
    assert not (tmp_path / "none.db").exists()


def test_bad_format_and_size_flags_are_refused_before_reading(run_cli, pages, tmp_db) -> None:
    done = run_cli("ingest", str(pages), "--db", str(tmp_db), "--format", "pdf")
    assert done.returncode == 2 and "pdf" in done.stderr and not tmp_db.exists()
    done = run_cli("ingest", str(pages), "--db", str(tmp_db), "--max-page-bytes", "lots")
    assert done.returncode == 2 and "--max-page-bytes" in done.stderr and "Traceback" not in done.stderr


def test_extract_skips_non_page_records_without_failing(run_cli, tmp_path) -> None:
    path = tmp_path / "crawl.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for url, kind, body in [("https://x.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(50)),
                                ("https://x.example/story", "text/html", GOOD["floods.html"].encode())]:
            http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          length=len(body), http_headers=http))
    done = run_cli("extract", "--json", str(path))
    assert done.returncode == 0, done.stderr
    [record] = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["url"] == "https://x.example/story" and record["source"].startswith(f"{path}#")
    assert {"source", "url", "page_id", "cleaner_version", "stories", "removed"} <= set(record)


def test_gzipped_page_is_ingested(run_cli, tmp_path, tmp_db) -> None:
    path = tmp_path / "floods.html.gz"
    path.write_bytes(gzip.compress(GOOD["floods.html"].encode()))
    done = run_cli("ingest", str(path), "--db", str(tmp_db))
    assert done.returncode == 0, done.stderr
    assert "pages read:     1 (1 new)" in done.stdout
