"""Pattern tables of the flat-text cleaner, kept as data under ``data/en/clean/``.

Each table is a text file in the package's one format (dateline/lexicon.py). Regular
expression tables are compiled case-insensitively and matched against a whole
line; word tables are returned as lower-cased sets; mapping tables hold
``key<TAB>value`` rows.
"""
from __future__ import annotations

import re
from functools import cache

from ..lexicon import LANGUAGE, read_entries, read_table, read_word_sets


def read_rows(name: str) -> list[str]:
    """The entries of ``data/en/clean/<name>.txt``, in order."""
    return list(read_entries(f"{LANGUAGE}/clean/{name}.txt"))


@cache
def load_regexes(name: str) -> tuple[re.Pattern[str], ...]:
    """A table of regular expressions, each to be matched against a whole line."""
    return tuple(re.compile(rf"(?:{entry.strip()})\Z", re.IGNORECASE) for entry in read_rows(name))


@cache
def load_words(name: str) -> frozenset[str]:
    """A table of words or phrases, lower-cased."""
    return frozenset(entry.strip().lower() for entry in read_rows(name))


@cache
def load_mapping(name: str) -> dict[str, str]:
    """A table of ``key<TAB>value`` rows; keys lower-cased."""
    mapping: dict[str, str] = {}
    for row in read_table(f"{LANGUAGE}/clean/{name}.txt").rows:
        key, value = row[0], row[1] if len(row) > 1 else ""
        mapping[key.lower()] = value or key
    return mapping


@cache
def load_word_sets(name: str) -> dict[str, frozenset[str]]:
    """A table of ``kind<TAB>a|b|c`` rows: kind -> its words, lower-cased."""
    return {kind: frozenset(word.lower() for word in words)
            for kind, words in read_word_sets(f"{LANGUAGE}/clean/{name}.txt").items()}


def match_any(name: str, text: str) -> re.Pattern[str] | None:
    """The first pattern of table ``name`` that matches the whole of ``text``, if any."""
    for pattern in load_regexes(name):
        if pattern.match(text):
            return pattern
    return None
