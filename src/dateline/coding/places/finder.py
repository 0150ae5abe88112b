"""Finding place names in running text, and the story context they imply.

Candidate spans are runs of capitalised words ("Kryvyi Rih", "Deir al-Balah"),
with a region word after them ("the Oryol region", "Tula and Lipetsk
regions"), or followed by their state or country ("Gainesville, Fla.",
"Uruapan, Michoacán"). Each is resolved with ``places.resolve_place``; what a
run of capitals cannot be is left out:

- words that open a run only because they open a sentence ("In Kyiv") are
  trimmed when they are on the stoplist;
- a run that is a person's name ("Vladimir Putin", "Lewis Hamilton") is not
  split into places, and its words are not places later on their own
  ("Hamilton said", "Hamilton's death"); a place before a title ("Kyiv Mayor ...") still counts;
- a street is no town: a run ending in a street word ("Prentice Street",
  ``data/en/coding/places_street_words.txt``), one after "block of" or a house number, or
  "on West Highland";
- a state abbreviation ("Man.", "Ind.") counts only with its full stop, so "Man killed" is no province.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from .index import normalize_name
from .model import EMPTY_CONTEXT, Place, PlaceContext, clean_place_name, find_demonym, load_tables, widen_context
from .resolve import resolve_place, split_region_words
from .runs import (
    CAPITALISED,
    RUN,
    count_spaces,
    find_person_words,
    find_runs,
    find_street_names,
    is_on_street,
    is_street,
    load_abbreviations,
    read_title_word,
    split_of,
    split_words,
    trim_run,
)

_PLURAL_REGIONS = re.compile(
    rf"((?:{CAPITALISED}(?:\s+{CAPITALISED}){{0,3}})(?:\s*,\s*{CAPITALISED}(?:\s+{CAPITALISED}){{0,3}}){{0,6}})\s*,?\s+and\s+({CAPITALISED}(?:\s+{CAPITALISED}){{0,3}})\s+"
    r"(regions|provinces|oblasts|states|districts|counties|governorates)\b")
_TRAILING_REGION = re.compile(r"\s+(region|oblast|province|state|district|county|governorate|prefecture"
                              r"|township|raion|krai|territory|department|municipality|tehsil|lga"
                              r"|sub-?division|local government area)\b")
_SINGULAR = {"regions": "region", "provinces": "province", "oblasts": "oblast", "states": "state",
             "districts": "district", "counties": "county", "governorates": "governorate"}  # of _PLURAL_REGIONS
_WITHIN = re.compile(r"(?:[ \t]+(?:village|town|city|hamlet|settlement|area))?[ \t]*,?[ \t]+in[ \t]+(?:the[ \t]+)?"
                     r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|centre|center)"
                     r"[ \t]+of[ \t]+)?(?:[a-z-]+[ \t]+){0,3}?(?=[A-Z])|[ \t]*,[ \t]*(?=[A-Z])")
MIN_PERSON_TOWN_POPULATION = 100_000  # a bigger town keeps its name though a person shares it
MAX_NEIGHBOURS = 20  # places of the text a bare name is read again beside
_REGION_OF = re.compile(r"\b(state|province|region|governorate|prefecture|department|oblast)[ \t]+of[ \t]+$")


@dataclass(slots=True)
class FoundPlaces:
    """The places found so far in one text, and the context they build (one per text)."""

    text: str
    context: PlaceContext
    street_names: frozenset[str]  # names the text gives streets ("Locust" of "Locust Avenue")
    found: list[tuple[int, int, Place]] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)  # sorted, never overlapping
    person_words: set[str] = field(default_factory=set)  # words of people's names: no places alone
    bare: dict[int, tuple[str, PlaceContext, Place | None]] = field(default_factory=dict)  # start -> a
    # bare name, the context it was read in and the region it lies in, to read again (``reread_bare``)

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect.bisect_left(self.taken, (start, end))
        return (at > 0 and self.taken[at - 1][1] > start) or (at < len(self.taken) and self.taken[at][0] < end)

    def keep(self, start: int, end: int, place: Place | None) -> None:
        if place is not None and not self.overlaps(start, end):
            self.found.append((start, end, place))
            bisect.insort(self.taken, (start, end))
            self.context = self.context.with_place(place)


def find_places(text: str, *, context: PlaceContext = EMPTY_CONTEXT) -> list[tuple[int, int, Place]]:
    """Places named in a text, as (start, end, Place) character spans in text order."""
    places = FoundPlaces(text, context, street_names=find_street_names(text))
    read_plural_regions(places)
    for start, end in find_runs(text):
        read_run(places, start, end)
    reread_bare(places)
    return sorted(places.found, key=lambda item: item[0])


def reread_bare(places: FoundPlaces) -> None:
    """Read each bare town or country name again with every other place of the text as its
    neighbours, those named after it too: of the towns called Blahodatne, the one beside the
    Urozhaine the story names next; "Congo" with Brazzaville is the Republic of the Congo. A name
    that no longer resolves keeps its first reading."""
    if len(places.found) < 2:
        return
    for index, (start, end, place) in enumerate(places.found):
        if start not in places.bare or place.precision == "region":
            continue
        name, context, region = places.bare[start]
        others = tuple(other for _, _, other in places.found if other.name != place.name
                       and other.precision != "country")
        again = resolve_place(name, context=replace(context, nearby=others[:MAX_NEIGHBOURS]))
        if again is not None and again != place and (region is None or lies_within(again, region)):
            places.found[index] = (start, end, again)


def read_plural_regions(places: FoundPlaces) -> None:
    """ "the Voronezh, Rostov and Lipetsk regions": each a region."""
    text = places.text
    for match in _PLURAL_REGIONS.finditer(text):
        singular = _SINGULAR[match.group(3)]
        items = [(m.start() + match.start(1), m.end() + match.start(1)) for m in re.finditer(r"[^,]+", match.group(1))]
        items.append((match.start(2), match.end(2)))
        for first, last in items:
            start, end = trim_run(text, first + len(text[first:last]) - len(text[first:last].lstrip()), last)
            places.keep(start, end, resolve_place(f"{text[start:end]} {singular}", context=places.context))


def read_run(places: FoundPlaces, start: int, end: int) -> None:
    """Keep the place a run of capitals names, if it names one (the rules: the module docstring)."""
    if is_no_place(places, start, end) or resolve_run(places, start, end):
        return
    name = places.text[start:end]
    words = name.split()
    if len(words) < 2:
        return
    suffix = find_state_suffix(places.text, start, end, context=places.context)
    if suffix is not None:
        for item in suffix:
            places.keep(*item)
        return
    if read_unit_of(places, start, end):
        return
    prefix = find_place_prefix(places.text, start, words, context=places.context)
    if prefix is not None:
        places.keep(*prefix)  # an outlet ("Denver Post") keeps nothing, and its words are no person's
        return
    split = split_of(name)
    if split is not None:  # "Herbert Harr of Indianapolis": a person, then a place
        places.person_words.update(normalize_name(word) for word in name[:split[0]].split())
        read_run(places, start + split[1], end)
    elif not any(find_demonym(word) for word in words):
        connectors = load_tables().connectors
        titled = [index for index, word in enumerate(words) if read_title_word(word)]
        named = words[titled[-1] + 1:] if titled else words  # "Kenya Red Cross" names no person
        places.person_words.update(normalize_name(word) for word in named if word.lower() not in connectors)


def read_unit_of(places: FoundPlaces, start: int, end: int) -> bool:
    """ "Bokkos Local Government Area of Plateau State", "Pale Township of Sagaing": the unit, then the
    place it lies in; False when the run before "of" names no unit."""
    name = places.text[start:end]
    at = name.rfind(" of ")
    if at <= 0 or split_region_words(normalize_name(clean_place_name(name[:at]))) is None:
        return False
    place = resolve_place(name[:at], context=places.context)
    if place is None or place.precision != "region":
        return False
    places.keep(start, start + at, place)
    read_run(places, start + at + 4, end)
    return True


def is_no_place(places: FoundPlaces, start: int, end: int) -> bool:
    """The run is taken, a word of a person's name or of a street, a street, or a state
    abbreviation without its full stop ("Man killed")."""
    text, name = places.text, places.text[start:end]
    if not name or places.overlaps(start, end):
        return True
    words = name.split()
    key = normalize_name(clean_place_name(name))
    if len(words) == 1 and (key in places.person_words or key in places.street_names and is_on_street(text, start)):
        return True
    if is_street(text, start, end):
        return True
    bare = normalize_name(clean_place_name(name))  # "Man's" is no "Man."
    return (len(words) == 1 and bare in load_abbreviations() and not text.startswith(".", end)
            and bare not in load_tables().admin1.keys() - load_abbreviations())


def resolve_run(places: FoundPlaces, start: int, end: int) -> bool:
    """Keep the run as "state of X", "X region", "X, Fla." or "X"; False when it is none of them."""
    text, name = places.text, places.text[start:end]
    unit = _REGION_OF.search(text, max(0, start - 30), start)  # "the desert state of Chihuahua"
    if unit:
        place = resolve_place(f"{name} {unit.group(1)}", context=places.context)
        if place is not None and place.precision == "region":
            places.keep(start, end, place)
            return True
    region = _TRAILING_REGION.match(text, end)
    if region:
        place = resolve_place(f"{name} {region.group(1)}", context=places.context)
        if place is not None:
            places.keep(start, region.end(), place)
            return True
    within = find_within(text, end, context=places.context)
    if within is not None:  # "the village of X in the Y region": an X there, else none
        context = widen_context(places.context, within)
        place = resolve_place(name, context=context)
        if place is not None and place.precision != "country" and lies_within(place, within):
            places.bare[start] = (name, context, within)
            places.keep(start, end, place)
        return True
    tail = find_enclosing(text, end, context=places.context)
    if tail is not None:
        tail_end, outer = tail
        places.keep(start, end, resolve_place(name, context=widen_context(places.context, outer)))
        comma = text.index(",", end) + 1
        places.keep(comma + count_spaces(text, comma), tail_end, outer)
        return True
    return resolve_bare(places, start, end)


def resolve_bare(places: FoundPlaces, start: int, end: int) -> bool:
    """Keep the run as the place its name alone stands for; False when it stands for none."""
    name = places.text[start:end]
    place = resolve_place(name, context=places.context)
    if place is None:
        return False
    if not is_person_word(places, name, place):  # "Jordan" of Michael Jordan, "Adams" of Eric Adams
        places.bare[start] = (name, places.context, None)
        places.keep(start, end, place)
    return True


def is_person_word(places: FoundPlaces, name: str, place: Place) -> bool:
    """A one-word country or small town that the text uses as a person's name elsewhere."""
    return (" " not in name.strip() and normalize_name(clean_place_name(name)) in find_person_words(places.text)
            and (place.precision == "country" or (place.population or 0) < MIN_PERSON_TOWN_POPULATION))


