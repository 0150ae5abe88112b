"""Folders are walked recursively in a stable order; '-' reads standard input."""
from __future__ import annotations

import io
import sys

from dateline.models import Page
from dateline.readers import list_inputs, read_sources


def test_folder_is_walked_recursively_in_sorted_order_skipping_non_pages(tmp_path) -> None:
    files = ["b/2.html", "a.txt", "b/1.txt", "c/d/feed.jsonl", "notes.json", "gold.tsv", ".hidden.txt",
             ".git/HEAD", "script.py", "page.html.gz"]
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    found = [p[len(str(tmp_path)) + 1:] for p in list_inputs([str(tmp_path)])]
    assert found == ["a.txt", "b/1.txt", "b/2.html", "c/d/feed.jsonl", "page.html.gz"]


def test_a_file_named_on_the_command_line_is_read_whatever_its_name(tmp_path) -> None:
    path = tmp_path / "story.dat"
    path.write_text("ROME (AP) — A named file is always read.\n", encoding="utf-8")
    [page] = read_sources([str(path)])
    assert isinstance(page, Page)


def test_dash_and_no_source_read_standard_input(monkeypatch) -> None:
    text = "<html><body><p>ROME (AP) — From a pipe.</p></body></html>"
    for sources in (["-"], []):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-16"))))
        [page] = read_sources(sources)
        assert page.source == "<stdin>" and page.kind == "html" and page.encoding == "utf-16-le"
        assert "From a pipe." in page.text
