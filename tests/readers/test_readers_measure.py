"""Measuring an input before reading it (what the API does with every upload): records counted
without decoding a page, blank lines counted in bulk, gzip bombs stopped at the limit."""
from __future__ import annotations

import gzip
import io
import time

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import InputTooLarge, ReadError
from dateline.readers.measure import measure_input

LINE = b'{"url": "https://wire.example/1", "text": "KESSEL (Wire) - A line."}\n'


@pytest.mark.parametrize("packed", [False, True], ids=["jsonl", "jsonl.gz"])
def test_json_lines_count_their_non_blank_lines(tmp_path, packed) -> None:
    data = LINE * 3 + b"\n \r\n\t\n" * 1000 + LINE + b"   \n"
    path = tmp_path / "feed.jsonl"
    path.write_bytes(gzip.compress(data) if packed else data)
    size = measure_input(str(path), max_records=10, max_unpacked=1 << 20)
    assert (size.records, size.kind, size.unpacked_bytes) == (4, "jsonl", len(data))


def test_a_hundred_thousand_blank_json_lines_are_refused_at_once(tmp_path) -> None:
    path = tmp_path / "blank.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": ""}\n' * 100_000))  # 2.5 KB
    started = time.perf_counter()
    with pytest.raises(InputTooLarge, match="more than 1,000 lines"):
        measure_input(str(path), max_records=1000, max_unpacked=100 << 20)
    assert time.perf_counter() - started < 2
    only_blank = tmp_path / "only-blank.jsonl.gz"
    only_blank.write_bytes(gzip.compress(LINE + b"\n" * 100_000))
    assert measure_input(str(only_blank), max_records=1000, max_unpacked=100 << 20).records == 1


def test_a_gzip_bomb_stops_at_the_unpacked_limit(tmp_path) -> None:
    path = tmp_path / "bomb.gz"
    with gzip.open(path, "wb") as out:
        for _ in range(64):
            out.write(b"\n" * (1 << 20))
    with pytest.raises(InputTooLarge, match="over the"):
        measure_input(str(path), max_records=1000, max_unpacked=8 << 20)


def test_warc_records_are_counted_and_a_page_is_one(tmp_path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(5):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            body = f"<p>Page {n}</p>".encode()
            writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response",
                                                          payload=io.BytesIO(body), length=len(body),
                                                          http_headers=http))
    assert measure_input(str(path), max_records=10, max_unpacked=1 << 20).records == 5
    with pytest.raises(InputTooLarge, match="more than 4 WARC records"):
        measure_input(str(path), max_records=4, max_unpacked=1 << 20)
    page = tmp_path / "page.html"
    page.write_text("<p>One page</p>", encoding="utf-8")
    assert measure_input(str(page), max_records=1, max_unpacked=1 << 20).records == 1
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\n\t")
    assert measure_input(str(blank), max_records=1, max_unpacked=1 << 20).records == 0


def test_damaged_gzip_is_a_read_error(tmp_path) -> None:
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(gzip.compress(LINE * 10)[:20] + b"\x00" * 40)
    with pytest.raises(ReadError):
        measure_input(str(path), max_records=10, max_unpacked=1 << 20)
