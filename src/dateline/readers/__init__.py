"""Readers: one module per input format; ``read_sources`` picks one per source.

    source ──▶ list_inputs ──▶ one input (a file, or '-' for standard input)
                                 ├── WARC / WARC.gz   warc.py    a page per response record
                                 ├── JSON Lines (.gz) jsonl.py   a page per line
                                 ├── HTML             html.py    one page
                                 └── plain text       text.py    one page

The format is read from the content (``fmt`` forces it); gzip is unpacked on
the way. A folder is walked recursively in sorted order, taking the files whose
names look like pages; every other file it holds (other names, pipes, sockets,
devices) is a ``Failure`` of stage ``skip`` with the reason, never opened.
Whatever cannot be read becomes a ``Failure`` with a one-line reason, and the
next input is read.
"""
from __future__ import annotations

import gzip
import logging
import os
import shutil
import stat
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from ..errors import InputTooLarge, ReadError
from ..models import Failure, Page
from ..settings import DEFAULT_MAX_PAGE_BYTES
from .decode import describe_binary
from .html import read_page
from .jsonl import looks_like_jsonl, read_jsonl
from .text import check_page_size, format_size
from .warc import SKIP_STAGE, read_warc

__all__ = ["FORMATS", "SKIP_STAGE", "STDIN", "describe_special_file", "list_inputs", "read_source", "read_sources",
           "walk_inputs"]

log = logging.getLogger(__name__)

FORMATS = ("text", "html", "warc", "jsonl")
STDIN = "-"
STDIN_SOURCE = "<stdin>"
# Names a folder walk takes; a file named on the command line is always read.
PAGE_SUFFIXES = (".txt", ".text", ".htm", ".html", ".xhtml", ".shtml", ".warc", ".jsonl", ".ndjson", ".wet")
HEAD_BYTES = 65536


def list_inputs(sources: Iterable[str]) -> Iterator[str]:
    """Each source as the inputs it holds: folders walked, sorted, hidden names skipped."""
    for item in walk_inputs(sources):
        if isinstance(item, str):
            yield item


def walk_inputs(sources: Iterable[str]) -> Iterator[str | Failure]:
    """Each source as the inputs it holds (a path, or '-'), and a record of stage ``skip`` with
    the reason for every file a folder holds that is not read: a name that does not look like
    a page, or no regular file (a named pipe would hang the run, a device never end). A folder
    with nothing to read says so too, so that every path the user named is accounted for.
    Hidden names (``.git``, ``.cache``) are left out without a word."""
    for source in sources:
        if source != STDIN and os.path.isdir(source):
            yield from _walk_folder(source)
        else:
            yield source


