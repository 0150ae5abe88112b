"""The state a local story is set in, and the story context built around it.

    build_context(text, dateline_place="UNIONTOWN, Pa.", headline=...)  ->  PlaceContext
    vote_states(names)  ->  {(country, admin1): score}

US and Canadian local news rarely names its state: "A Uniontown man was shot ...
Fayette County Jail ... flown to a hospital in Morgantown, W.Va." The state is the one
that explains most of the names the story uses. Every distinct name votes for each
state where a town of that name lies (or a county, when the text says "County"), and a
name found in few states votes more than one found in many ("Littlestown" is only in
Pennsylvania, "Fayette County" in eleven states); a bigger namesake votes a little
more (Detroit, Michigan, not Detroit, Maine). A state the story names outright votes too, and
the dateline counts double. The
dateline written with its state ("GAINESVILLE, Fla.") settles the state alone.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from .gazetteer import load_gazetteer
from .index import KIND_PLACE, KIND_REGION, MATCH_FAR_ALIAS, normalize_name
from .model import PlaceContext, clean_place_name, find_demonym, is_stopword, load_tables, widen_context
from .resolve import resolve_place
from .runs import (
    count_us_cues,
    find_country,
    find_person_words,
    find_runs,
    find_street_names,
    is_on_street,
    is_street,
    load_abbreviations,
    read_title_word,
    split_of,
)

State = tuple[str, str]

DATELINE_WEIGHT = 2.0  # the dateline's name votes double
HEADLINE_WEIGHT = 0.5  # a name only the headline holds (a headline may carry the site's name)
NAMED_STATE_VOTE = 1.0  # a state named outright ("Pa.", "Ohio", "Waterbury Connecticut")
AMBIGUOUS_STATE_VOTE = 0.5  # a state name that is also a country or a city ("Georgia", "Washington")
SIZE_SLOPE = 0.2  # a namesake ten times smaller than the biggest of its name votes 0.8 of its share,
SIZE_FLOOR = 0.2  # and never less than this (Detroit, Maine beside Detroit, Michigan)
SMALL_FLOOR = 0.3  # a name whose biggest namesake has under 1,000 people votes this share (100,000: all)
STRONG_HOME_VOTE = 1.0  # what a story that names only other countries ("Denmark", S.C.) needs
FOREIGN_FACTOR = 5  # a name whose namesake abroad is this many times bigger votes for no state
MIN_HOME_VOTE = 0.3  # a home needs at least this much, so one common name alone sets none
MIN_US_CUES = 2  # words of US local news (data/en/coding/places_us_cues.txt) that make a story with no country American


def list_states(key: str) -> dict[State, int]:
    """The tracked states (US, Canada) holding a town of this name, or a county when the name says so,
    with the population of the biggest namesake there (remembered per name: a story asks often)."""
    return dict(_list_states(key))


@lru_cache(maxsize=1)
def read_tracked() -> tuple[frozenset[str], frozenset[int]]:
    """The tracked countries and the gazetteer rows that are their states."""
    tracked = frozenset(country for country, _ in load_tables().admin1.values())
    return tracked, frozenset(load_gazetteer().admin1_rows.values())


@lru_cache(maxsize=8192)
def _list_states(key: str) -> tuple[tuple[State, int], ...]:
    gazetteer = load_gazetteer()
    tracked, state_rows = read_tracked()
    county = key.rsplit(maxsplit=1)[-1] in load_tables().county_words if key else False
    found: dict[State, int] = {}
    for row, match in gazetteer.lookup(key):
        country, admin1 = gazetteer.countries[row], gazetteer.admin1[row]
        if match == MATCH_FAR_ALIAS or country not in tracked or not admin1:
            continue
        kind = gazetteer.kinds[row]
        if kind == KIND_PLACE or kind == KIND_REGION and county and row not in state_rows:
            state = (country, admin1)
            found[state] = max(found.get(state, 0), gazetteer.population[row])
    return tuple(found.items())


def find_world_biggest(key: str) -> int:
    """The people of the biggest place, region or country of this name outside the tracked countries
    ("Durango": the Mexican state and its city, by any of their names)."""
    gazetteer = load_gazetteer()
    tracked = {country for country, _ in load_tables().admin1.values()}
    return max((gazetteer.population[row] for row, _ in gazetteer.lookup(key)
                if gazetteer.countries[row] not in tracked), default=0)


def collect_names(text: str, *, weight: float, names: dict[str, float]) -> None:
    """Add the distinct names of a text (key -> weight) that may be places, to ``names``.

    A run that fails as a whole votes with its part before an office ("Jefferson Police Chief
    Joe Smith" -> "Jefferson") or after "of" ("Herbert Harr of Indianapolis"); the words of a
    person's name ("Barry Washington") and of a street ("Locust Avenue") do not vote alone."""
    person_words: set[str] = set()
    street_names = find_street_names(text)
    for start, end in find_runs(text):
        if is_street(text, start, end):
            continue
        name = clean_place_name(text[start:end])
        if normalize_name(name) in street_names and is_on_street(text, start):
            continue
        if normalize_name(name) in load_abbreviations() and not text.startswith(".", end):
            continue  # "I'll" is no "Ill."
        key = read_key(name, person_words)
        if key:
            names[key] = max(names.get(key, 0.0), weight)


def read_key(name: str, person_words: set[str]) -> str:
    """The key a run of capitals votes with ("" for none), learning the words of people's names."""
    key = normalize_name(name)
    if (not key or is_stopword(name) or find_demonym(name) or key in person_words
            or key in load_tables().ambiguous and key not in load_country_states()):
        return ""  # "Washington", "New York": a state only when written as one (scan_story_context)
    words = name.split()
    if len(words) == 1 or list_states(key) or key in load_tables().admin1:
        return key
    office = read_office_key(words)
    if office is not None:
        return office
    split = split_of(name)
    if split is not None:
        person_words.update(normalize_name(word) for word in name[:split[0]].split())
        return read_key(name[split[1]:], person_words)
    person_words.update(normalize_name(word) for word in words)
    return ""


def read_office_key(words: list[str]) -> str | None:
    """The state whose office a run names ("Georgia Bureau of Investigation" -> "georgia",
    "Milwaukee Police Chief Ed Flynn" -> "milwaukee"); "" for an outlet or an office of no
    state; None when no word of the run names an office."""
    titled = False
    for size in range(len(words) - 1, 0, -1):
        kind = read_title_word(words[size])
        if kind == "media":
            return ""
        prefix = normalize_name(" ".join(words[:size]))
        titled = titled or kind is not None
        if kind is not None and (list_states(prefix) or prefix in load_tables().admin1):
            return prefix
    return "" if titled else None


def vote_states(names: dict[str, float]) -> dict[State, float]:
    """Each state's share of the names (see the module docstring)."""
    admin1_names, ambiguous = load_tables().admin1, load_tables().ambiguous
    votes: dict[State, float] = {}
    for key, weight in names.items():
        if key in admin1_names:
            state = admin1_names[key]
            vote = AMBIGUOUS_STATE_VOTE if key in ambiguous else NAMED_STATE_VOTE
            votes[state] = votes.get(state, 0.0) + vote * min(weight, 1.0)
            continue
        states = list_states(key)
        if not states:
            continue
        biggest = max(states.values()) or 1
        if find_world_biggest(key) > FOREIGN_FACTOR * biggest:
            continue  # "Moscow", "Kherson": a far bigger namesake abroad is what the name means
        # a name found in few states votes more; a hamlet's name is more likely a word or a surname
        known = min(1.0, max(SMALL_FLOOR, (math.log10(biggest) - 2) / 3))
        share = weight / math.sqrt(len(states)) * known
        for state, population in states.items():
            size = max(SIZE_FLOOR, 1 - SIZE_SLOPE * math.log10(biggest / max(population, 1)))
            votes[state] = votes.get(state, 0.0) + share * size
    return votes


@lru_cache(maxsize=1)
def load_country_states() -> dict[str, str]:
    """Ambiguous state names that are countries ("georgia" -> "GE"): in a US local story, the state,
    and they vote for it at half weight; in a story with no word of US local news, the country."""
    found = {key: find_country(load_gazetteer(), key) for key in load_tables().ambiguous}
    return {key: country for key, country in found.items() if country}


def load_state_countries() -> frozenset[str]:
    return frozenset(load_country_states().values())


def scan_story_context(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Countries (by name or demonym) and US states / Canadian provinces a story names, in order,
    and the countries of the first that it names only by a demonym ("Russian forces")."""
    gazetteer = load_gazetteer()
    tables = load_tables()
    admin1_names, ambiguous = tables.admin1, tables.ambiguous
    countries: Counter[str] = Counter()
    named: set[str] = set()
    first_seen: dict[str, int] = {}
    admin1: dict[tuple[str, str], int] = {}
    person_words = find_person_words(text)
    for start, end in find_runs(text):
        run = clean_place_name(text[start:end])
        words = run.split()  # a demonym closing a longer run is a surname ("Lt. Aaron Turk")
        if len(words) == 1 and normalize_name(run) in person_words:
            continue  # "Maurice" of Maurice Phillips is no Mauritius
        country = find_country(gazetteer, run, unique=True)
        if country:
            named.add(country)
        codes = [country, find_demonym(run)] + [find_demonym(word) for word in words[:-1]]
        for code in filter(None, codes):
            countries[code] += 1
            first_seen.setdefault(code, start)
        key = normalize_name(run)
        if key in load_abbreviations() and not text.startswith(".", end):
            continue  # "I'll", "Ind": a state abbreviation only with its full stop (the loop below)
        if key not in admin1_names:
            key = find_state_prefix(key, admin1_names, ambiguous) or find_state_suffix_key(key, admin1_names)
        if key in admin1_names:
            if key in ambiguous and not (text[:start].rstrip().endswith(",") or text.startswith(" state", end)):
                continue
            admin1.setdefault(admin1_names[key], start)
    for match in re.finditer(r"(?<![\w.])(?:[A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)*|[A-Z]\.[A-Z]\.)", text):
        key = normalize_name(match.group(0))
        found = admin1_names.get(key)
        if found and (key not in ambiguous or text[:match.start()].rstrip().endswith(",")):
            admin1.setdefault(found, match.start())
    for state, at in admin1.items():
        countries[state[0]] += 1
        named.add(state[0])
        first_seen.setdefault(state[0], at)
    ordered = sorted(countries, key=lambda code: first_seen[code])
    return (tuple(ordered), tuple(sorted(admin1, key=lambda state: admin1[state])),
            tuple(code for code in ordered if code not in named))


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


def find_home(text: str, *, context: PlaceContext, headline: str | None = None,
              dateline_place: str | None = None) -> PlaceContext:
    """The context with the state a local story is set in (US states, Canadian provinces).

    The dateline's state when the dateline gives it, else the state the story's names vote for."""
    tracked = {country for country, _ in load_tables().admin1.values()}
    dateline = context.dateline
    if dateline is not None and dateline.country in tracked and dateline.admin1 and dateline.precision != "country":
        return replace(context, home=(dateline.country, dateline.admin1))
    named = [country for country in context.countries if country in tracked]
    names: dict[str, float] = {}
    if headline:
        collect_names(headline, weight=HEADLINE_WEIGHT, names=names)
    collect_names(text, weight=1.0, names=names)
    if dateline_place and "," not in dateline_place:
        key = normalize_name(clean_place_name(dateline_place))
        if key and not is_stopword(key):
            names[key] = DATELINE_WEIGHT
    votes = {state: vote for state, vote in vote_states(names).items() if not named or state[0] in named}
    if not votes:
        return context
    home = max(votes, key=lambda state: (votes[state], state in context.admin1))
    if votes[home] < MIN_HOME_VOTE and home not in context.admin1:
        return context
    foreign = [country for country in context.countries if country not in load_state_countries()]
    if foreign and foreign[0] not in tracked and (named or votes[home] < STRONG_HOME_VOTE or count_us_cues(text) < 1):
        return context  # a story of other countries, unless its names and words are a US local story's
    if context.countries and not named and count_us_cues(text) < 1 and not is_state_named(context, home, votes[home]):
        return context  # "Georgia" and nothing else American: the country
    admin1 = context.admin1 if home in context.admin1 else (home, *context.admin1)
    countries = context.countries if home[0] in context.countries else (home[0], *context.countries)
    return replace(context, home=home, admin1=admin1, countries=countries)


def is_state_named(context: PlaceContext, home: State, vote: float) -> bool:
    """Whether a country the story names is the state its towns vote for ("in Georgia" of a story of
    Glynn County and Brunswick): the state, when the vote is strong."""
    states = load_tables().admin1
    return vote >= STRONG_HOME_VOTE and any(states.get(key) == home for key, country in load_country_states().items()
                                            if country in context.countries)


def context_from_story(text: str, *, dateline_place: str | None = None, headline: str | None = None) -> PlaceContext:
    """The countries, US states / Canadian provinces, home state and dateline a story names."""
    countries, admin1, by_demonym = scan_story_context(text)
    if len(by_demonym) == len(countries) and "US" not in countries and count_us_cues(text) >= MIN_US_CUES:
        countries = ("US", *countries)  # a local story that never names its country ("a Mexican restaurant")
    context = PlaceContext(countries=countries, admin1=admin1, by_demonym=by_demonym)
    if dateline_place and "," in dateline_place:  # "GAINESVILLE, Fla.": the dateline says where
        context = add_dateline(context, dateline_place)
    context = find_home(text, context=context, headline=headline, dateline_place=dateline_place)
    if dateline_place and context.dateline is None:  # a bare "WOODLAWN —" is read in the story's state
        context = add_dateline(context, dateline_place)
        dateline = context.dateline
        tracked = {country for country, _ in load_tables().admin1.values()}
        if dateline is not None and dateline.country in tracked and dateline.admin1 and dateline.precision != "country":
            context = replace(context, home=(dateline.country, dateline.admin1))
    return context


def add_dateline(context: PlaceContext, dateline_place: str) -> PlaceContext:
    dateline = resolve_place(dateline_place.title() if dateline_place.isupper() else dateline_place,
                             context=context)
    if dateline is None:
        return context
    return replace(widen_context(context, dateline), dateline=dateline)
