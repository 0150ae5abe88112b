"""Finding place names in running text, and the story context they imply.

Candidate spans are runs of capitalised words ("Chasiv Yar", "Deir al-Balah"),
with a region word after them ("the Oryol region", "Kursk and Belgorod
regions"), or followed by their state or country ("Gainesville, Fla.",
"Cordoba, Veracruz"). Each is resolved with ``places.resolve_place``; what a
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
from collections import Counter

from functools import lru_cache

from .gazetteer import KIND_COUNTRY, load_gazetteer, normalize_name, read_data_lines, read_data_rows
from .places import (
    Place,
    clean_place_name,
    PlaceContext,
    find_demonym,
    is_stopword,
    load_tables,
    resolve_place,
    widen_context,
)

_CAP = r"(?:(?:al|el|ad|ar|as|ash|an|at|ed|ad|ibn|bin)[-‑])?[A-ZÀ-ÖØ-Þ][\w'’‑-]*"
_CAP_FIRST = rf"(?:(?:St|ST|Ste|STE|Mt|MT)\.(?=[ \t]+[A-Z])|{_CAP})"  # "St. Louis", "Mt. Vernon"; not "Main St."
_DATE_AFTER_ON = (r"(?![ \t]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June"
                  r"|July|August|September|October|November|December)\b)")  # "in Kabul on Monday"
_JOIN = rf"(?:[ \t]+(?:of[ \t]+the|de[ \t]+la|of|de|del|la|le|du|da|dos|das|do|upon|on{_DATE_AFTER_ON}|am|sur|al|el|the)[ \t]+|[ \t]+|-)"
RUN = re.compile(rf"(?<![\w'’-]){_CAP_FIRST}(?:{_JOIN}{_CAP})*")
_PLURAL_REGIONS = re.compile(
    rf"((?:{_CAP}(?:\s+{_CAP}){{0,3}})(?:\s*,\s*{_CAP}(?:\s+{_CAP}){{0,3}}){{0,6}})\s*,?\s+and\s+({_CAP}(?:\s+{_CAP}){{0,3}})\s+"
    r"(regions|provinces|oblasts|states|districts|counties|governorates)\b")
_TRAILING_REGION = re.compile(r"\s+(region|oblast|province|state|district|county|governorate|prefecture"
                              r"|township|raion|krai|territory|department|municipality)\b")
_REGION_OF = re.compile(r"\b(state|province|region|governorate|prefecture|department|oblast)[ \t]+of[ \t]+$")
_SINGULAR = {"regions": "region", "provinces": "province", "oblasts": "oblast", "states": "state",
             "districts": "district", "counties": "county", "governorates": "governorate"}
_STREET_BEFORE = re.compile(r"(?:\bblocks?\s+of|\bat\s+\d+(?:\s*-\s*\d+)?|\bintersection\s+of|\bcorner\s+of)"
                            r"(?:\s+(?:north|south|east|west|[NSEW]\.?))?\s+$", re.IGNORECASE)
_STREET_ON = re.compile(r"\bon\s+(?:north|south|east|west|[NSEW]\.?)\s+$", re.IGNORECASE)
_STREET_PREPOSITION = re.compile(r"\b(?:on|onto|along|off|down|up|at|near|of)\s+$", re.IGNORECASE)
MAX_RUN_WORDS = 8  # a longer run of capitals is a title or a heading, not a place name
_CONNECTORS = frozenset({"of", "de", "del", "la", "le", "du", "da", "dos", "das", "do", "upon", "on",
                         "am", "sur", "al", "el", "the"})


@lru_cache(maxsize=1)
def load_street_words() -> frozenset[str]:
    return frozenset(normalize_name(line) for line in read_data_lines("places_street_words.txt"))


@lru_cache(maxsize=1)
def load_abbreviations() -> frozenset[str]:
    """Keys of the state abbreviations that are also words ("man", "ind", "miss")."""
    names = [row["name"] for row in read_data_rows("places_admin1_names.csv")]
    return frozenset(normalize_name(name) for name in names if name.endswith("."))


@lru_cache(maxsize=16384)
def is_street(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a street: "Prentice Street", "the 6100 block of Page",
    "30 Porter", "on West Highland", "at Mathis and Prentice Street"."""
    words = text[start:end].split()
    streets = load_street_words()
    if normalize_name(words[-1]) in streets:
        return True
    after = re.match(r"\s+([A-Z][a-z]*\.?)", text[end:end + 12])
    if after and normalize_name(after.group(1)) in streets:
        return True
    before = text[max(0, start - 40):start]
    if _STREET_BEFORE.search(before):
        return True
    if len(words) == 1 and _STREET_ON.search(before):
        return True
    return False


