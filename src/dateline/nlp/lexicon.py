"""The word tables the NLP extractors read, kept as data under ``data/en/nlp/``.

Each table holds one lower-case entry a line (the format: dateline/lexicon.py).
Tables are read once per process.
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import LANGUAGE, read_entries

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
PRONOUNS_GROUP = frozenset({"it", "its", "they", "them", "their"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@lru_cache(maxsize=None)
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
