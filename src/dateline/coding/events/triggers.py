"""Event triggers in a sentence: which words name an event, and of which type.

    find_triggers(sentence) -> [Trigger(type, start, end, strong)]   sentence order

Every pattern of ``data/en/coding/event_triggers.txt`` is tried; where matches overlap the
longest wins, then the one listed first (so "drone strike" beats "strike", and
"shot down" beats "shot"). ``group_triggers`` then keeps one trigger per event
family and sentence: weak triggers ("killed", "attacked") stand only where no
strong trigger of a core type names the event already.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...event_types import is_core, name_family
from ..regex_screen import Screen, make_screen
from .lexicon import TOLL_FAMILIES, load_event_lexicon


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    start: int
    end: int
    strong: bool
    text: str


def find_triggers(sentence: str) -> list[Trigger]:
    """Every trigger of one sentence, overlaps resolved, in sentence order.

    The coder asks again for sentences it has read (a paragraph's next sentence, the
    story type's opening lines), so the answer is remembered per sentence text."""
    return list(_find_triggers(sentence))


@lru_cache(maxsize=1)
def load_trigger_screens() -> tuple[Screen | None, ...]:
    """One screen per trigger rule, in the lexicon's order (regex_screen.py)."""
    return tuple(make_screen(rule.pattern) for rule in load_event_lexicon().triggers)


@lru_cache(maxsize=4096)
def _find_triggers(sentence: str) -> tuple[Trigger, ...]:
    found: list[tuple[int, int, int, Trigger]] = []
    lowered = sentence.lower()
    for rank, (rule, screen) in enumerate(zip(load_event_lexicon().triggers, load_trigger_screens(), strict=True)):
        if screen is not None and not screen.may_match(sentence, lowered):
            continue  # none of the words that open this rule's matches is in the sentence
        for match in rule.pattern.finditer(sentence):
            if match.end() > match.start():
                trigger = Trigger(rule.type, match.start(), match.end(), rule.strong, match.group(0))
                found.append((-(match.end() - match.start()), rank, match.start(), trigger))
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    kept: list[Trigger] = []
    for _, _, _, trigger in found:
        if any(trigger.start < other.end and other.start < trigger.end for other in kept):
            continue
        kept.append(trigger)
    return tuple(sorted(kept, key=lambda trigger: trigger.start))


def group_triggers(triggers: list[Trigger], *, story_type: str | None = None) -> list[Trigger]:
    """One trigger per family of a sentence: its first strong one, else its first weak one (one
    naming a weapon or act before bare harm).

    A sentence whose only core triggers are weak takes the story's main core type
    (``story_type``): "twelve people were killed" in an earthquake story is the quake.
    """
    triggers = merge_street_clashes(triggers)
    strong_core = [t for t in triggers if t.strong and is_core(t.type)]
    chosen: dict[str, Trigger] = {}
    for trigger in triggers:
        if not trigger.strong:
            continue
        key = name_family(trigger.type) if is_core(trigger.type) else trigger.type
        chosen.setdefault(key, trigger)
    if not strong_core:
        weak = [t for t in triggers if not t.strong and is_core(t.type)]
        if weak:
            # a weapon or act named among the weak words ("died when their bus ran over a
            # landmine") tells the type better than the bare harm ("killed": attack)
            first = next((t for t in weak if t.type != "attack" and name_family(t.type) == name_family(weak[0].type)),
                         weak[0])
            if (story_type and story_type != first.type and name_family(first.type) in TOLL_FAMILIES
                    and name_family(story_type) in TOLL_FAMILIES):
                first = Trigger(story_type, first.start, first.end, False, first.text)
            chosen.setdefault(name_family(first.type), first)
    return sorted(chosen.values(), key=lambda trigger: trigger.start)


def merge_street_clashes(triggers: list[Trigger]) -> list[Trigger]:
    """Clashes told with protesters or rioting in the same sentence are street clashes: one riot
    ("clashes between protesters and police", "amid looting and clashes across the city")."""
    clash = next((t for t in triggers if t.strong and t.type in ("armed_clash", "riot")), None)
    if clash is None or not any(t.type == "protest" or (t.type == "riot" and t is not clash) for t in triggers):
        return triggers
    riot = Trigger("riot", clash.start, clash.end, True, clash.text)
    return [riot if t is clash else t for t in triggers if t.type != "protest"]


def tells_of_protest(texts: list[str]) -> bool:
    """The texts (a story's headline and opening) tell of protest or rioting."""
    return any(trigger.type in ("protest", "riot") for text in texts for trigger in find_triggers(text))


def retype_street_clashes(triggers: list[Trigger], sentence: str, *, harm: bool = False) -> list[Trigger]:
    """In a story of protest, clashes that name no armed group are street clashes: a riot
    ("six bodies at the hospital after the clashes in X"); and, with ``harm`` (a story of riots),
    so are deaths and injuries told with no act and no armed people ("two people died in a blaze at
    a looted store"): the unrest's."""
    armed = load_event_lexicon().cues.get("armed_actor")
    if armed is not None and armed.search(sentence.lower()):
        return triggers
    if harm and not any(t.strong and is_core(t.type) for t in triggers):  # "two died in a blaze at a looted store"
        triggers = [Trigger("riot", t.start, t.end, False, t.text)
                    if t.type == "attack" and t.text.lower() in HARM_WORDS else t for t in triggers]
    return [Trigger("riot", t.start, t.end, t.strong, t.text)
            if t.type == "armed_clash" and t.text.lower().startswith(("clash", "skirmish")) else t for t in triggers]


# Bare harm with no act named: in a story of protest, with no armed people in the sentence, the
# dead and hurt of the unrest (retype_street_clashes).
HARM_WORDS = frozenset({"died", "dead", "killed", "wounded", "injured"})


def retype_arson(triggers: list[Trigger], sentence: str) -> list[Trigger]:
    """Arson by armed people ("armed men set fire to a row of shops") is their attack, not a riot."""
    lex = load_event_lexicon()
    arson, armed = lex.cues.get("arson"), lex.cues.get("armed_actor")
    if arson is None or armed is None or not armed.search(sentence.lower()):
        return triggers
    return [Trigger("attack", t.start, t.end, t.strong, t.text) if t.type == "riot" and arson.search(t.text.lower())
            else t for t in triggers]


def find_story_type(texts: list[str]) -> str | None:
    """The core type the story's strong triggers name most (ties: the earliest)."""
    tally: dict[str, int] = {}
    for text in texts:
        for trigger in find_triggers(text):
            if trigger.strong and is_core(trigger.type) and trigger.type not in ("arrest", "protest"):
                tally[trigger.type] = tally.get(trigger.type, 0) + 1
    return max(tally, key=lambda kind: tally[kind]) if tally else None
