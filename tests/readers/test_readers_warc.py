"""WARC and WARC.gz: a page per HTML or text response, found again by its
offset; other payloads skipped with a reason; a file cut short gives the
records before the cut and then a Failure with the offset of the cut."""
from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.models import Failure, Page
from dateline.readers import read_sources

ARTICLE = ("<html><head><title>Ferry strike | Harbour News</title></head><body>"
           "<nav>Home | Ports</nav><p>PIRAEUS, Greece (AP) — Ferry crews walked out at dawn on Tuesday, "
           "stranding caf\u00e9 owners on the islands.</p><p>Share</p></body></html>")
RECORDS = [  # (url, content type, status, payload)
    ("https://news.example/ferry", "text/html; charset=utf-8", "200 OK", ARTICLE.encode("utf-8")),
    ("https://news.example/logo.png", "image/png", "200 OK", b"\x89PNG\r\n\x1a\n" + bytes(300)),
    ("https://news.example/old", "text/html", "301 Moved Permanently", b""),
    ("https://news.example/brief.txt", "text/plain; charset=windows-1252", "200 OK",
     "NAIROBI, Kenya (AP) \u2014 Floods closed the road to Mombasa.".encode("cp1252")),
    ("https://news.example/last", "text/html", "200 OK", b"<html><body><p>Last page of the crawl.</p></body></html>"),
]


def write_warc(path: Path, *, gzip: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        info = b"software: dateline-tests\r\n"
        writer.write_record(writer.create_warc_record("", "warcinfo", payload=io.BytesIO(info), length=len(info)))
        for url, content_type, status, payload in RECORDS:
            request = b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n"
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(request),
                                                          length=len(request)))
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          length=len(payload), http_headers=http))


@pytest.fixture(params=[True, False], ids=["warc.gz", "warc"])
def warc_path(request, tmp_path) -> Path:
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    write_warc(path, gzip=request.param)
    return path


def test_each_html_or_text_response_is_a_page_with_its_url_date_and_offset(warc_path) -> None:
    items = list(read_sources([str(warc_path)]))
    pages = [i for i in items if isinstance(i, Page)]
    assert [p.url for p in pages] == ["https://news.example/ferry", "https://news.example/brief.txt",
                                      "https://news.example/last"]
    assert [p.kind for p in pages] == ["html", "text", "html"]
    assert "PIRAEUS, Greece (AP) — Ferry crews" in pages[0].text
    assert pages[1].encoding == "cp1252" and "(AP) — Floods" in pages[1].text
    for page in pages:
        assert page.source == f"{warc_path}#{page.offset}"
        assert page.fetched and page.fetched[:4].isdigit()
    # the offset finds the record again
    with warc_path.open("rb") as raw:
        raw.seek(pages[2].offset)
        from warcio.archiveiterator import ArchiveIterator
        record = next(iter(ArchiveIterator(raw)))
        assert record.rec_headers.get_header("WARC-Target-URI") == "https://news.example/last"


def test_non_page_responses_are_skipped_with_a_reason_not_failed(warc_path) -> None:
    skipped = [i for i in read_sources([str(warc_path)]) if isinstance(i, Failure)]
    assert [f.stage for f in skipped] == ["skip", "skip"]
    assert "image/png" in skipped[0].reason
    assert "301" in skipped[1].reason


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_truncated_warc_keeps_records_before_the_cut_and_fails_at_it(tmp_path, gzip) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, gzip=gzip)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(data[: len(data) - 60])  # inside the last response record
    items = list(read_sources([str(cut), str(whole)]))
    cut_items = [i for i in items if i.source.startswith(str(cut))]
    pages = [i for i in cut_items if isinstance(i, Page)]
    assert [p.url for p in pages] == ["https://news.example/ferry", "https://news.example/brief.txt"]
    failure = cut_items[-1]
    assert isinstance(failure, Failure) and failure.stage == "read"
    assert failure.offset is not None and failure.offset > pages[-1].offset
    assert "cut short" in failure.reason
    # the next source is still read in full
    assert sum(isinstance(i, Page) for i in items if i.source.startswith(str(whole))) == 3


def test_file_forced_as_warc_that_is_not_one_fails_cleanly(tmp_path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Just a page of text.\n", encoding="utf-8")
    [failure] = read_sources([str(path)], fmt="warc")
    assert isinstance(failure, Failure) and "WARC" in failure.reason


def unpack_head(data: bytes, *, gzip: bool) -> bytes:
    return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data) if gzip else data


def list_records(path: Path) -> list[tuple[int, int, str]]:
    """(offset, length, type) of every record of a whole WARC, as warcio reads it."""
    from warcio.archiveiterator import ArchiveIterator

    found = []
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            kind = record.rec_type
            found.append((records.get_record_offset(), records.get_record_length(), kind))
    return found


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_cut_at_any_byte_loses_no_record_silently(tmp_path, gzip) -> None:
    """Cut the file at every byte: each page record that starts before the cut is read whole or
    is a failure at its own offset, and a cut inside any record's header or block, whatever the
    record's type, is a read failure at that record's offset (only a cut in the blank lines or
    the gzip trailer after a whole record loses nothing and says nothing)."""
    whole = tmp_path / ("whole.warc.gz" if gzip else "whole.warc")
    write_warc(whole, gzip=gzip)
    data = whole.read_bytes()
    records = list_records(whole)
    tail = 16 if gzip else 0  # a gzip member ends with its trailer; a record's length excludes the blank lines
    pages = {offset for offset, _, kind in records if kind == "response"} - {records[4][0], records[6][0]}
    cut = tmp_path / whole.name.replace("whole", "cut")
    first = next(end for end in range(1, len(data)) if unpack_head(data[:end], gzip=gzip).startswith(b"WARC/"))
    for end in range(first, len(data)):  # before ``first`` bytes it is not a WARC yet, but a cut page
        cut.write_bytes(data[:end])
        items = list(read_sources([str(cut)]))
        failures = [i for i in items if isinstance(i, Failure) and i.stage == "read"]
        read = {i.offset for i in items if isinstance(i, Page)}
        started = [(offset, length) for offset, length, _ in records if offset < end]
        inside = [offset for offset, length in started if end < offset + length - tail]
        assert len(failures) <= 1, (end, failures)
        if inside:
            assert [f.offset for f in failures] == inside, (end, failures)
        for offset, _ in started:
            if offset in pages:
                assert offset in read or any(f.offset == offset for f in failures), (end, offset, items)
