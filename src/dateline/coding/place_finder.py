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
  ("Hamilton said"); a place before a title ("Kyiv Mayor ...") still counts.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from .gazetteer import KIND_COUNTRY, load_gazetteer, normalize_name
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
_DATE_AFTER_ON = (r"(?![ \t]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June"
                  r"|July|August|September|October|November|December)\b)")  # "in Kabul on Monday"
_JOIN = rf"(?:[ \t]+(?:of|de|del|la|le|du|da|dos|das|do|upon|on{_DATE_AFTER_ON}|am|sur|al|el|the)[ \t]+|[ \t]+|-)"
_RUN = re.compile(rf"(?<![\w'’-]){_CAP}(?:{_JOIN}{_CAP})*")
_PLURAL_REGIONS = re.compile(
    rf"((?:{_CAP}(?:\s+{_CAP}){{0,3}})(?:\s*,\s*{_CAP}(?:\s+{_CAP}){{0,3}}){{0,6}})\s*,?\s+and\s+({_CAP}(?:\s+{_CAP}){{0,3}})\s+"
    r"(regions|provinces|oblasts|states|districts|counties|governorates)\b")
_TRAILING_REGION = re.compile(r"\s+(region|oblast|province|state|district|county|governorate|prefecture"
                              r"|township|raion|krai|territory|department|municipality)\b")
_SINGULAR = {"regions": "region", "provinces": "province", "oblasts": "oblast", "states": "state",
             "districts": "district", "counties": "county", "governorates": "governorate"}
_TITLES = frozenset({"mayor", "governor", "gov", "sheriff", "chief", "deputy", "fire", "police",
                     "officials", "official", "authorities", "president", "minister", "council",
                     "department", "office", "army", "military", "court", "prosecutor", "prosecutors"})
MAX_RUN_WORDS = 8  # a longer run of capitals is a title or a heading, not a place name
_CONNECTORS = frozenset({"of", "de", "del", "la", "le", "du", "da", "dos", "das", "do", "upon", "on",
                         "am", "sur", "al", "el", "the"})


def split_words(run: str) -> list[tuple[int, int]]:
    """Offsets of the space-separated words of a run."""
    return [(match.start(), match.end()) for match in re.finditer(r"\S+", run)]


def trim_run(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop stoplisted openers and edge connectors ("In Kyiv" -> "Kyiv")."""
    while start < end:
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
    for match in _RUN.finditer(text):
        if match.group(0).count(" ") >= MAX_RUN_WORDS:
            continue
        start, end = trim_run(text, match.start(), match.end())
        name = text[start:end]
        if not name or overlaps(start, end):
            continue
        words = name.split()
        if len(words) == 1 and normalize_name(name) in person_words:
            continue
        region = _TRAILING_REGION.match(text, end)
        if region:
            place = resolve_place(f"{name} {region.group(1)}", context=context)
            if place is not None:
                keep(start, region.end(), place)
                continue
        tail = find_enclosing(text, end, context=context)
        if tail is not None:
            tail_end, outer = tail
            inner = resolve_place(name, context=widen_context(context, outer))
            keep(start, end, inner)
            keep(text.index(",", end) + 1 + count_spaces(text, text.index(",", end) + 1), tail_end, outer)
            continue
        place = resolve_place(name, context=context)
        if place is not None:
            keep(start, end, place)
            continue
        if len(words) > 1:
            prefix = find_place_prefix(text, start, words, context=context)
            if prefix is not None:
                keep(*prefix)
            elif not any(find_demonym(word) for word in words):
                person_words.update(normalize_name(word) for word in words if word.lower() not in _CONNECTORS)
    found.sort(key=lambda item: item[0])
    return found


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
    run = _RUN.match(text, rest)
    if run is None:
        return None
    candidate = text[rest:run.end()]
    place = resolve_place(candidate, context=context)
    if place is None or place.precision == "place":
        return None
    return run.end(), place


def find_place_prefix(text: str, start: int, words: list[str], *, context: PlaceContext) -> tuple[int, int, Place] | None:
    """A place that opens a longer run before a title: "Kyiv Mayor Vitali Klitschko" -> Kyiv."""
    for size in range(len(words) - 1, 0, -1):
        if words[size].lower().strip(".") not in _TITLES:
            continue
        name = " ".join(words[:size])
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
    for match in _RUN.finditer(text):
        if match.group(0).count(" ") >= MAX_RUN_WORDS:
            continue
        start, end = trim_run(text, match.start(), match.end())
        run = clean_place_name(text[start:end])
        codes = [find_country(gazetteer, run)] + [find_demonym(word) for word in run.split()]
        for code in filter(None, codes):
            countries[code] += 1
            first_seen.setdefault(code, match.start())
        key = normalize_name(run)
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


def find_country(gazetteer, name: str) -> str | None:
    if is_stopword(name):
        return None
    for row, _ in gazetteer.lookup(normalize_name(name)):
        if gazetteer.kinds[row] == KIND_COUNTRY:
            return gazetteer.countries[row]
    return None