def split_words(run: str) -> list[tuple[int, int]]:
    """Offsets of the space-separated words of a run."""
    return [(match.start(), match.end()) for match in re.finditer(r"\S+", run)]


@lru_cache(maxsize=16384)
def trim_run(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop stoplisted openers and edge connectors ("In Kyiv" -> "Kyiv"); a country's full name
    ("Republic of the Congo") stays whole. Remembered: a story's runs are read by the home
    vote, the context scan and the place finder alike."""
    gazetteer = load_gazetteer()
    while start < end:
        if any(gazetteer.kinds[row] == KIND_COUNTRY for row, _ in gazetteer.lookup(normalize_name(text[start:end]))):
            break
        words = split_words(text[start:end])
        first = text[start + words[0][0]:start + words[0][1]]
        if len(words) > 1 and (is_stopword(first) or first.lower() in _CONNECTORS):
            start += words[1][0]
            continue
        last = text[start + words[-1][0]:start + words[-1][1]]
        if len(words) > 1 and last.lower() in _CONNECTORS:  # not stopwords: "White House" is no "White"
            end = start + words[-2][1]
            continue
        break
    return start, end


def find_place_spans(text: str, *, context: PlaceContext) -> list[tuple[int, int, Place]]:
    found: list[tuple[int, int, Place]] = []
    taken: list[tuple[int, int]] = []  # sorted, never overlapping

    def overlaps(start: int, end: int) -> bool:
        at = bisect.bisect_left(taken, (start, end))
        return (at > 0 and taken[at - 1][1] > start) or (at < len(taken) and taken[at][0] < end)

    def keep(start: int, end: int, place: Place | None) -> None:
        nonlocal context
        if place is not None and not overlaps(start, end):
            found.append((start, end, place))
            bisect.insort(taken, (start, end))
            context = context.with_place(place)

    for match in _PLURAL_REGIONS.finditer(text):
        singular = _SINGULAR[match.group(3)]
        items = [(m.start() + match.start(1), m.end() + match.start(1)) for m in re.finditer(r"[^,]+", match.group(1))]
        items.append((match.start(2), match.end(2)))
        for start, end in items:
            start, end = trim_run(text, start + len(text[start:end]) - len(text[start:end].lstrip()), end)
            keep(start, end, resolve_place(f"{text[start:end]} {singular}", context=context))

    person_words: set[str] = set()
    street_names = find_street_names(text)

    def read_run(start: int, end: int) -> None:
        name = text[start:end]
        if not name or overlaps(start, end):
            return
        words = name.split()
        key = normalize_name(clean_place_name(name))
        if len(words) == 1 and (key in person_words or key in street_names and is_on_street(text, start)):
            return
        if is_street(text, start, end):
            return
        if (len(words) == 1 and normalize_name(name) in load_abbreviations() and not text.startswith(".", end)
                and normalize_name(name) not in load_tables()[2].keys() - load_abbreviations()):
            return  # "Man killed": a state abbreviation only with its full stop
        unit = _REGION_OF.search(text, max(0, start - 30), start)  # "the Gulf coast state of Veracruz"
        if unit:
            place = resolve_place(f"{name} {unit.group(1)}", context=context)
            if place is not None and place.precision == "region":
                keep(start, end, place)
                return
        region = _TRAILING_REGION.match(text, end)
        if region:
            place = resolve_place(f"{name} {region.group(1)}", context=context)
            if place is not None:
                keep(start, region.end(), place)
                return
        tail = find_enclosing(text, end, context=context)
        if tail is not None:
            tail_end, outer = tail
            inner = resolve_place(name, context=widen_context(context, outer))
            keep(start, end, inner)
            keep(text.index(",", end) + 1 + count_spaces(text, text.index(",", end) + 1), tail_end, outer)
            return
        place = resolve_place(name, context=context)
        if place is not None:
            keep(start, end, place)
            return
        if len(words) > 1:
            suffix = find_state_suffix(text, start, end, context=context)
            if suffix is not None:
                for item in suffix:
                    keep(*item)
                return
            prefix = find_place_prefix(text, start, words, context=context)
            if prefix is not None:
                keep(*prefix)  # an outlet ("Denver Post") keeps nothing, and its words are no person's
                return
            split = split_of(name)
            if split is not None:  # "Herbert Harr of Indianapolis": a person, then a place
                person_words.update(normalize_name(word) for word in name[:split[0]].split())
                read_run(start + split[1], end)
            elif not any(find_demonym(word) for word in words):
                person_words.update(normalize_name(word) for word in words if word.lower() not in _CONNECTORS)

    for match in RUN.finditer(text):
        if match.group(0).count(" ") < MAX_RUN_WORDS:
            read_run(*trim_run(text, match.start(), match.end()))
    found.sort(key=lambda item: item[0])
    return found


def split_of(name: str) -> tuple[int, int] | None:
    """(end of the head, start of the tail) of "Herbert Harr of Indianapolis"; None when the head
    names an office ("University of Michigan", "Department of Justice")."""
    from .place_home import read_title_word

    at = name.rfind(" of ")
    if at <= 0 or any(read_title_word(word) for word in name[:at].split()):
        return None
    return at, at + 4


def find_street_names(text: str) -> frozenset[str]:
    """The names a text gives streets ("Locust" of "Locust Avenue"): alone later, still a street."""
    streets = load_street_words()
    found = set()
    for match in RUN.finditer(text):
        words = match.group(0).split()
        if len(words) > 1 and normalize_name(words[-1]) in streets:
            found.add(normalize_name(" ".join(words[:-1])))
    return frozenset(found)


def is_on_street(text: str, start: int) -> bool:
    """Whether the words before a name place something on a street ("a turn onto Locust")."""
    return bool(_STREET_PREPOSITION.search(text[max(0, start - 12):start]))


def count_spaces(text: str, at: int) -> int:
    return len(text[at:]) - len(text[at:].lstrip())


def find_enclosing(text: str, end: int, *, context: PlaceContext) -> tuple[int, Place] | None:
    """A state or country right after a name: ", Fla." / ", Ukraine" -> (its end, its place)."""
    if not text.startswith(",", end):
        return None
    rest = end + 1 + count_spaces(text, end + 1)
    abbreviation = re.match(r"(?:[A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)*|[A-Z]\.[A-Z]\.(?:[A-Z]\.)?)", text[rest:rest + 12])
    if abbreviation:
        found = load_tables()[2].get(normalize_name(abbreviation.group(0)))
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


def find_state_suffix(text: str, start: int, end: int, *, context: PlaceContext) -> list[tuple[int, int, Place | None]] | None:
    """A town and its state with no comma between: "Waterbury Connecticut" -> both."""
    words = split_words(text[start:end])
    admin1_names = load_tables()[2]
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


def find_place_prefix(text: str, start: int, words: list[str], *, context: PlaceContext) -> tuple[int, int, Place | None] | None:
    """A place that opens a longer run before a title: "Kyiv Mayor Vitali Klitschko" -> Kyiv,
    "Yuma High School" -> Yuma (``data/en/coding/places_title_words.txt``). Before an outlet's word
    ("Denver Post") the run is no place: (start, end, None)."""
    from .place_home import read_title_word

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


def scan_story_context(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Countries (by name or demonym) and US states / Canadian provinces a story names, in order."""
    gazetteer = load_gazetteer()
    _, _, admin1_names, ambiguous, _ = load_tables()
    countries: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    admin1: dict[tuple[str, str], int] = {}
    for match in RUN.finditer(text):
        if match.group(0).count(" ") >= MAX_RUN_WORDS:
            continue
        start, end = trim_run(text, match.start(), match.end())
        run = clean_place_name(text[start:end])
        words = run.split()  # a demonym closing a longer run is a surname ("Lt. Aaron Turk")
        codes = [find_country(gazetteer, run), find_demonym(run)] + [find_demonym(word) for word in words[:-1]]
        for code in filter(None, codes):
            countries[code] += 1
            first_seen.setdefault(code, match.start())
        key = normalize_name(run)
        if key in load_abbreviations() and not text.startswith(".", end):
            continue  # "I'll", "Ind": a state abbreviation only with its full stop (the loop below)
        if key not in admin1_names:
            key = find_state_prefix(key, admin1_names, ambiguous) or find_state_suffix_key(key, admin1_names)
        if key in admin1_names:
            if key in ambiguous and not (text[:match.start()].rstrip().endswith(",")
                                         or text.startswith(" state", match.end())):
                continue
            admin1.setdefault(admin1_names[key], match.start())
    for match in re.finditer(r"(?<![\w.])(?:[A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)*|[A-Z]\.[A-Z]\.)", text):
        key = normalize_name(match.group(0))
        found = admin1_names.get(key)
        if found and (key not in ambiguous or text[:match.start()].rstrip().endswith(",")):
            admin1.setdefault(found, match.start())
    for code, _ in admin1.items():
        countries[code[0]] += 1
        first_seen.setdefault(code[0], admin1[code])
    ordered = sorted(countries, key=lambda code: first_seen[code])
    return tuple(ordered), tuple(sorted(admin1, key=admin1.get))


def find_state_prefix(key: str, admin1_names: dict, ambiguous: frozenset[str]) -> str:
    """The state a longer name opens with: "vermont state police" -> "vermont" ("" when none).
    Only full, unambiguous names ("Ohio State", not "Washington Post" or "Miss Jones")."""
    words = key.split()
    for size in range(min(3, len(words) - 1), 0, -1):
        prefix = " ".join(words[:size])
        if prefix in admin1_names and prefix not in ambiguous and len(prefix) > 4:
            return prefix
    return ""


def find_state_suffix_key(key: str, admin1_names: dict) -> str:
    """The full state name that closes a longer name: "waterbury connecticut" -> "connecticut"."""
    words = key.split()
    for size in (2, 1):
        suffix = " ".join(words[-size:])
        if len(words) > size and suffix in admin1_names and len(suffix) > 4 and suffix not in load_abbreviations():
            return suffix
    return ""


def find_country(gazetteer, name: str) -> str | None:
    """The country a name stands for; of two ("Congo"), the more populous (the DRC)."""
    if is_stopword(name):
        return None
    rows = [row for row, _ in gazetteer.lookup(normalize_name(name)) if gazetteer.kinds[row] == KIND_COUNTRY]
    return gazetteer.countries[max(rows, key=lambda row: gazetteer.population[row])] if rows else None


@lru_cache(maxsize=1)
def load_us_cues() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line, re.IGNORECASE) for line in read_data_lines("places_us_cues.txt"))


def count_us_cues(text: str) -> int:
    """How many different words of American local news the text holds."""
    return sum(1 for cue in load_us_cues() if cue.search(text))