def find_within(text: str, end: int, *, context: PlaceContext) -> Place | None:
    """The region a name is said to lie in, right after it: "(village) in the (eastern) Donetsk
    region", "in the south of Pale Township", ", Gwoza district" -> that region."""
    within = _WITHIN.match(text, end)
    if within is None:
        return None
    run = RUN.match(text, within.end())
    if run is None:
        return None
    start, stop = trim_run(text, run.start(), run.end())
    word = _TRAILING_REGION.match(text, stop)
    if word is None or start >= stop:
        return None
    region = resolve_place(f"{text[start:stop]} {word.group(1)}", context=context)
    return region if region is not None and region.precision == "region" else None


def lies_within(place: Place, region: Place) -> bool:
    """Whether a place lies in a region: the same country and the same state or province."""
    return place.country == region.country and (not region.admin1 or place.admin1 == region.admin1)


def find_enclosing(text: str, end: int, *, context: PlaceContext) -> tuple[int, Place] | None:
    """A state or country right after a name: ", Fla." / ", Ukraine" -> (its end, its place)."""
    if not text.startswith(",", end):
        return None
    rest = end + 1 + count_spaces(text, end + 1)
    abbreviation = re.match(r"(?:[A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)*|[A-Z]\.[A-Z]\.(?:[A-Z]\.)?)",
                            text[rest:rest + 12])
    if abbreviation:
        found = load_tables().admin1.get(normalize_name(abbreviation.group(0)))
        if found:
            place = resolve_place(abbreviation.group(0), context=context)
            if place is not None:
                return rest + abbreviation.end(), place
    run = RUN.match(text, rest)
    if run is None:
        return None
    candidate = text[rest:run.end()]
    place = resolve_place(candidate, context=context)
    if place is None or place.precision == "place":
        return None
    return run.end(), place


