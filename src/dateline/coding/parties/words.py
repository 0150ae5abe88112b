"""The tables the party coder reads, once per process.

    load_party_words().light_verbs   -> frozenset({"launch", "carry", ...})   lemmas, lower case
    load_dyads()                     -> {frozenset({"RU", "UA"}), ...}        states at war with each other

``data/en/coding/party_words.txt`` holds the words, ``data/conflict_dyads.csv`` the wars.

Each table's header says what its rows mean; their versions join the stored
coder version (``describe_version`` in this package's ``__init__``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...lexicon import LANGUAGE, read_table, read_word_sets

TABLE = f"{LANGUAGE}/coding/party_words.txt"
DYADS = "conflict_dyads.csv"


@dataclass(frozen=True, slots=True)
class PartyWords:
    """Each kind of word of party_words.txt as a set of lower-case lemmas (phrases for ``agencies``)."""

    version: str
    agent_preps: frozenset[str]
    patient_preps: frozenset[str]
    between_preps: frozenset[str]
    light_verbs: frozenset[str]
    harm_verbs: frozenset[str]
    leave_verbs: frozenset[str]
    suffer_verbs: frozenset[str]
    loss_verbs: frozenset[str]
    setting_preps: frozenset[str]
    speech_verbs: frozenset[str]
    weapons: frozenset[str]
    things: frozenset[str]
    people: frozenset[str]
    back_nouns: frozenset[str]
    enemy_nouns: frozenset[str]
    state_nouns: frozenset[str]
    police_nouns: frozenset[str]
    government_nouns: frozenset[str]
    suspect_nouns: frozenset[str]
    fighter_words: frozenset[str]
    rebel_words: frozenset[str]
    militia_words: frozenset[str]
    identity_words: frozenset[str]
    protester_words: frozenset[str]
    agencies: frozenset[str]


@cache
def load_party_words() -> PartyWords:
    """Every kind of party_words.txt, once per process; a kind the table lacks is empty."""
    sets = read_word_sets(TABLE)
    kinds = {name: frozenset(word.lower() for word in sets.get(name, ()))
             for name in PartyWords.__dataclass_fields__ if name != "version"}
    return PartyWords(version=read_table(TABLE).version, **kinds)


@cache
def load_dyads() -> frozenset[frozenset[str]]:
    """The pairs of states whose forces fight each other (data/conflict_dyads.csv), either way round."""
    return frozenset(frozenset((row[0], row[1])) for row in read_table(DYADS).rows)


def read_dyads_version() -> str:
    return read_table(DYADS).version
