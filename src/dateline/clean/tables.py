"""Pattern tables of the flat-text cleaner, kept as data under ``patterns/``.

Each table is a text file: one entry a line, ``#`` starts a comment line. Regular
expression tables are compiled case-insensitively and matched against a whole
line; word tables are returned as lower-cased sets; mapping tables hold
``key<TAB>value`` rows.
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

PACKAGE = "dateline.clean"


def read_table(name: str) -> list[str]:
    """The non-comment, non-blank entries of ``patterns/<name>.txt``, in order."""
    text = resources.files(PACKAGE).joinpath("patterns", f"{name}.txt").read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def load_regexes(name: str) -> tuple[re.Pattern[str], ...]:
    """A table of regular expressions, each to be matched against a whole line."""
    return tuple(re.compile(rf"(?:{entry.strip()})\Z", re.IGNORECASE) for entry in read_table(name))


@cache
def load_words(name: str) -> frozenset[str]:
    """A table of words or phrases, lower-cased."""
    return frozenset(entry.strip().lower() for entry in read_table(name))


@cache
def load_mapping(name: str) -> dict[str, str]:
    """A table of ``key<TAB>value`` rows; keys lower-cased."""
    mapping: dict[str, str] = {}
    for entry in read_table(name):
        key, _, value = entry.partition("\t")
        mapping[key.strip().lower()] = value.strip() or key.strip()
    return mapping


def match_any(name: str, text: str) -> re.Pattern[str] | None:
    """The first pattern of table ``name`` that matches the whole of ``text``, if any."""
    for pattern in load_regexes(name):
        if pattern.match(text):
            return pattern
    return None
