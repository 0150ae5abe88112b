"""Where a mention happened when its clause names no place: strategies tried in order.

    choose_place(story, mention) -> (places, source)   source: own, paragraph, ahead or guess

``PLACE_STRATEGIES`` is the order, first to last: the clause's own scene (one event per
place of a listed run, scenes.py); the part of the story's country a compass word names ("at a
north-western mine", places/parts.py); the place the paragraph last gave; the places the rest
of the paragraph names in sentences that tell no event of their own (all of them when the
sentence speaks of "three regions"); the scene of the paragraph before; the first fine
place of the next paragraph's opening sentence; the dateline, else the headline's place;
the story's last place before the mention, else a country named before; the story's own
place (its first town or region); the one country its context names (a US local story
whose towns the gazetteer does not know). A place found by any strategy after the
paragraph's is a guess (``Draft.place_source``): such a mention joins the story's event of
its family (merge.py).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from functools import lru_cache

from ...event_types import is_core
from ...lexicon import LANGUAGE, read_entries
from ...models import Span
from ..places import PlaceContext, find_country_part, find_places, lies_in_part, load_gazetteer, make_place
from .clauses import announces_several
from .scenes import Located, choose_scenes, scene_places
from .triggers import find_triggers


NAME = r"[A-Z][\w'\u2019-]+(?:[ -][A-Z][\w'\u2019-]+){0,3}"
COMPASS = (r"(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?")
COMPASS_BEFORE = re.compile(rf"\b({COMPASS})[ \t]+$", re.IGNORECASE)
THE_COUNTRY = re.compile(  # "in the north-west of the country", "the country's east"
    rf"\bin[ \t]+the[ \t]+(?P<of>{COMPASS})(?:[ \t]+part)?[ \t]+of[ \t]+the[ \t]+country\b"
    rf"|\bthe[ \t]+country(?:'s|\u2019s)[ \t]+(?P<own>{COMPASS})\b", re.IGNORECASE)
UNKNOWN_PLACE = re.compile(  # a name the text says is a place: "in nearby X", "the village of X", "X village"
    rf"\b(?:(?P<nearby>nearby)|(?:village|town|hamlet|settlement|locality|community)[ \t]+of)[ \t]+(?:the[ \t]+)?"
    rf"(?P<name>{NAME})|(?P<before>{NAME})[ \t]+(?:village|hamlet|settlement)\b")


@dataclass(frozen=True, slots=True)
class StoryPlaces:
    """What a story offers as a scene, fixed for the story."""

    text: str
    spans: Sequence[Span]  # its sentences
    places: list[Located]  # every place its text names
    fallback: list[Located]  # the dateline, else the headline's place
    main: list[Located]  # the story's own place: the fallback, else its first town or region
    home: list[Located]  # the one country its context names
    opening: list[Located]  # the first town or region the text gives as a scene
    part_country: str | None = None  # the country a compass word's part lies in ("a northern
    # mine"): the story's own place's, none in a local story (its "northern suburbs" are its town's)


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a trigger stands, and what the story told before it."""

    index: int  # its sentence
    sentence: Span
    at: int  # the trigger's start
    scenes: list[Located]  # the scenes its clause names
    paragraph: int  # where its paragraph starts
    paragraph_place: list[Located]  # the scene the paragraph last gave
    last_scene: list[Located]  # the scene of the paragraph before


@dataclass(frozen=True, slots=True)
class PlaceStrategy:
    name: str
    source: str  # Draft.place_source of a place it finds
    find: Callable[[StoryPlaces, Mention], list[Located]]


def take_own_scene(story: StoryPlaces, mention: Mention) -> list[Located]:
    return choose_scenes(story.text, mention.scenes, mention.at) if mention.scenes else []


def take_country_part(story: StoryPlaces, mention: Mention) -> list[Located]:
    """A clause that names no place but a part of the country ("was killed at a southern copper mine",
    "clashes in the south of the country"): that part (places.parts), not the story's own town."""
    if mention.scenes or story.part_country is None:
        return []
    start, end = mention.sentence
    direction = find_compass_part(story.text[start:end])
    place = find_country_part(story.part_country, direction) if direction else None
    return [(-1, -1, place)] if place is not None else []


def read_compass_country(text: str, located: Located, main: list[Located]) -> Located | None:
    """A country written after a compass word ("in north-western Colombia", "southern Lebanon") where
    the story's own place (``main``) does not lie that way: the part of it that way (places.parts) at
    the country's span; None for any other place, or where the story's own place lies in that part."""
    if located[2].precision != "country":
        return None
    found = COMPASS_BEFORE.search(text, max(0, located[0] - 20), located[0])
    if found is None:
        return None
    own = [item[2] for item in main if item[2].country == located[2].country and item[2].precision != "country"]
    if own and lies_in_part(own[0], found.group(1)):
        return None  # "in north-western Pakistan" of a story set in a north-western town: that town
    place = find_country_part(located[2].country, found.group(1))
    return (located[0], located[1], place) if place is not None else None


