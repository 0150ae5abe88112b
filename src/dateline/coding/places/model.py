"""The places model, the bottom of places/: the records and the tables every other module reads.

    Place, PlaceContext        a resolved place; what a story says about where it is
    load_tables()              the places tables of data/en/coding/ (stoplist, demonyms, US states
                               and Canadian provinces, ambiguous state names, region words), and
                               the cleaner's wire agencies and section labels (data/en/clean/)
    clean_place_name(name)     "the city of Kyiv's" -> "Kyiv"
    make_place(gazetteer, row) a gazetteer row as a Place

Above it: resolve.py (a name to a place), runs.py (runs of capitals in text), finder.py
(the places of a text), home.py (the story's context and home state); __init__.py is
the entry.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ...lexicon import LANGUAGE, read_entries, read_word_sets
from .index import KIND_NAMES, Gazetteer, normalize_name, read_data_lines, read_data_rows

_LEADING = re.compile(r"^(?:the\s+|city\s+of\s+|town\s+of\s+|village\s+of\s+)+", re.IGNORECASE)
_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|northeastern|northwestern"
    r"|southeastern|southwestern|north[- ]eastern|north[- ]western|south[- ]eastern|south[- ]western"
    r"|downtown|suburban|rural|greater|upstate)\s+)+(?=\S)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. ``admin1`` is the GeoNames admin1 code ("FL", "05"), or None.

    ``precision`` is ``place`` (a town or city), ``region`` (admin1/admin2 unit,
    at its point) or ``country``.
    """

    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    precision: str
    geonameid: int | None = None
    population: int | None = None


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What the story says about where it is, for telling same-named places apart."""

    countries: tuple[str, ...] = ()
    admin1: tuple[tuple[str, str], ...] = ()  # (country, admin1 code), e.g. ("US", "OH")
    by_demonym: tuple[str, ...] = ()  # countries of ``countries`` the story names only by a demonym
    # ("Russian forces"): they say who acts, not where, so they back a place but set no foreign floor
    dateline: Place | None = None
    nearby: tuple[Place, ...] = ()
    home: tuple[str, str] | None = None  # (country, admin1) a local story is set in: its dateline's
    # state, else the state it names first, else the state its places point to

    def with_place(self, place: Place) -> PlaceContext:
        """This context, knowing one more place in the story."""
        if place.precision == "country" or place in self.nearby:
            return self
        return replace(self, nearby=(*self.nearby, place)[-20:])


EMPTY_CONTEXT = PlaceContext()


@dataclass(frozen=True, slots=True)
class PlaceTables:
    """The places tables of ``data/en/coding/``, keys normalized (index.normalize_name)."""

    stoplist: frozenset[str]  # names never a place on their own
    labels: frozenset[str]  # wire agencies and page-section labels ("Xinhua", "Metro", "Asia"): no bare
    # place, though a country of that name is one ("UK") and a region word makes one ("Fars province")
    demonyms: dict[str, str]  # demonym -> country
    admin1: dict[str, tuple[str, str]]  # US state / Canadian province name -> (country, admin1 code)
    ambiguous: frozenset[str]  # admin1 names that mostly mean something else ("Washington")
    region_words: frozenset[str]  # "region", "oblast", "province": a name is an administrative unit
    admin2_words: frozenset[str]  # units below a state ("district", "county"): their namesake town stands for them
    county_words: frozenset[str]  # "county", "parish", "borough": a county of US or Canadian local news
    connectors: frozenset[str]  # "of", "de", "al": words inside a name, never at its edge
    units: tuple[tuple[str, str], ...] = ()  # ("local government area", "lga"): a unit word in several words


@lru_cache(maxsize=1)
def load_tables() -> PlaceTables:
    """The places tables, read once per process."""
    grammar = read_word_sets(f"{LANGUAGE}/coding/places_grammar.txt")
    return PlaceTables(
        stoplist=frozenset(normalize_name(line) for line in read_data_lines("places_stoplist.txt")),
        labels=frozenset(normalize_name(line) for name in ("agencies.txt", "sections.txt")
                         for line in read_entries(f"{LANGUAGE}/clean/{name}")),
        demonyms={normalize_name(row["demonym"]): row["country"] for row in read_data_rows("places_demonyms.csv")},
        admin1={normalize_name(row["name"]): (row["country"], row["admin1"])
                for row in read_data_rows("places_admin1_names.csv")},
        ambiguous=frozenset(normalize_name(line) for line in read_data_lines("places_ambiguous_admin1.txt")),
        region_words=frozenset(normalize_name(line) for line in read_data_lines("places_region_words.txt")),
        admin2_words=frozenset(grammar["admin2"]),
        county_words=frozenset(grammar["county"]),
        connectors=frozenset(grammar["connectors"]),
        units=tuple((phrase, word) for phrase, _, word in (unit.partition(":") for unit in grammar.get("units", ()))),
    )


def find_demonym(name: str) -> str | None:
    """The country a demonym points to: "Russian", "Ukrainians" -> "RU", "UA"."""
    demonyms = load_tables().demonyms
    key = normalize_name(name)
    return demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)


def is_stopword(name: str) -> bool:
    return normalize_name(name) in load_tables().stoplist


def clean_place_name(name: str, *, drop_direction: bool = False) -> str:
    """The name without "the", "city of", a possessive, and if asked a direction ("northern Israel")."""
    text = " ".join(name.split()).strip(" ,.;:()[]\"'“”")
    text = _LEADING.sub("", text)
    if drop_direction:
        text = _LEADING.sub("", _DIRECTION.sub("", text))
    return _POSSESSIVE.sub("", text).strip(" ,")


def measure_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def make_place(gazetteer: Gazetteer, row: int) -> Place:
    kind = gazetteer.kinds[row]
    population = gazetteer.population[row]
    return Place(name=gazetteer.names[row], country=gazetteer.countries[row],
                 admin1=gazetteer.admin1[row] or None, lat=round(gazetteer.lat[row], 5),
                 lon=round(gazetteer.lon[row], 5), precision=KIND_NAMES[kind],
                 geonameid=gazetteer.geonameid[row] or None, population=population or None)


@lru_cache(maxsize=1)
def load_tracked() -> frozenset[str]:
    """The countries whose states ``data/en/coding/places_admin1_names.csv`` names (US, Canada)."""
    return frozenset(country for country, _ in load_tables().admin1.values())


def widen_context(context: PlaceContext, place: Place | None) -> PlaceContext:
    """The context plus an enclosing region or country ("..., Fla.", "..., Ukraine")."""
    if place is None:
        return context
    countries = context.countries if place.country in context.countries else (place.country, *context.countries)
    admin1 = context.admin1
    if place.admin1 and place.precision != "country" and (place.country, place.admin1) not in admin1:
        admin1 = ((place.country, place.admin1), *admin1)
    by_demonym = tuple(country for country in context.by_demonym if country != place.country)
    return replace(context, countries=countries, admin1=admin1, by_demonym=by_demonym)


def names_countries(context: PlaceContext) -> bool:
    """Whether the story names a country or a state, or has a dateline (not only demonyms)."""
    return context.dateline is not None or any(country not in context.by_demonym for country in context.countries)


def is_backed(context: PlaceContext, country: str, admin1: str) -> bool:
    """Whether the story names this country or state, or is datelined there."""
    return (country in context.countries or (country, admin1) in context.admin1
            or context.dateline is not None and context.dateline.country == country)
