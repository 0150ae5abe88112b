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


def test_every_file_a_folder_holds_is_read_or_skipped_with_its_reason(tmp_path) -> None:
    import os
    import socket

    from dateline.models import Failure
    from dateline.readers import walk_inputs

    (tmp_path / "a.txt").write_text("ROME (AP) — One page.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "sock"))
        found = list(walk_inputs([str(tmp_path), str(tmp_path / "empty")]))
    (tmp_path / "empty").mkdir()
    found += list(walk_inputs([str(tmp_path / "empty")]))
    described = [(item.source.rsplit("/", 1)[-1], item.stage, item.reason) if isinstance(item, Failure)
                 else item.rsplit("/", 1)[-1] for item in found]
    assert described == [
        "a.txt",
        ("notes.md", "skip", "its name does not look like a page (name the file itself to read it)"),
        ("pipe.txt", "skip", "a named pipe, not a regular file: skipped"),
        ("sock", "skip", "a socket, not a regular file: skipped"),
        "empty",  # not there yet: named, it is read, and says it cannot be
        ("empty", "skip", "the folder holds no file that looks like a page"),
    ]


def test_a_pipe_or_device_named_on_the_command_line_is_refused_not_opened(tmp_path) -> None:
    import os

    from dateline.models import Failure

    os.mkfifo(tmp_path / "feed")  # no writer: opening it would wait forever
    for path in (str(tmp_path / "feed"), "/dev/null"):
        [failure] = read_sources([path])
        assert isinstance(failure, Failure) and failure.stage == "read"
        assert "not a regular file" in failure.reason and "'-'" in failure.reason