def find_compass_part(sentence: str) -> str | None:
    """The compass word of "a north-western mine" or "in the west of the country", if the sentence has one."""
    found = THE_COUNTRY.search(sentence)
    if found is not None:
        return found.group("of") or found.group("own")
    found = compile_part_nouns().search(sentence)
    return found.group("compass") if found is not None else None


@lru_cache(maxsize=1)
def compile_part_nouns() -> re.Pattern[str]:
    """ "an eastern gold mine", "the southern province": a compass adjective, up to two words,
    a noun of ``data/en/coding/places_country_parts.txt``."""
    nouns = "|".join(re.escape(noun) for noun in read_entries(f"{LANGUAGE}/coding/places_country_parts.txt"))
    return re.compile(rf"\b(?:a|an|the)[ \t]+(?P<compass>{COMPASS})[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?"
                      rf"(?:{nouns})s?\b(?![ \t]+of[ \t]+[A-Z])")


def take_paragraph_place(_story: StoryPlaces, mention: Mention) -> list[Located]:
    return mention.paragraph_place


def look_ahead(story: StoryPlaces, mention: Mention) -> list[Located]:
    """The places the rest of the paragraph names in sentences that tell no event of their own
    ("Drones hit power plants during the night. The Voronezh governor said ..."): all of them when the
    sentence speaks of several places, else the first."""
    text, places, paragraph = story.text, story.places, mention.paragraph
    found: list[Located] = []
    for first, last in story.spans[mention.index + 1:]:
        start = first + len(text[first:last]) - len(text[first:last].lstrip())
        if text.rfind("\n\n", 0, start + 1) != paragraph:
            break
        cut = text.find("\n\n", start, last)  # a parse may run a sentence across paragraphs
        end = cut if cut >= 0 else last
        if any(trigger.strong and is_core(trigger.type) for trigger in find_triggers(text[start:end])):
            break
        for item in scene_places(text, places, start, end):
            if item[2].precision != "country" and all(item[2].name != other[2].name for other in found):
                found.append(item)
        if cut >= 0:
            break
    return found if announces_several(text[slice(*mention.sentence)]) else found[:1]


def take_last_scene(_story: StoryPlaces, mention: Mention) -> list[Located]:
    return mention.last_scene


def look_next(story: StoryPlaces, mention: Mention) -> list[Located]:
    """For the last sentence of a paragraph that places nothing ("fired rockets at the army's
    command"): the first fine place the next paragraph's opening sentence names, where that
    sentence tells no event of its own ("... projectiles crossing into the area around X")."""
    text, places, spans, index = story.text, story.places, story.spans, mention.index
    start, end = spans[index]
    if text.find("\n\n", end) < 0 or index + 1 >= len(spans):
        return []
    following, stop = spans[index + 1]
    if text.rfind("\n\n", 0, following + 1) <= start:  # the next sentence is still this paragraph
        return []
    cut = text.find("\n\n", following, stop)
    stop = cut if cut >= 0 else stop
    if any(trigger.strong and is_core(trigger.type) for trigger in find_triggers(text[following:stop])):
        return []
    fine = [item for item in scene_places(text, places, following, stop) if item[2].precision != "country"]
    return fine[:1]


def take_place_nearby(story: StoryPlaces, mention: Mention) -> list[Located]:
    """A place the gazetteer does not know, told as near the story's own ("in nearby Nagre"): the
    first town or region the story gives as a scene, not the place the paragraph was at."""
    if mention.scenes or not names_unknown_place(story, mention, kinds=("nearby",)):
        return []
    return story.opening


def take_opening_for_unknown(story: StoryPlaces, mention: Mention) -> list[Located]:
    """A village or town the gazetteer does not know ("the village of Kuburi"): the story's first
    scene rather than its dateline, which may be a capital far away."""
    if mention.scenes or not names_unknown_place(story, mention, kinds=("named",)):
        return []
    return story.opening


def names_unknown_place(story: StoryPlaces, mention: Mention, *, kinds: tuple[str, ...]) -> bool:
    """Whether the mention's clause names, as a place, a name the gazetteer did not resolve."""
    text = story.text
    start, end = mention.sentence
    for match in UNKNOWN_PLACE.finditer(text, start, end):
        kind = "nearby" if match.group("nearby") else "named"
        first = match.start("name") if match.group("name") else match.start("before")
        last = match.end("name") if match.group("name") else match.end("before")
        if kind in kinds and not any(item[0] < last and first < item[1] for item in story.places):
            return True
    return False