def find_state_suffix(text: str, start: int, end: int, *,
                      context: PlaceContext) -> list[tuple[int, int, Place | None]] | None:
    """A town and its state with no comma between: "Waterbury Connecticut" -> both."""
    words = split_words(text[start:end])
    admin1_names = load_tables().admin1
    for size in (2, 1):
        if len(words) <= size:
            continue
        state_start = start + words[-size][0]
        key = normalize_name(text[state_start:end])
        if key not in admin1_names or key in load_abbreviations():
            continue
        outer = resolve_place(text[state_start:end], context=context)
        head_end = start + words[-size - 1][1]
        inner = resolve_place(text[start:head_end], context=widen_context(context, outer))
        if inner is None or outer is None or inner.admin1 != outer.admin1:
            return None
        return [(start, head_end, inner), (state_start, end, outer)]
    return None


def find_place_prefix(text: str, start: int, words: list[str], *,
                      context: PlaceContext) -> tuple[int, int, Place | None] | None:
    """A place that opens a longer run before a title: "Kyiv Mayor Vitali Klitschko" -> Kyiv,
    "Yuma High School" -> Yuma (``data/en/coding/places_title_words.txt``). Before an outlet's word
    ("Denver Post") the run is no place: (start, end, None)."""
    for size in range(len(words) - 1, 0, -1):
        kind = read_title_word(words[size])
        if kind is None:
            continue
        name = " ".join(words[:size])
        if kind == "media":
            return start, start + len(name), None
        place = resolve_place(name, context=context)
        if place is not None:
            return start, start + len(name), place
    return None
