"""Casualty counts, the bottom layer: the ``Count`` record, the word lists and the tokens.

    load_lexicon()          every ``data/en/coding/count_*.txt`` list, once per process
    read_lexicon(name)      one data file as (version, rows)
    tokenize_text(text)     word, number and punctuation tokens with character offsets
    parse_number(words)     "3,200", "forty-four" -> int

See counts.py for the rules that read the tokens.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from ..lexicon import LANGUAGE, Row, read_table

TOKEN = re.compile(
    r"\d{1,2}:\d{2}"  # clock time
    r"|\d+(?:st|nd|rd|th)\b"  # ordinal
    r"|(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:-[A-Za-z]+)*)(?![A-Za-z0-9])"  # 3,200  7.0  14-year-old
    r"|(?:[A-Z]+(?![a-z])|[A-Z]?[a-z]+)(?:\.[A-Za-z])?(?:[-'\u2019][A-Za-z]+)*(?![0-9])"  # "comA man": two words glued
    r"|\w+"  # glued junk such as "6abc" or "20s": never a number
    r"|[^\w\s]"
)
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million".split()
)
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "dozen": 12}
STOP = frozenset(
    "the a an this that these those who which whom whose what when where while after before in on at by "
    "for from with without into onto over under near across during of to as than and or but nor , . ; : "
    "( ) ! ? \" \u201c \u201d ' said says say told".split()
)


@dataclass(frozen=True, slots=True)
class Count:
    """One casualty figure the text gives: ``value`` people ``field``.

    ``exact`` is False for bounded ("at least 44"), vague ("dozens") and summed
    figures' bounded parts; ``rule`` names the rule that read it.
    """

    field: str
    value: int
    span: tuple[int, int]
    qualifier: str | None = None
    exact: bool = True
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CountLexicon:
    version: str
    words: dict[str, tuple[str, str]]  # word -> (field, roles)
    bridges: dict[str, str]
    people: frozenset[str]
    things: frozenset[str]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]  # longest phrases first
    vague: dict[str, int]
    markers: dict[tuple[str, ...], str]
    subjects: dict[str, str]


def read_lexicon(name: str) -> tuple[str, tuple[Row, ...]]:
    """A table of ``data/en/coding/`` as (version, rows), through the package's one loader."""
    table = read_table(f"{LANGUAGE}/coding/{name}")
    return table.version, table.rows


@lru_cache(maxsize=1)


def load_lexicon() -> CountLexicon:
    """Every count_*.txt list, read once per process."""
    versions, tables = [], {}
    for name in ("words", "bridges", "people", "things", "qualifiers", "vague", "markers", "subjects"):
        version, rows = read_lexicon(f"count_{name}.txt")
        versions.append(version)
        tables[name] = rows
    qualifiers = sorted(
        ((tuple(row[0].lower().split()), row[1]) for row in tables["qualifiers"]), key=lambda item: -len(item[0])
    )
    return CountLexicon(
        version="+".join(versions),
        words={row[0]: (row[1], row[2]) for row in tables["words"]},
        bridges={row[0]: row[1] for row in tables["bridges"]},
        people=frozenset(row[0].lower() for row in tables["people"]),
        things=frozenset(row[0].lower() for row in tables["things"]),
        qualifiers=tuple(qualifiers),
        vague={row[0]: int(row[1]) for row in tables["vague"]},
        markers={tuple(row[0].split()): row[1] for row in tables["markers"]},
        subjects={row[0]: row[1] for row in tables["subjects"]},
    )


COUNTS_VERSION = "counts-4"

def describe_version() -> str:
    """The version to store next to counts: the code's and every word list's."""
    return f"{COUNTS_VERSION}+{load_lexicon().version}"


def tokenize_text(text: str) -> list[Token]:
    """Word, number and punctuation tokens with their character offsets."""
    return [Token(m.group(0), m.group(0).lower(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def parse_number(words: str) -> int | None:
    """The value of a number in digits or English words ("3,200", "forty-four"), else None."""
    text = words.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    try:
        return int(text2num(text.replace("-", " "), "en"))
    except (ValueError, TypeError):
        return None


def is_number_word(low: str) -> bool:
    """True for 'six', 'forty-four', 'hundred'."""
    return all(part in NUMBER_WORDS for part in low.split("-"))
