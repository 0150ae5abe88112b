"""How much work an input holds, found cheaply before any of it is read into pages: its
unpacked size and how many records (pages, or failures in their place) reading it gives.
The API measures every upload this way before it takes it (api/uploads.py).

    measure_input(path, fmt=None, max_records=N, max_unpacked=B) -> InputSize
        gzip            unpacked in a first pass, in C, stopped past ``max_unpacked`` bytes
        WARC            its records counted (warcio), payloads neither read nor decoded
        JSON Lines      its non-blank lines counted a chunk at a time (blank lines in bulk)
        anything else   one page (none when it holds only whitespace)

Past ``max_unpacked`` bytes or ``max_records`` records it raises InputTooLarge, saying
which limit; a damaged gzip stream is a ReadError. The format is told as ``read_source``
tells it (``fmt`` forces one), so the count is what reading would give.
"""
from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, cast

from warcio.archiveiterator import ArchiveIterator

from ..errors import InputTooLarge, ReadError
from .jsonl import looks_like_jsonl
from .text import format_size

CHUNK = 1 << 20
HEAD_BYTES = 65536
_NON_BLANK_LINE = re.compile(rb"^[ \t\r\f\v]*[^ \t\r\f\v\n]", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class InputSize:
    records: int         # pages (or failures in their place) reading the input gives
    unpacked_bytes: int  # its size once gzip is undone
    kind: str            # warc, jsonl or page


def measure_input(path: str, *, fmt: str | None = None, max_records: int, max_unpacked: int) -> InputSize:
    """The size of the input at ``path``; InputTooLarge past either limit (module docstring)."""
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
        packed = head.startswith(b"\x1f\x8b")
        unpacked = _measure_gzip(stream, path, max_unpacked) if packed else _file_size(stream)
        if unpacked > max_unpacked:
            raise InputTooLarge(path, f"the input is over the {format_size(max_unpacked)} limit")
        stream.seek(0)
        inner = _first_bytes(stream, packed)
        if fmt == "warc" or (fmt is None and inner.startswith(b"WARC/")):
            stream.seek(0)
            return InputSize(_count_warc_records(stream, path, max_records), unpacked, "warc")
        stream.seek(0)
        lines = cast(BinaryIO, gzip.GzipFile(fileobj=stream, mode="rb")) if packed else stream
        if fmt == "jsonl" or (fmt is None and looks_like_jsonl(inner.lstrip(b"\xef\xbb\xbf"))):
            return InputSize(_count_lines(lines, path, max_records), unpacked, "jsonl")
        blank = not any(chunk.strip() for chunk in _chunks(lines))
        return InputSize(0 if blank else 1, unpacked, "page")


def _file_size(stream: BinaryIO) -> int:
    return stream.seek(0, 2)


def _first_bytes(stream: BinaryIO, packed: bool) -> bytes:
    if not packed:
        return stream.read(HEAD_BYTES)
    unpacker = zlib.decompressobj(zlib.MAX_WBITS | 16)
    return unpacker.decompress(stream.read(HEAD_BYTES), HEAD_BYTES)


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK):
        yield chunk


def _measure_gzip(stream: BinaryIO, path: str, limit: int) -> int:
    """Bytes the gzip stream (every member of it) unpacks to, stopping once past ``limit``."""
    stream.seek(0)
    unpacker = zlib.decompressobj(zlib.MAX_WBITS | 16)
    total = 0
    try:
        for read in _chunks(stream):
            pending = read
            while pending:
                total += len(unpacker.decompress(pending, CHUNK))
                if total > limit:
                    return total
                pending = unpacker.unconsumed_tail
                if unpacker.eof:  # another member follows (a .warc.gz has one per record)
                    pending = unpacker.unused_data + pending
                    unpacker = zlib.decompressobj(zlib.MAX_WBITS | 16)
    except zlib.error as exc:
        raise ReadError(path, f"gzip data is damaged ({exc})") from exc
    return total


def _count_lines(stream: BinaryIO, path: str, limit: int) -> int:
    """Non-blank lines, counted a chunk at a time; past ``limit`` an InputTooLarge."""
    count, rest = 0, b""
    try:
        for chunk in _chunks(stream):
            data = rest + chunk
            cut = data.rfind(b"\n") + 1  # whole lines now; a line cut by the chunk waits for its end
            count += sum(1 for _ in _NON_BLANK_LINE.finditer(data, 0, cut))
            rest = data[cut:]
            if count > limit:
                raise InputTooLarge(path, f"the input holds more than {limit:,} lines")
    except (OSError, EOFError, zlib.error) as exc:
        raise ReadError(path, f"compressed data is damaged or cut short ({exc})") from exc
    return count + (1 if rest.strip() else 0)


def _count_warc_records(stream: BinaryIO, path: str, limit: int) -> int:
    """Records of the WARC that can be pages (responses, resources); past ``limit`` an InputTooLarge.
    A damaged file counts up to the damage: reading it will say where."""
    count = 0
    try:
        for record in ArchiveIterator(stream, check_digests=False):
            if record.rec_type in ("response", "resource"):
                count += 1
                if count > limit:
                    raise InputTooLarge(path, f"the input holds more than {limit:,} WARC records")
    except InputTooLarge:
        raise
    except Exception:  # warcio raises several kinds on a broken file; the read records it
        return count + 1
    return count
