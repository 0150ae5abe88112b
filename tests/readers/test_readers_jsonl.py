"""JSON Lines: a page per line, its source the file and line number; a line
that is not JSON fails alone and the next line is read."""
from __future__ import annotations

import gzip
import json

from dateline.models import Failure, Page
from dateline.readers import read_sources

LINES = [
    json.dumps({"url": "https://a.example/1",
                "html": "<html><body><nav>Menu</nav><p>ROME (AP) — Rain.</p></body></html>"}),
    "",
    '{"url": "https://a.example/2", "html": "<p>unterminated',
    json.dumps({"url": "https://a.example/3", "text": "ROME (AP) — Sun.\nShare this article", "fetched": "2025-06-02"}),
    json.dumps({"url": "https://a.example/4", "body": "no page field"}),
    json.dumps(["not", "an", "object"]),
    json.dumps({"url": "https://a.example/6", "text": "   "}),
    json.dumps({"url": "https://a.example/7", "text": "Last line, caf\u00e9."}, ensure_ascii=False),
]


def test_each_line_is_a_page_or_a_failure_of_its_own(tmp_path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    items = list(read_sources([str(path)]))
    by_line = {item.source.rsplit("#", 1)[1]: item for item in items}
    assert sorted(by_line, key=int) == ["1", "3", "4", "5", "6", "7", "8"]  # the blank line 2 is no page
    first, third, last = by_line["1"], by_line["4"], by_line["8"]
    assert isinstance(first, Page) and first.kind == "html" and first.url == "https://a.example/1"
    assert isinstance(third, Page) and third.kind == "text" and third.fetched == "2025-06-02"
    assert isinstance(last, Page) and last.text == "Last line, café."
    assert "line 3 is not JSON" in by_line["3"].reason
    assert 'no "html" or "text"' in by_line["5"].reason
    assert "not an object" in by_line["6"].reason
    assert "empty page" in by_line["7"].reason
    assert all(isinstance(by_line[n], Failure) for n in ("3", "5", "6", "7"))
    assert first.source == f"{path}#1"


def test_line_offsets_find_the_line_again(tmp_path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    data = path.read_bytes()
    for item in read_sources([str(path)]):
        line_number = int(item.source.rsplit("#", 1)[1])
        assert data[item.offset:].split(b"\n", 1)[0].decode() == LINES[line_number - 1]


def test_gzipped_jsonl_and_content_detection_without_the_suffix(tmp_path) -> None:
    path = tmp_path / "feed-dump"
    path.write_bytes(gzip.compress(("\n".join(LINES) + "\n").encode("utf-8")))
    pages = [i for i in read_sources([str(path)]) if isinstance(i, Page)]
    assert [p.url for p in pages] == ["https://a.example/1", "https://a.example/3", "https://a.example/7"]
