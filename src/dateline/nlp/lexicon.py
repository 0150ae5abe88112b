"""The word tables the NLP extractors read, kept as data under ``data/en/nlp/``.

Each table holds one lower-case entry a line (the format: dateline/lexicon.py).
Tables are read once per process.
"""
from __future__ import annotations

from functools import cache

from ..lexicon import LANGUAGE, read_entries, read_word_sets

_GRAMMAR = read_word_sets(f"{LANGUAGE}/nlp/grammar.txt")
PRONOUNS_PERSON = frozenset(_GRAMMAR["person_pronouns"])
PRONOUNS_GROUP = frozenset(_GRAMMAR["group_pronouns"])
PRONOUNS_SINGULAR_GROUP = frozenset(_GRAMMAR["singular_group"])
DETERMINERS = frozenset(_GRAMMAR["determiners"])
FIRST_PERSON = frozenset(_GRAMMAR["first_person"])


@cache
def load_table(name: str) -> frozenset[str]:
    """The entries of ``data/en/nlp/<name>.txt`` as a set of lower-case strings."""
    return frozenset(entry.lower() for entry in read_entries(f"{LANGUAGE}/nlp/{name}.txt"))


def speech_verbs() -> frozenset[str]:
    return load_table("speech_verbs")


def title_words() -> frozenset[str]:
    return load_table("titles")


def person_nouns() -> frozenset[str]:
    return load_table("person_nouns")


def document_nouns() -> frozenset[str]:
    return load_table("document_nouns")


def place_cues() -> frozenset[str]:
    return load_table("place_cues")


@cache
def role_groups() -> dict[str, frozenset[str]]:
    """Each role noun with the others of its group (``data/en/nlp/role_nouns.txt``)."""
    groups: dict[str, frozenset[str]] = {}
    for nouns in read_word_sets(f"{LANGUAGE}/nlp/role_nouns.txt").values():
        group = frozenset(nouns)
        for word in group:
            groups[word] = group
    return groups
