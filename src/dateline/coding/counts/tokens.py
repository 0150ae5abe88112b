"""Casualty counts, the bottom layer: the ``Count`` record, the word lists and the tokens.

    load_lexicon()          every ``data/en/coding/count_*.txt`` table, once per process
    tokenize_text(text)     word, number and punctuation tokens with character offsets
    describe_version()      the version stored next to counts

Numbers in words and the nouns of people and things are read in ../words.py; the
rules that read the tokens are listed in reader.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...lexicon import LANGUAGE, read_table, read_word_sets
from ..words import load_nouns

TOKEN = re.compile(
    r"\d{1,2}:\d{2}"  # clock time
    r"|\d+(?:st|nd|rd|th)\b"  # ordinal
    r"|(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:-[A-Za-z]+)*)(?![A-Za-z0-9])"  # 3,200  7.0  14-year-old
    r"|(?:[A-Z]+(?![a-z])|[A-Z]?[a-z]+)(?:\.[A-Za-z])?(?:[-'\u2019][A-Za-z]+)*(?![0-9])"  # "comA man": two words glued
    r"|\w+"  # glued junk such as "6abc" or "20s": never a number
    r"|[^\w\s]"
)
COUNTS_VERSION = "counts-6"
VERSIONED = ("words", "bridges", "people", "things", "qualifiers", "vague", "markers", "subjects", "scales",
             "grammar")  # in the version


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
class CountGrammar:
    """The small words the count rules read (``data/en/coding/count_grammar.txt``, one set per kind)."""

    stop: frozenset[str]
    object_start: frozenset[str]
    object_bound: frozenset[str]
    suffering: frozenset[str]
    harms: frozenset[str]
    leaving: frozenset[str]
    subordinators: frozenset[str]
    bodies: frozenset[str]
    body_hedges: tuple[str, ...]  # in order: the rule looks back as many words as it holds
    zero: frozenset[str]
    toll: frozenset[str]
    possessive: frozenset[str]
    name_openers: frozenset[str]
    ordinals: dict[str, int]  # "third" -> 3
    one_more: frozenset[str]
    toll_verbs: frozenset[str]  # "rose", "raised": a toll's verb, which may follow the toll's own modifier
    care: frozenset[str]
    care_places: frozenset[str]
    body_nouns: frozenset[str]
    definite: frozenset[str]
    death_nouns: frozenset[str]
    multiples: dict[str, int]  # "double" -> 2
    two_dead: frozenset[str]


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
    scales: dict[str, int]  # "hundred" -> 100, "dozen" -> 12
    grammar: CountGrammar


def read_grammar() -> CountGrammar:
    sets = read_word_sets(f"{LANGUAGE}/coding/count_grammar.txt")

    def words(kind: str) -> frozenset[str]:
        return frozenset(sets[kind])

    return CountGrammar(stop=words("stop"), object_start=words("object_start"), object_bound=words("object_bound"),
                        suffering=words("suffering"), harms=words("harms"), leaving=words("leaving"),
                        subordinators=words("subordinators"), bodies=words("bodies"),
                        body_hedges=sets["body_hedges"], zero=words("zero"), toll=words("toll"),
                        possessive=words("possessive"), name_openers=words("name_openers"),
                        ordinals={word: place + 2 for place, word in enumerate(sets["ordinal"])},
                        one_more=words("one_more"), toll_verbs=words("toll_verbs"), care=words("care"),
                        care_places=words("care_places"),
                        body_nouns=words("body_nouns"), definite=words("definite"),
                        death_nouns=words("death_nouns"), two_dead=words("two_dead"),
                        multiples={word: place + 2 for place, word in enumerate(sets["multiples"])})


@cache
def load_lexicon() -> CountLexicon:
    """Every count_*.txt table, read once per process."""
    tables = {name: read_table(f"{LANGUAGE}/coding/count_{name}.txt") for name in VERSIONED}
    rows = {name: table.rows for name, table in tables.items() if name != "grammar"}
    qualifiers = sorted(
        ((tuple(row[0].lower().split()), row[1]) for row in rows["qualifiers"]), key=lambda item: -len(item[0])
    )
    nouns = load_nouns()
    return CountLexicon(
        version="+".join(table.version for table in tables.values()),
        words={row[0]: (row[1], row[2]) for row in rows["words"]},
        bridges={row[0]: row[1] for row in rows["bridges"]},
        people=nouns.people,
        things=nouns.things,
        qualifiers=tuple(qualifiers),
        vague={row[0]: int(row[1]) for row in rows["vague"]},
        markers={tuple(row[0].split()): row[1] for row in rows["markers"]},
        subjects={row[0]: row[1] for row in rows["subjects"]},
        scales={row[0]: int(row[1]) for row in rows["scales"]},
        grammar=read_grammar(),
    )


def describe_version() -> str:
    """The version to store next to counts: the code's and every word list's."""
    return f"{COUNTS_VERSION}+{load_lexicon().version}"


def tokenize_text(text: str) -> list[Token]:
    """Word, number and punctuation tokens with their character offsets."""
    return [Token(m.group(0), m.group(0).lower(), m.start(), m.end()) for m in TOKEN.finditer(text)]
