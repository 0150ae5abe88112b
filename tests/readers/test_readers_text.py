"""Plain-text pages and the bad input every reader meets: encodings, binary
files, empty and oversized pages. Each bad page is a one-line Failure and the
next source is still read."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from dateline.models import Failure, Page
from dateline.readers import read_sources

# Written for these tests: a scraped page with chrome, a dateline and typographic punctuation.
PAGE = (
    "Home | World | Europe\n"
    "Share on Facebook   Share on X\n"
    "LYON, France (AP) — Firefighters said the “blaze” at a café near the Hôtel-Dieu was out by 6 a.m.; "
    "the owner’s résumé of the night ran to three pages.\n\n"
    "Damage was put at €40,000 by the town’s naïve first estimate.\n"
    "Follow our coverage at example.com\n"
)
WESTERN = PAGE.replace("—", "-").replace("“", '"').replace("”", '"').replace("’", "'").replace("€", "EUR ")


def read_one(path: Path, **options) -> Page | Failure:
    [item] = list(read_sources([str(path)], **options))
    return item


@pytest.mark.parametrize(("data", "encoding", "expected"), [
    (PAGE.encode("utf-8"), "utf-8", PAGE),
    (codecs.BOM_UTF8 + PAGE.encode("utf-8"), "utf-8", PAGE),
    (PAGE.encode("cp1252"), "cp1252", PAGE),
    (WESTERN.encode("latin-1"), "cp1252", WESTERN),
    (PAGE.encode("utf-16"), "utf-16-le", PAGE),  # with a BOM
    (codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"), "utf-16-be", PAGE),
    (PAGE.encode("utf-16-le"), "utf-16-le", PAGE),  # no BOM
    (PAGE.encode("utf-16-be"), "utf-16-be", PAGE),  # no BOM
], ids=["utf8", "utf8-bom", "cp1252", "latin1", "utf16-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom"])
def test_text_in_any_common_encoding_reads_as_the_same_words(tmp_path, data, encoding, expected) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    page = read_one(path)
    assert isinstance(page, Page)
    assert page.text == expected
    assert page.encoding == encoding
    assert page.kind == "text"
    assert page.source == str(path)


def test_invalid_utf8_is_read_best_effort_and_says_so(tmp_path) -> None:
    path = tmp_path / "broken.txt"
    # UTF-8 with a stray cp1252 dash and a byte that is nothing at all.
    path.write_bytes(PAGE.encode("utf-8").replace("—".encode(), b"\x97").replace(b"three", b"th\xffree"))
    page = read_one(path)
    assert isinstance(page, Page)
    assert "LYON, France (AP) — Firefighters" in page.text
    assert "café near the Hôtel-Dieu" in page.text
    assert page.encoding.startswith("utf-8") and "invalid" in page.encoding


@pytest.mark.parametrize(("data", "what"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "PNG"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4, "ZIP"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj" + bytes(range(256)) * 4, "PDF"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 4, "JPEG"),
    (bytes(range(256)) * 16, "unknown format"),
])
def test_binary_file_fails_with_a_one_line_reason(tmp_path, data, what) -> None:
    path = tmp_path / "download.txt"
    path.write_bytes(data)
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert failure.stage == "read" and failure.source == str(path)
    assert failure.reason.startswith("binary file") and what in failure.reason and "not a page" in failure.reason
    assert "\n" not in failure.reason


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n", codecs.BOM_UTF8 + b"\n \n"],
                         ids=["zero", "blank", "bom-only"])
def test_empty_page_fails_as_empty(tmp_path, data) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert "empty page" in failure.reason


def test_page_over_the_size_limit_fails_without_being_read(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    line = ("KYIV, Ukraine (AP) — " + "word " * 40 + "\n").encode()
    with path.open("wb") as out:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            out.write(line)
    assert path.stat().st_size > 50 * 1024 * 1024
    failure = read_one(path)  # the default limit is 10 MiB
    assert isinstance(failure, Failure)
    assert "over the 10.0 MB limit" in failure.reason and "--max-page-bytes" in failure.reason
    page = read_one(path, max_page_bytes=60 * 1024 * 1024)  # a raised limit reads it
    assert isinstance(page, Page) and page.text.startswith("KYIV, Ukraine (AP)")


def test_batch_goes_on_after_each_bad_page(tmp_path) -> None:
    names = {"a-binary.txt": b"\x89PNG\r\n\x1a\nxxxx", "b-empty.txt": b"\n", "c-good.txt": PAGE.encode()}
    for name, data in names.items():
        (tmp_path / name).write_bytes(data)
    items = list(read_sources([str(tmp_path / n) for n in names] + [str(tmp_path / "missing.txt")]))
    assert [type(i).__name__ for i in items] == ["Failure", "Failure", "Page", "Failure"]
    assert "cannot read" in items[3].reason
