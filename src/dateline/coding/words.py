"""The bottom of the coder: the words more than one of its parts reads, and numbers.

    parse_number("forty-four") -> 44      digits or English words ("3,200", "a hundred")
    is_number_word("forty-four") -> True
    load_nouns() -> Nouns(people, things) a number before a noun of people counts people
                                          ("18 people"); before a noun of things, never
                                          casualties ("300 missiles", "48 hours") nor a year
                                          ("2000 people")

counts/ and dates/ read these; neither imports the other. The tables are
``data/en/coding/count_people.txt``, ``count_things.txt`` and ``count_grammar.txt``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from ..lexicon import LANGUAGE, read_entries, read_word_sets

NUMBER_LANGUAGE = "en"  # the language text2num reads number words in


@dataclass(frozen=True, slots=True)
class Nouns:
    people: frozenset[str]
    things: frozenset[str]


@cache
def load_nouns() -> Nouns:
    """The nouns of people and of things, lower-cased, once per process."""
    return Nouns(people=frozenset(entry.lower() for entry in read_entries(f"{LANGUAGE}/coding/count_people.txt")),
                 things=frozenset(entry.lower() for entry in read_entries(f"{LANGUAGE}/coding/count_things.txt")))


@cache
def load_number_words() -> frozenset[str]:
    """The words that write a number ("forty", "hundred"), from ``count_grammar.txt``."""
    return frozenset(read_word_sets(f"{LANGUAGE}/coding/count_grammar.txt")["number"])


def parse_number(words: str) -> int | None:
    """The value of a number in digits or English words ("3,200", "forty-four"), else None."""
    text = words.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    try:
        return int(text2num(text.replace("-", " "), NUMBER_LANGUAGE))
    except (ValueError, TypeError):
        return None


def is_number_word(low: str) -> bool:
    """True for 'six', 'forty-four', 'hundred'."""
    number_words = load_number_words()
    return all(part in number_words for part in low.split("-"))