def take_fallback(story: StoryPlaces, _mention: Mention) -> list[Located]:
    return story.fallback


def take_place_before(story: StoryPlaces, mention: Mention) -> list[Located]:
    """The story's last town or region before the sentence, else the first country it names; of
    the places that may be a scene where they are named, not where the wounded were taken ("sent to
    X for treatment"), where someone comes from or a border or distance reference ("near the border
    with X")."""
    scenes = [item for item in story.places if is_scene_where_named(story.text, item)]
    before = [item for item in scenes if item[1] <= mention.sentence[0] and item[2].precision != "country"]
    if before:
        return before[-1:]
    countries = [item for item in scenes if item[2].precision == "country"]
    return countries[:1]


def is_scene_where_named(text: str, item: Located) -> bool:
    """Whether the words around a place leave it a possible scene (scenes.py)."""
    return bool(scene_places(text, [item], item[0], item[1]))


def take_main(story: StoryPlaces, _mention: Mention) -> list[Located]:
    return story.main


def take_home(story: StoryPlaces, _mention: Mention) -> list[Located]:
    return story.home


PLACE_STRATEGIES: tuple[PlaceStrategy, ...] = (
    PlaceStrategy("the clause's own scene", "own", take_own_scene),
    PlaceStrategy("the story's first scene, near which an unknown place lies", "own", take_place_nearby),
    PlaceStrategy("the part of the story's country a compass word names", "own", take_country_part),
    PlaceStrategy("the place the paragraph last gave", "paragraph", take_paragraph_place),
    PlaceStrategy("the places the rest of the paragraph names", "ahead", look_ahead),
    PlaceStrategy("the scene of the paragraph before", "guess", take_last_scene),
    PlaceStrategy("the next paragraph's opening place", "guess", look_next),
    PlaceStrategy("the story's first scene, for a village the gazetteer does not know", "guess",
                  take_opening_for_unknown),
    PlaceStrategy("the dateline, else the headline's place", "guess", take_fallback),
    PlaceStrategy("the story's last place before", "guess", take_place_before),
    PlaceStrategy("the story's own place", "guess", take_main),
    PlaceStrategy("the one country the story's context names", "guess", take_home),
)


def choose_place(story: StoryPlaces, mention: Mention) -> tuple[list[Located], str]:
    """The first places a strategy finds, and their source; ([], "guess") when none finds any."""
    for strategy in PLACE_STRATEGIES:
        found = strategy.find(story, mention)
        if found:
            return found, strategy.source
    return [], "guess"


def read_story_places(text: str, spans: Sequence[Span], *, context: PlaceContext,
                      headline: str | None) -> StoryPlaces:
    """The places of a story and its stand-in scenes."""
    places = find_places(text, context=context)
    fallback = read_fallback_places(headline, context=context)
    main = find_main_place(text, places, fallback)
    home = read_home_country(context)
    country = (main or home)[0][2].country if main or home else None
    return StoryPlaces(text=text, spans=spans, places=places, fallback=fallback, main=main, home=home,
                       opening=find_opening_place(text, places),
                       part_country=country if context.home is None else None)


def read_fallback_places(headline: str | None, *, context: PlaceContext) -> list[Located]:
    """The scene the story stands for when a sentence names none: the dateline, else the headline's place."""
    if context.dateline is not None:
        return [(-1, -1, context.dateline)]
    if headline:
        found = [(-1, -1, place) for _, _, place in find_places(headline, context=context)]
        fine = [item for item in found if item[2].precision != "country"]
        return (fine or found)[:1]
    return []


def read_home_country(context: PlaceContext) -> list[Located]:
    """The one country the story is set in, when its context names exactly one (a US local story
    that never names a town the gazetteer knows), as a stand-in scene."""
    if len(context.countries) != 1:
        return []
    gazetteer = load_gazetteer()
    row = gazetteer.country_rows.get(context.countries[0])
    return [(-1, -1, make_place(gazetteer, row))] if row is not None else []


def find_main_place(text: str, places: list[Located], fallback: list[Located]) -> list[Located]:
    """The story's own place: the dateline or headline place, else the first scene of the text."""
    if fallback:
        return fallback
    scenes = scene_places(text, places, 0, len(text))
    fine = [item for item in scenes if item[2].precision != "country"]
    return fine[:1]


def find_opening_place(text: str, places: list[Located]) -> list[Located]:
    """The first town or region the text gives as a scene."""
    for item in places:
        if item[2].precision != "country" and scene_places(text, [item], item[0], item[1]):
            return [item]
    return []
