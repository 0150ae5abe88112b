"""Bytes to text: byte-order marks, declared charsets, UTF-16 without a BOM,
UTF-8, then charset-normalizer, and last UTF-8 with each invalid byte read as
cp1252 (the mix that broken pages most often are). Binary files are told apart
from text here too, by their magic numbers or their control characters.

Legacy labels follow the WHATWG encoding standard: a page that says latin-1 or
ASCII is read as cp1252, as browsers do.
"""
from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

log = logging.getLogger(__name__)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Leading bytes of formats that are never a page: (prefix, what it is).
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# Encodings web pages are written in, preferred over DOS and Mac code pages that fit as well.
WEB_ENCODINGS = frozenset({
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_8", "iso8859_9", "iso8859_15", "koi8_r", "koi8_u",
    "shift_jis", "euc_jp", "gb18030", "gb2312", "big5", "euc_kr", "cp949", "tis_620", "cp874",
})
CHAOS_TOLERANCE = 0.05

_LEGACY = {"latin-1": "cp1252", "latin1": "cp1252", "iso-8859-1": "cp1252", "iso8859-1": "cp1252",
           "iso_8859_1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252"}
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_CP1252_FALLBACK = "dateline-cp1252"


def _read_invalid_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    bad = exc.object[exc.start:exc.end]  # type: ignore[attr-defined]
    return bad.decode("cp1252", "replace"), exc.end  # type: ignore[attr-defined]


codecs.register_error(_CP1252_FALLBACK, _read_invalid_as_cp1252)


def describe_binary(head: bytes) -> str | None:
    """What binary format ``head`` starts with, or None if it may be text."""
    for prefix, what in MAGIC:
        if head.startswith(prefix):
            return what
    if head[:4] == b"RIFF" and head[8:12] in RIFF_KINDS:
        return RIFF_KINDS[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    return None


def normalise_encoding(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None if unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = _LEGACY.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.6 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def control_share(text: str) -> float:
    """The share of characters that never occur in text (NUL, bell, ...)."""
    sample = text[:8192]
    return len(_CONTROL.findall(sample)) / len(sample) if sample else 0.0


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Text and the encoding it was read from. Never raises on bad bytes."""
    marked = decode_marked(data)
    if marked is not None:
        return marked
    declared = normalise_encoding(declared)
    if declared and not declared.startswith("utf-16"):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            log.debug("declared charset %s does not fit the bytes; guessing", declared)
    return decode_undeclared(data)


def decode_marked(data: bytes) -> tuple[str, str] | None:
    """Text read by its byte-order mark, or as UTF-16 told by its NUL bytes; None without either."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, "replace"), encoding
    utf16 = guess_utf16(data)
    return (data.decode(utf16, "replace"), utf16) if utf16 else None


def decode_undeclared(data: bytes) -> tuple[str, str]:
    """UTF-8; else charset-normalizer's guess; else UTF-8 with each invalid byte read as cp1252."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        return _decode_broken_utf8(data, exc.start)


def _decode_broken_utf8(data: bytes, first_bad: int) -> tuple[str, str]:
    """Bytes that are not UTF-8 from ``first_bad`` on: UTF-8 with a few broken bytes stays UTF-8
    (the strays read as cp1252); else the encoding charset_normalizer guesses, if any."""
    invalid = _count_invalid_utf8(data, first_bad)
    valid = len(_UTF8_MULTIBYTE.findall(data))
    guessed = None if valid and valid >= invalid else _guess_with_charset_normalizer(data)
    if guessed:
        return data.decode(guessed, "replace"), guessed
    return data.decode("utf-8", _CP1252_FALLBACK), "utf-8 (invalid bytes read as cp1252)"


def _count_invalid_utf8(data: bytes, start: int) -> int:
    tail = data[start:]
    return tail.decode("utf-8", "replace").count("\ufffd") - tail.count(b"\xef\xbf\xbd")


def _guess_with_charset_normalizer(data: bytes) -> str | None:
    matches = list(from_bytes(data[:262144]))
    if not matches:
        return None
    best = matches[0]
    # Short pages leave several code pages close; the ones pages are written in win.
    close = [m for m in matches if m.chaos <= best.chaos + CHAOS_TOLERANCE]
    for match in close:
        if "cp1252" in match.could_be_from_charset:
            return "cp1252"
    for match in close:
        if match.encoding in WEB_ENCODINGS:
            return normalise_encoding(match.encoding) or match.encoding
    return normalise_encoding(best.encoding) or best.encoding
