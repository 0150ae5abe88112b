"""The event coder's word lists, read from ``data/en/coding/event_*.txt`` once per process.

    event_triggers.txt   type, pattern, strength ("strong" codes on its own, "weak" needs support)
    event_cues.txt       negation, hypothetical, planned, claimed, denied and historical cues
    event_places.txt     words that make a place a landmark, not the scene ("near X", "from X"),
                         and the nouns of places a force can take ("the town", "the base")

Each file carries a ``# version:`` line; ``describe_version()`` joins them with the
code's version, and that string is stored with every event (``Event.coder_version``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lexicon import LANGUAGE, Row, read_table
from ..counts import describe_version as describe_counts_version
from ..dates import describe_version as describe_dates_version
from ..parties import describe_version as describe_parties_version

# 5: issue 11 scope, merging, types (events), scenes for unknown villages (places); 6: actors and targets
CODER_VERSION = "events-10"

# The families whose tolls are harm done: a weak mention ("twelve people were killed") takes the
# story's type, a sentence's figures with no event of their own join the event told last, and a
# list of places with figures breaks the toll down (triggers.py, figures.py, breakdown.py).
TOLL_FAMILIES = frozenset({"violence", "disaster"})
AFTER_KINDS = ("actor", "part")
NOUN_KINDS = ("territory",)
AREA_KINDS = ("wide",)  # words before a place that make it an area told across ("across Gaza")


@dataclass(frozen=True, slots=True)
class TriggerRule:
    type: str
    pattern: re.Pattern[str]
    strong: bool


@dataclass(frozen=True, slots=True)
class EventLexicon:
    version: str
    triggers: tuple[TriggerRule, ...]
    cues: dict[str, re.Pattern[str]]  # kind -> pattern over the lower-cased clause
    place_cues: dict[str, re.Pattern[str]]  # near / origin -> pattern that ends just before a place
    actor_after: re.Pattern[str] | None = None  # matches at the start of the text after an actor place
    part_after: re.Pattern[str] | None = None  # "'s eastern suburbs": a possessive that stays a scene
    territory: re.Pattern[str] | None = None  # nouns of places a force takes ("the village", "the base")
    wide: re.Pattern[str] | None = None  # ends just before a place told as a whole area ("across Gaza")


def compile_words(alternatives: list[str], *, anchor_end: bool = False) -> re.Pattern[str]:
    body = "|".join(f"(?:{alt})" for alt in alternatives)
    tail = r"\s*$" if anchor_end else r"(?![\w-])"
    return re.compile(rf"(?<![\w-])(?:{body}){tail}")


def compile_after(alternatives: list[str] | None, *, reach: int = 0) -> re.Pattern[str] | None:
    """A pattern for the words right after a place (``reach`` words may come first)."""
    if not alternatives:
        return None
    body = "|".join(f"(?:{alt})" for alt in alternatives)
    skip = rf"(?:[\w-]+\s+){{0,{reach}}}" if reach else ""
    return re.compile(rf"^\s*{skip}(?:{body})(?![\w-])", re.IGNORECASE)


def read_coding_table(name: str) -> tuple[str, tuple[Row, ...]]:
    table = read_table(f"{LANGUAGE}/coding/{name}")
    return table.version, table.rows


@lru_cache(maxsize=1)
def load_event_lexicon() -> EventLexicon:
    """Every event_*.txt table, compiled, once per process."""
    versions = []
    version, rows = read_coding_table("event_triggers.txt")
    versions.append(version)
    triggers = tuple(TriggerRule(row[0], re.compile(rf"(?<![\w-])(?:{row[1]})(?![\w-])", re.IGNORECASE),
                                 row[2] == "strong" if len(row) > 2 else True) for row in rows)
    version, rows = read_coding_table("event_cues.txt")
    versions.append(version)
    cues: dict[str, list[str]] = {}
    for row in rows:
        cues.setdefault(row[0], []).extend(row[1].split("|"))
    version, rows = read_coding_table("event_places.txt")
    versions.append(version)
    after = {row[0]: row[1].split("|") for row in rows if row[0] in AFTER_KINDS}
    place_cues = {row[0]: compile_words(row[1].split("|"), anchor_end=True) for row in rows
                  if row[0] not in AFTER_KINDS + NOUN_KINDS + AREA_KINDS}
    wide = [word for row in rows if row[0] in AREA_KINDS for word in row[1].split("|")]
    nouns = {row[0]: row[1].split("|") for row in rows if row[0] in NOUN_KINDS}
    return EventLexicon(
        version="+".join(versions),
        triggers=triggers,
        cues={kind: compile_words(words) for kind, words in cues.items()},
        place_cues=place_cues,
        actor_after=compile_after(after.get("actor")),
        part_after=compile_after(after.get("part"), reach=2),
        territory=compile_words(nouns["territory"]) if "territory" in nouns else None,
        wide=compile_words(wide, anchor_end=True) if wide else None,
    )


def describe_version() -> str:
    """The version stored with events: the coder's and every lexicon's, and the party coder's."""
    return (f"{CODER_VERSION}+{load_event_lexicon().version}+{describe_counts_version()}+{describe_dates_version()}"
            f"+{describe_parties_version()}")