def _walk_folder(folder: str) -> Iterator[str | Failure]:
    found: list[tuple[str, str | Failure]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            special = describe_special_file(path)
            if special:
                found.append((path, Failure(path, SKIP_STAGE, f"{special}, not a regular file: skipped")))
            elif _named_like_page(name):
                found.append((path, path))
            else:
                log.info("skipping %s: its name does not look like a page", path)
                found.append((path, Failure(path, SKIP_STAGE, "its name does not look like a page "
                                            "(name the file itself to read it)")))
    if not any(isinstance(item, str) for _, item in found):
        yield Failure(folder, SKIP_STAGE, "the folder holds no file that looks like a page")
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def _named_like_page(name: str) -> bool:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return lower.endswith(PAGE_SUFFIXES) or "." not in lower


SPECIAL_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                 (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def describe_special_file(path: str) -> str | None:
    """What a path is when it is neither a regular file nor missing ('a named pipe'), else None.
    Looked up with stat, which never opens it: opening a pipe with no writer waits forever."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # missing or unreadable: reading it says why
    if stat.S_ISREG(mode):
        return None
    return next((kind for check, kind in SPECIAL_KINDS if check(mode)), "not a regular file")


def read_sources(sources: Iterable[str], *, fmt: str | None = None,
                 max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> Iterator[Page | Failure]:
    """Every page in the sources, in order; '-' (or no source at all) reads standard input."""
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    sources = list(sources) or [STDIN]
    for source in walk_inputs(sources):
        if isinstance(source, Failure):
            yield source
        else:
            yield from read_source(source, fmt=fmt, max_page_bytes=max_page_bytes)


def read_source(source: str, *, fmt: str | None = None,
                max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> Iterator[Page | Failure]:
    """The pages of one file (or '-'), each a Page or a Failure with its reason. A path that
    is no regular file (a pipe, a socket, a device) is not opened: it is a Failure saying what
    it is; pipe its bytes to standard input ('-') to read them."""
    name = STDIN_SOURCE if source == STDIN else source
    special = None if source == STDIN else describe_special_file(source)
    if special:
        yield Failure(name, "read", f"{special}, not a regular file: dateline reads files, folders and "
                      "standard input; pipe it in with '-' instead")
        return
    try:
        with _open_input(source, max_page_bytes=max_page_bytes) as stream:
            yield from _read_stream(stream, name, fmt=fmt, max_page_bytes=max_page_bytes)
    except ReadError as exc:
        yield Failure(name, "read", exc.reason, exc.offset)
    except OSError as exc:
        yield Failure(name, "read", f"cannot read: {exc.strerror or exc}")


def _open_input(source: str, *, max_page_bytes: int) -> BinaryIO:
    if source != STDIN:
        return open(source, "rb")  # noqa: SIM115 - closed by the caller's with
    spool = tempfile.SpooledTemporaryFile(max_size=max_page_bytes + 1)  # noqa: SIM115
    shutil.copyfileobj(sys.stdin.buffer, spool)
    spool.seek(0)
    return spool  # type: ignore[return-value]


def _stream_size(stream: BinaryIO) -> int:
    here = stream.tell()
    size = stream.seek(0, os.SEEK_END)
    stream.seek(here)
    return size


def _read_stream(stream: BinaryIO, name: str, *, fmt: str | None,
                 max_page_bytes: int) -> Iterator[Page | Failure]:
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    size = _stream_size(stream)
    packed = head.startswith(b"\x1f\x8b")
    inner = _gunzip_head(head, name) if packed else head
    if fmt == "warc" and not inner.startswith(b"WARC/"):
        raise ReadError(name, "not a WARC file: it does not start with a WARC/1.x record header")
    if fmt == "warc" or (fmt is None and inner.startswith(b"WARC/")):
        yield from read_warc(stream, name, max_page_bytes=max_page_bytes, size=size)
        return
    if packed:
        stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
    if fmt == "jsonl" or (fmt is None and looks_like_jsonl(inner.lstrip(b"\xef\xbb\xbf"))):
        try:
            yield from read_jsonl(stream, name, max_page_bytes=max_page_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            yield Failure(name, "read", f"compressed file is damaged or cut short ({exc})")
        return
    if not packed:
        check_page_size(size, name, max_page_bytes=max_page_bytes)
    what = describe_binary(inner[:64])
    if what:
        raise ReadError(name, f"binary file (looks like {what}), not a page")
    data = _read_limited(stream, name, max_page_bytes=max_page_bytes)
    yield read_page(data, name, max_page_bytes=max_page_bytes, fmt=fmt)


def _gunzip_head(head: bytes, name: str) -> bytes:
    """The first unpacked bytes of a gzip file (of a gzip member, for WARC.gz)."""
    unpacker = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        return unpacker.decompress(head, HEAD_BYTES)
    except zlib.error as exc:
        raise ReadError(name, f"gzip file is damaged ({exc})") from exc


def _read_limited(stream: BinaryIO, name: str, *, max_page_bytes: int) -> bytes:
    try:
        data = stream.read(max_page_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ReadError(name, f"compressed file is damaged or cut short ({exc})") from exc
    if len(data) > max_page_bytes:
        raise InputTooLarge(name, f"page is over the {format_size(max_page_bytes)} limit "
                            "(raise it with --max-page-bytes or DATELINE_MAX_PAGE_BYTES)")
    return data
