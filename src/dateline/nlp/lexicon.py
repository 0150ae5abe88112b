"""The word tables the NLP extractors read, kept as data under ``nlp/patterns/``.

Each table is a text file, one lower-case entry a line, ``#`` starting a comment.
Tables are read once per process.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
PRONOUNS_GROUP = frozenset({"it", "its", "they", "them", "their"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@lru_cache(maxsize=None)
def load_table(name: str) -> frozenset[str]:
    """The entries of ``patterns/<name>.txt`` as a set of lower-case strings."""
    text = resources.files("dateline.nlp").joinpath("patterns", f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))


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


@lru_cache(maxsize=None)
def role_groups() -> dict[str, frozenset[str]]:
    """Each role noun with the others of its group (``patterns/role_nouns.txt``)."""
    groups: dict[str, frozenset[str]] = {}
    for line in load_table("role_nouns"):
        group = frozenset(word.strip() for word in line.split(",") if word.strip())
        for word in group:
            groups[word] = group
    return groups
