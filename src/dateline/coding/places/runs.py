"""Runs of capitalised words in running text, and what a run cannot be: a street, an office.

    RUN                          a run of capitals ("Kryvyi Rih", "Deir al-Balah", "St. Louis")
    trim_run(text, start, end)   without its stoplisted opener ("In Kyiv" -> "Kyiv")
    is_street(text, start, end)  "Prentice Street", "the 6100 block of Page", "on West Highland"
    read_title_word(word)        "title" or "media" for the words of an office or an outlet
    split_of(name)               "Herbert Harr of Indianapolis": a person, then a place
    find_country(gazetteer, name), count_us_cues(text)

finder.py finds the places of a text with these, home.py the state a local story is set in.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import LANGUAGE, read_word_sets
from .gazetteer import load_gazetteer
from .index import KIND_COUNTRY, MATCH_FAR_ALIAS, normalize_name, read_data_lines, read_data_rows
from .model import find_demonym, is_stopword, load_tables

CAPITALISED = r"(?:(?:al|el|ad|ar|as|ash|an|at|ed|ad|ibn|bin)[-‑])?[A-ZÀ-ÖØ-Þ][\w'’‑\u00ad-]*"  # \u00ad: a soft hyphen
_CAP_FIRST = rf"(?:(?:St|ST|Ste|STE|Mt|MT)\.(?=[ \t]+[A-Z])|{CAPITALISED})"  # "St. Louis", "Mt. Vernon"; not "Main St."
_DAY_OR_MONTH = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June"
                 r"|July|August|September|October|November|December)")
_DATE_AFTER_ON = rf"(?![ \t]+{_DAY_OR_MONTH}\b)"  # "in Kabul on Monday"
_DAY_CLOSING = re.compile(rf"[ \t]+{_DAY_OR_MONTH}$")  # "in Gastonia Monday": the town, then its day
_JOIN = (rf"(?:[ \t]+(?:of[ \t]+the|de[ \t]+la|of|de|del|la|le|du|da|dos|das|do|upon|on{_DATE_AFTER_ON}|am|sur|al|el"
         rf"|the)[ \t]+|[ \t]+|-)")
RUN = re.compile(rf"(?<![\w'’-]){_CAP_FIRST}(?:{_JOIN}{CAPITALISED})*")
_STREET_BEFORE = re.compile(r"(?:\bblocks?\s+of|\bat\s+\d+(?:\s*-\s*\d+)?|\bintersection\s+of|\bcorner\s+of)"
                            r"(?:\s+(?:north|south|east|west|[NSEW]\.?))?\s+$", re.IGNORECASE)
_STREET_ON = re.compile(r"\bon\s+(?:north|south|east|west|[NSEW]\.?)\s+$", re.IGNORECASE)
_STREET_PREPOSITION = re.compile(r"\b(?:on|onto|along|off|down|up|at|near|of)\s+$", re.IGNORECASE)
MIN_OFFICE_TOWN_POPULATION = 10_000  # a run opening with a town this big names its office, not a person
MAX_RUN_WORDS = 8  # a longer run of capitals is a title or a heading, not a place name


_INNER_POSSESSIVE = re.compile(r"['’]s(?=[ \t])")


@lru_cache(maxsize=64)
def find_runs(text: str) -> tuple[tuple[int, int], ...]:
    """The runs of capitals of a text that may name places, trimmed (``trim_run``), each split after
    a country's possessive inside it ("Burkina Faso's Gourma" -> "Burkina Faso's", "Gourma"; not
    "Prince George's County"). Remembered: the home vote, the context scan and the place finder
    read the same story."""
    gazetteer = load_gazetteer()
    runs = []
    for match in RUN.finditer(text):
        if match.group(0).count(" ") >= MAX_RUN_WORDS:
            continue
        start = match.start()
        for possessive in _INNER_POSSESSIVE.finditer(text, match.start(), match.end()):
            head = trim_run(text, start, possessive.end())
            words = text[head[0]:head[1] - 2].split()
            if any(find_country(gazetteer, " ".join(words[-size:])) for size in (1, 2, 3) if size <= len(words)):
                runs.append(head)  # "Tinkim of Niger's | Diffa Region"
                start = possessive.end() + count_spaces(text, possessive.end())
        runs.append(trim_run(text, start, match.end()))
    return tuple(run for run in runs if run[0] < run[1])


@lru_cache(maxsize=64)
def find_person_words(text: str) -> frozenset[str]:
    """Words of the runs of two or three capitals that name no place, office, outlet or people of a
    country ("Maurice Phillips", "Eric Adams"): a person's names, wherever the text uses them. A
    country or a small town of such a word alone ("Maurice" for Mauritius, "Adams") is that person."""
    gazetteer = load_gazetteer()
    connectors = load_tables().connectors
    found: set[str] = set()
    for start, end in find_runs(text):
        words = text[start:end].split()
        titled = [index for index, word in enumerate(words) if read_title_word(word)]
        if titled:  # "Borough President Eric Adams": the person after the office
            words = words[titled[-1] + 1:]
        if not 2 <= len(words) <= 3 or not all(word.isalpha() and word.istitle() for word in words):
            continue  # "Donna Marzilli", not "WPTZ HomeA" or "NEW TONIGHT"
        if any(word.lower() in connectors or is_stopword(word) for word in words) or is_street(text, start, end):
            continue
        key = normalize_name(" ".join(words))
        if gazetteer.lookup(key) or key in load_tables().admin1 or any(find_demonym(word) for word in words):
            continue
        if any(gazetteer.kinds[row] != KIND_COUNTRY and gazetteer.population[row] >= MIN_OFFICE_TOWN_POPULATION
               for row, _ in gazetteer.lookup(normalize_name(words[0]))):
            continue  # "Baytown Crime Stoppers": a town's office, not a person
        found.update(normalize_name(word) for word in words)
    return frozenset(found)


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
    return len(words) == 1 and bool(_STREET_ON.search(before))


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
        words = split_words(text[start:end])
        if len(words) > 1 and is_whole_name(gazetteer, text[start:end]):
            break
        if any(gazetteer.kinds[row] == KIND_COUNTRY
               for row, _ in gazetteer.lookup(normalize_name(text[start:end]), capitals=text[start:end].isupper())):
            break
        first = text[start + words[0][0]:start + words[0][1]]
        if len(words) > 1 and (is_stopword(first) or first.lower() in load_tables().connectors):
            start += words[1][0]
            continue
        last = text[start + words[-1][0]:start + words[-1][1]]
        if len(words) > 1 and last.lower() in load_tables().connectors:  # not stopwords: "White House" is no "White"
            end = start + words[-2][1]
            continue
        if len(words) > 1 and _DAY_CLOSING.search(text, start, end):
            end = start + words[-2][1]
            continue
        break
    return start, end


def is_whole_name(gazetteer, name: str) -> bool:
    """A name of a region or a town as a whole, opener and all: "North Carolina", "West Bank",
    "South Kivu", "Northern Ireland" (not "Carolina", "Kivu", "Ireland")."""
    key = normalize_name(name)
    if key in load_tables().admin1:
        return True
    return any(match != MATCH_FAR_ALIAS and gazetteer.kinds[row] != KIND_COUNTRY
               for row, match in gazetteer.lookup(key))


@lru_cache(maxsize=1)
def load_title_words() -> dict[str, frozenset[str]]:
    """kind -> words of ``data/en/coding/places_title_words.txt`` (title, media)."""
    kinds: dict[str, set[str]] = {}
    for kind, words in read_word_sets(f"{LANGUAGE}/coding/places_title_words.txt").items():
        kinds.setdefault(kind, set()).update(word.lower() for word in words)
    return {kind: frozenset(words) for kind, words in kinds.items()}


def read_title_word(word: str) -> str | None:
    """``title`` or ``media`` when a capitalised word names an office or an outlet ("Police", "Sheriff's")."""
    key = re.sub(r"['’]s$", "", word.lower()).strip(".,")
    for kind, words in load_title_words().items():
        if key in words:
            return kind
    return None


def split_of(name: str) -> tuple[int, int] | None:
    """(end of the head, start of the tail) of "Herbert Harr of Indianapolis"; None when the head
    names an office ("University of Michigan", "Department of Justice")."""
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


def find_country(gazetteer, name: str, *, unique: bool = False) -> str | None:
    """The country a name stands for; of two ("Congo"), the more populous (the DRC), or with
    ``unique`` none: the places around tell which (``finder.reread_bare``)."""
    if is_stopword(name):
        return None
    rows = [row for row, _ in gazetteer.lookup(normalize_name(name), capitals=name.isupper())
            if gazetteer.kinds[row] == KIND_COUNTRY]
    if not rows or unique and len(rows) > 1:
        return None
    return gazetteer.countries[max(rows, key=lambda row: gazetteer.population[row])]


@lru_cache(maxsize=1)
def load_us_cues() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line, re.IGNORECASE) for line in read_data_lines("places_us_cues.txt"))


def count_us_cues(text: str) -> int:
    """How many different words of American local news the text holds."""
    return sum(1 for cue in load_us_cues() if cue.search(text))
