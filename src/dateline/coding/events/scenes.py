"""Where an event happened: the scene among the places a story names.

    scene_places(text, places, start, end)   the places of a sentence that can be a scene
    split_listed(text, places)               places named as a list ("Voronezh, Tula
                                             and Lipetsk regions"): one event each
    choose_near(places, at)                  the place nearest after the trigger, else before

A place that only locates another ("near Tyre", "north of Kyiv") or says where
someone comes from ("citizens of Tajikistan") is not a scene (``data/en/coding/event_places.txt``).
A country gives way to any finer place of the sentence, and a region to a place
inside it ("Zeya village, Myaing Township, Magway Region" is one scene).

    takes_territory(text, places, start, end, ...)   whether a territory change names the place taken

A territory change names what was taken, held or left: a place name or a place noun
("the town", "the base") as the object after the trigger ("captured the town", "occupied
Zeya"), or as the subject before a passive trigger or "fell to" ("the base was
seized", "Vuhledar fell to Russian forces"). "Captured the suspect", "seized 15 guns",
"captured on video" and "fell to the ground" name no place: they are no territory change.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ...models import Span
from ..places import Place
from .lexicon import load_event_lexicon

LISTED = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+|\s*,\s*or\s+)(?:the\s+)?$", re.IGNORECASE)
CUE_REACH = 40
DISTANCE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*-?\s*(km|kms|kilomet(?:er|re)s?|mi|miles?)\b[^.;]*$", re.IGNORECASE)
KM_PER_MILE = 1.609
NEAR_LANDMARK_KM = 60.0  # a landmark farther than this from the scene stands in for nothing

Located = tuple[int, int, Place]


COUNTRY_SCENE = re.compile(r"(?:\b(?:in|across|on|at|over|into|throughout|inside|within|to)\s+(?:the\s+)?"
                           r"(?:[a-z-]+\s+)?|(?-i:[A-Z][\w.'-]*)\s*[,(]\s*)$", re.IGNORECASE)
SCENE_BEFORE = re.compile(r"\b(?:in|across|on|at|over|into|throughout|inside|within|hit|struck|targeted)\s+$",
                          re.IGNORECASE)
POSSESSIVE = re.compile(r"^\s*['\u2019]s\b")
OWNED_NAME = re.compile(r"\s+(?:[a-z-]+\s+)?[A-Z]")  # after "'s": "(new) Northern Command"
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
NAME_AFTER = re.compile(r"^\s+(?:the\s+)?[A-Z]")
OBJECT_REACH = 80  # characters after the trigger that may name what was taken


def read_cue(text: str, start: int) -> str | None:
    """``near``, ``origin`` or ``care`` when the words before a place make it a landmark, an origin or
    where the wounded were taken, ``far`` for a landmark the scene lies far from ("400 kilometers south
    of Cairo"); None when they make it the scene ("struck a hospital in X", "in nearby X")."""
    before = text[max(0, start - CUE_REACH):start]
    before = re.sub(r"(?:the\s+)?(?:city|town|village|region|province|state)\s+of\s+$", "", before,
                    flags=re.IGNORECASE)
    before = re.sub(r"(?:the\s+)$", "", before, flags=re.IGNORECASE).lower()
    for kind, pattern in load_event_lexicon().place_cues.items():
        if pattern.search(before):
            if kind == "near" and is_far(before):
                return "far"
            return None if kind == "scene" else kind
    return None


def is_far(before: str) -> bool:
    """Whether a distance before a landmark puts the scene far from it ("400 kilometers south of")."""
    distance = DISTANCE.search(before)
    if distance is None:
        return False
    amount = float(distance.group(1).replace(",", ""))
    return amount * (KM_PER_MILE if distance.group(2).startswith("mi") else 1.0) > NEAR_LANDMARK_KM


def is_actor(text: str, start: int, end: int) -> bool:
    """A place that acts or owns is not a scene: "Moscow's missiles", "New Delhi said".

    A possessive stays a scene where it names a part of the place ("Kyiv's suburbs") or
    follows a preposition of place ("strikes on Russia's energy grid")."""
    lex = load_event_lexicon()
    after = text[end:end + 60]
    if text[max(start, end - 2):end] in ("'s", "\u2019s"):  # the span may hold the possessive
        after = text[end - 2:end + 60]
    if lex.actor_after is None or not lex.actor_after.match(after):
        return False
    possessive = POSSESSIVE.match(after)
    if possessive is None:
        return True
    if lex.part_after is not None and lex.part_after.match(after[possessive.end():]):
        return False
    return not SCENE_BEFORE.search(text[max(0, start - 20):start])


def is_country_scene(text: str, start: int) -> bool:
    """A country is a scene only where a preposition places something in it ("in Ukraine"),
    not where it acts ("Russia fired ...", "Israel's army")."""
    return bool(COUNTRY_SCENE.search(text[max(0, start - 30):start]))


def owns_a_name(text: str, end: int) -> bool:
    """A country that owns a named thing ("at Israel's Northern Command", "Russia's Black Sea Fleet"):
    the scene is that thing, somewhere in the country, not the country as a whole."""
    after = text[end:end + CUE_REACH]
    if text[max(0, end - 2):end] not in ("'s", "\u2019s"):
        possessive = POSSESSIVE.match(after)
        if possessive is None:
            return False
        after = after[possessive.end():]
    return OWNED_NAME.match(after) is not None


def scene_places(text: str, places: list[Located], start: int, end: int) -> list[Located]:
    """The places of text[start:end] that may be where something happened, finest first kept.

    A landmark ("near Tyre") stands in only when the sentence names no other scene."""
    inside, landmarks = [], []
    for item in places:
        if not (start <= item[0] and item[1] <= end):
            continue
        if item[2].precision == "country" and (not is_country_scene(text, item[0]) or owns_a_name(text, item[1])):
            continue
        if is_actor(text, item[0], item[1]):
            continue
        cue = read_cue(text, item[0])
        if cue is None:
            inside.append(item)
        elif cue == "near":
            landmarks.append(item)
    fine = [item for item in inside if item[2].precision != "country"]
    near = [item for item in landmarks if item[2].precision == "place"]
    if near and fine and all(item[2].precision == "region" for item in fine):
        fine = near[:1]  # "found near Uruapan, in Michoacán state": the landmark is closer
    if not fine:
        fine = [item for item in landmarks if item[2].precision != "country"][:1]
    if not fine:
        return inside[:1] if inside else []
    return keep_finest(fine)


def keep_finest(fine: list[Located]) -> list[Located]:
    """Each scene once, a region giving way to a place inside it ("Zeya village, Magway Region")."""
    kept: list[Located] = []
    for item in fine:
        place = item[2]
        same = next((i for i, other in enumerate(kept)
                     if other[2].country == place.country and place.admin1 and other[2].admin1 == place.admin1
                     and (other[2].precision == "region" or place.precision == "region")), None)
        if same is None:
            if not any(other[2].name == place.name and other[2].country == place.country for other in kept):
                kept.append(item)
        elif kept[same][2].precision == "region" and place.precision == "place":
            kept[same] = item
    return kept


def split_listed(text: str, places: list[Located]) -> list[list[Located]]:
    """The places in runs: places joined only by commas and "and" form one run."""
    runs: list[list[Located]] = []
    for item in places:
        if runs and LISTED.match(text[runs[-1][-1][1]:item[0]]):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def choose_scenes(text: str, places: list[Located], trigger_start: int) -> list[Located]:
    """The scene(s) of a trigger: a listed run of places is several scenes, else the one nearest."""
    if not places:
        return []
    runs = split_listed(text, places)
    after = [run for run in runs if run[0][0] >= trigger_start]
    before = [run for run in runs if run[0][0] < trigger_start]
    run = after[0] if after else before[-1]
    return run


def takes_territory(text: str, places: list[Located], start: int, end: int, *, sentence: Span,
                    persons: Sequence[Span] = ()) -> bool:
    """Whether the territory change at text[start:end] names a place taken (see the module docstring).

    ``persons`` are the spans of people's names: "captured Pedro Ortiz" takes no place."""
    territory = load_event_lexicon().territory
    cut = CLAUSE_BREAK.search(text, end, sentence[1])
    stop = min(cut.start() if cut else sentence[1], end + OBJECT_REACH)
    if any(end <= item[0] < stop for item in places):
        return True
    after = text[end:stop]
    if territory is not None and territory.search(after.lower()):
        return True
    name = NAME_AFTER.match(after)
    if name is not None and not any(first <= end + name.end() - 1 < last for first, last in persons):
        return True
    if not (text[start:end].lower().startswith("fell") or PASSIVE_BEFORE.search(text[sentence[0]:start])):
        return False
    breaks = list(CLAUSE_BREAK.finditer(text, sentence[0], start))
    begin = breaks[-1].end() if breaks else sentence[0]
    if any(begin <= item[0] < start for item in places):
        return True
    return territory is not None and bool(territory.search(text[begin:start].lower()))
