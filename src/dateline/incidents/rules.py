"""When two events tell the same happening: the merge rules, one place for all of them.

Two events of different stories may share an incident when nothing *conflicts*:

- the same family (all violence types are one family, spec/events.md);
- the same country, where both name one;
- places within a distance that fits their precision: two towns at most
  ``PLACE_KM`` apart; a region and a town must share the region (admin1); two
  regions must be the same one;
- dates that touch: equal days (``DAY_SLACK`` either way, for "late Saturday" versus
  "early Sunday"), a day inside the other's month or range.

and when something *agrees* strongly enough (``Match.enough``):

- town agreement and dates that touch; or
- region agreement (a region and a town in it, or the same region), dates that touch,
  and a name (actor or target) or a telling figure in common; or
- only a country in common, or no place on one side: the same day, and a name or a
  telling figure in common; or
- no date on one side: town agreement, a name or telling figure in common, and the
  undated story published within ``UNDATED_DAYS`` after the other's date.

A telling figure is two counts alike, or one alike of at least ``TELLING_FIGURE``. Copies
of one story (the same story group) agree by being copies. The raw names (actor and
target mentions) are evidence, not a veto: "no name in common" does not tell two
happenings apart (measured on the GVC pool, docs/incidents.md). The coded actors are
a veto when they cannot be one party (``parties_conflict``): both named outright, and a
state's forces and an armed group, the forces of two states, or two armed groups with no
word in common; a generic party ("unidentified armed group", "security forces") goes with
any.

Two events of the same story never merge: the coder already made one event per place
and day, so two left apart are two happenings.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import LANGUAGE, read_entries
from ..models import Party
from .records import SourceEvent

PLACE_KM = 20.0       # two town-precise places further apart than this are two happenings
DAY_SLACK = 1         # days either side two day-precise dates may differ (overnight, time zones)
UNDATED_DAYS = 30     # an undated event joins a dated one only if its story came out within this
EARTH_RADIUS_KM = 6371.0
TELLING_FIGURE = 3    # a single matching figure this large tells two events apart from the crowd

PRECISION_RANK = {"place": 0, "region": 1, "country": 2, None: 3}


def read_name_stopwords() -> frozenset[str]:
    """Words too common in actor and target names to tell parties apart (data/en/incidents/name_stopwords.txt)."""
    return frozenset(read_entries(f"{LANGUAGE}/incidents/name_stopwords.txt"))


_NAME_STOPWORDS = read_name_stopwords()
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Match:
    """How two events compare: ``conflict`` forbids a merge; ``enough`` allows it; ``score`` ranks."""

    conflict: bool
    enough: bool = False
    score: float = 0.0


NO_MATCH = Match(conflict=True)


def measure_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half = (math.sin((phi2 - phi1) / 2) ** 2
            + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, half)))


@lru_cache(maxsize=65536)
def fold_words(names: tuple[str, ...]) -> frozenset[str]:
    """The distinctive words of some names, case-folded and without accents."""
    words: set[str] = set()
    for name in names:
        decomposed = unicodedata.normalize("NFKD", name.casefold())
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        words.update(w for w in _WORD.findall(plain) if w not in _NAME_STOPWORDS and len(w) > 1)
    return frozenset(words)


def compare_places(a: SourceEvent, b: SourceEvent) -> tuple[bool, str, float]:
    """(conflict, agreement, closeness): agreement is ``place``, ``region`` or ``weak``."""
    if a.country and b.country and a.country != b.country:
        return True, "weak", 0.0
    ra, rb = PRECISION_RANK.get(a.precision, 3), PRECISION_RANK.get(b.precision, 3)
    if not a.country or not b.country or max(ra, rb) >= 2:
        return False, "weak", 0.0
    if ra == 0 and rb == 0:
        return _compare_spots(a, b)
    return _compare_regions(a, b)


def _compare_spots(a: SourceEvent, b: SourceEvent) -> tuple[bool, str, float]:
    """Two places of one country: near enough by their coordinates, else by name and admin1."""
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        km = measure_km(a.lat, a.lon, b.lat, b.lon)
        return (True, "weak", 0.0) if km > PLACE_KM else (False, "place", 1.0 - km / (2 * PLACE_KM))
    if (a.place_name or "").casefold() == (b.place_name or "").casefold():
        return False, "place", 1.0
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return True, "weak", 0.0
    return False, "weak", 0.0


def _compare_regions(a: SourceEvent, b: SourceEvent) -> tuple[bool, str, float]:
    """A region and a town in it, or two regions: the same admin1 (or, without one, the same name)."""
    if a.admin1 and b.admin1:
        return (False, "region", 0.5) if a.admin1 == b.admin1 else (True, "weak", 0.0)
    if (a.place_name or "").casefold() == (b.place_name or "").casefold():
        return False, "region", 0.5
    return False, "weak", 0.0


def compare_dates(a: SourceEvent, b: SourceEvent) -> tuple[bool, str]:
    """(conflict, agreement): agreement is ``day`` (both day-precise, within the slack),
    ``range`` (one inside the other's month or range) or ``undated``."""
    da, db = a.days, b.days
    if da is None or db is None:
        return False, "undated"
    if da[0] == da[1] and db[0] == db[1]:
        return (abs(da[0] - db[0]) > DAY_SLACK), "day"
    if da[0] <= db[1] and db[0] <= da[1]:
        return False, "range"
    return True, "range"


def compare_figures(a: SourceEvent, b: SourceEvent) -> bool:
    """Whether the two events give the same telling figures: two counts alike, or one alike
    that is at least ``TELLING_FIGURE`` (one dead is too common to tell two shootings apart)."""
    same = [x for x, y in ((a.killed, b.killed), (a.injured, b.injured), (a.arrested, b.arrested))
            if x is not None and x > 0 and x == y]
    return len(same) >= 2 or any(x >= TELLING_FIGURE for x in same)


SIDES = {"state_forces": "state", "external_other": "state", "rebels": "armed", "political_militia": "armed",
         "identity_militia": "armed", "protesters": "crowd", "rioters": "crowd", "civilians": "civilians"}


def is_generic_name(name: str) -> bool:
    """A party the text did not name ("unidentified armed group", "security forces", "civilians"):
    the coder writes generic parties in lower case and named ones capitalised."""
    return name[:1].islower()


def parties_conflict(a: Party | None, b: Party | None) -> bool:
    """Whether two coded actors cannot be one party: both named outright, and of different sides
    (a state's forces and an armed group), of two countries, or sharing no word. A generic party
    ("unidentified armed group", "civilians", "police") may be anyone: outlets tell one shooting
    as done by "a gunman" and by "officers" (docs/incidents.md)."""
    if a is None or b is None or is_generic_name(a.name) or is_generic_name(b.name) or a.name == b.name:
        return False
    if SIDES.get(a.kind) != SIDES.get(b.kind):
        return True
    if a.country and b.country and a.country != b.country:
        return True
    return not fold_words((a.name,)) & fold_words((b.name,))


def read_names(event: SourceEvent) -> tuple[str, ...]:
    """The names an event gives its parties: the raw mentions and the coded parties named outright."""
    coded = tuple(party.name for party in (event.actor, event.target)
                  if party is not None and not is_generic_name(party.name))
    return event.actors + event.targets + coded


def compare_events(a: SourceEvent, b: SourceEvent) -> Match:
    """Whether ``a`` and ``b`` may tell one happening, and how strongly they agree."""
    if a.family != b.family or a.story_key == b.story_key or parties_conflict(a.actor, b.actor):
        return NO_MATCH
    place_conflict, place, closeness = compare_places(a, b)
    if place_conflict:
        return NO_MATCH
    date_conflict, when = compare_dates(a, b)
    if date_conflict:
        return NO_MATCH
    names = bool(fold_words(read_names(a)) & fold_words(read_names(b)))
    figures = compare_figures(a, b)
    copies = a.group_id == b.group_id
    if when == "undated":
        undated, dated = (a, b) if a.days is None else (b, a)
        enough = place == "place" and (names or figures or copies) and published_after(undated, dated)
    elif place == "place":
        enough = True
    elif place == "region":
        enough = names or figures or copies
    else:
        enough = when == "day" and (names or figures or copies)
    score = (closeness + {"place": 2.0, "region": 1.0}.get(place, 0.0)
             + {"day": 2.0, "range": 1.0}.get(when, 0.0) + names + 0.5 * figures + 3.0 * copies)
    return Match(conflict=False, enough=enough, score=score)


def published_after(undated: SourceEvent, dated: SourceEvent) -> bool:
    """Whether the undated event's story came out during or soon after the dated event
    (both undated: published within ``UNDATED_DAYS`` of each other)."""
    when = undated.published_day
    days = dated.days
    if when is None:
        return False
    if days is None:
        other = dated.published_day
        return other is not None and abs(other - when) <= UNDATED_DAYS
    return days[0] - DAY_SLACK <= when <= days[1] + UNDATED_DAYS
