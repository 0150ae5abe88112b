"""A story's cast: every actor its text names, where, so that later words can point back to them.

    cast = StoryCast(text, parse, places=..., countries=..., agency=...)   once per story
    cast.refer_back(at)              the actor "it", "they" or "its" stands for at offset ``at``
    cast.refer_back(at, groups=True) the named armed group "the group", "the militants" stand for
    cast.find_enemy(country)         "the enemy" of a country: the foreign forces the story names most
    cast.find_place(start, end)      the place the story names at these offsets, if any
    cast.learn(named)                a party a role named (a state named by its country: "Russia")

The dictionary's matches over the whole text (``dateline.actors.match_actors``) are read
once; each party the coder names as it reads is added, so "its" after "Russia launched"
finds Russia's forces.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ...actors import Actor, load_actor_dictionary, match_actors
from ...models import ParsedToken, Party, Span
from .tree import ParseTree

ARMED_GROUPS = frozenset({"rebels", "political_militia", "identity_militia", "external_other"})
PRONOUN_REACH = 600  # characters back a pronoun may point (about three sentences)
STATE_ROLES = {"military": "MIL", "police": "COP", "government": "GOV"}  # CAMEO role of a state's rows


@dataclass(frozen=True, slots=True)
class Named:
    """A party as a phrase of the text names it.

    ``rank``: 3 named outright ("Russian forces", "the RSF"), 2 pointed back to ("the group",
    "it"), 1 a generic or inferred one ("gunmen", "14 people"). ``generic``: an actor the
    dictionary has no country for ("civilians", "unidentified gunmen"): it takes the event's.
    """

    party: Party
    text: str
    span: Span
    rank: int
    generic: bool = False


@dataclass(frozen=True, slots=True)
class StoryPlace:
    """A place the story names: its offsets, its country, whether it is a whole country."""

    start: int
    end: int
    country: str | None
    whole_country: bool


def is_generic(actor: Actor) -> bool:
    """The dictionary's generic actors ("unidentified gunmen", "civilians", "security forces"):
    no country of their own, named in lower case or by ACLED's "... ({country})"."""
    return actor.country is None and (actor.name[:1].islower() or "{country}" in (actor.acled or ""))


@cache
def index_states() -> dict[tuple[str, str], Actor]:
    """(country, CAMEO role) -> the state's row of the dictionary: ("RU", "MIL") -> Military Forces of Russia."""
    found: dict[tuple[str, str], Actor] = {}
    for actor in load_actor_dictionary().actors:
        if actor.generated and actor.country and actor.cameo:
            found.setdefault((actor.country, actor.cameo[-3:]), actor)
    return found


def find_state(country: str | None, role: str = "military") -> Actor | None:
    """A state's military, police or government, by its country code (None if the dictionary has none)."""
    if country is None:
        return None
    states = index_states()
    return states.get((country, STATE_ROLES[role])) or states.get((country, "GOV"))


def name_state(country: str | None, role: str = "military") -> Named | None:
    """A state's forces the text does not name but the event implies (the place's, the enemy's)."""
    actor = find_state(country, role)
    if actor is None:
        return None
    return Named(Party(actor.name, actor.kind, actor.country, None), "", (0, 0), rank=0)


def name_actor(actor: Actor, *, country: str | None, span: Span, text: str, rank: int = 3) -> Named:
    generic = is_generic(actor)
    return Named(Party(actor.name, actor.kind, country or actor.country, span), text, span,
                 rank=1 if generic else rank, generic=generic)


class StoryCast:
    """The actors a story names, in text order, and its places."""

    def __init__(self, text: str, parse: Sequence[ParsedToken], *, places: Sequence[StoryPlace] = (),
                 countries: Sequence[str] = (), agency: str | None = None) -> None:
        self.text = text
        self.tree = ParseTree(text, parse) if parse else None
        self.countries = tuple(countries)
        self.agency = agency
        self.places = sorted(places, key=lambda place: place.start)
        self._place_starts = [place.start for place in self.places]
        self._named: list[Named] | None = None  # read when first asked for: many stories never point back
        self._learned: list[Named] = []  # what the roles named before then
        self._starts: list[int] = []

    @property
    def named(self) -> list[Named]:
        """Every party the story names, in text order: the dictionary's matches, the countries that
        act, and what the roles named so far."""
        if self._named is None:
            found = [name_actor(match.actor, country=match.country, span=(match.start, match.end), text=match.text)
                     for match in match_actors(self.text, countries=self.countries)
                     if self.find_place(match.start, match.end) is None]
            self._named = sorted(found + self.read_acting_states(), key=lambda named: named.span[0])
            self._starts = [named.span[0] for named in self._named]
            for named in self._learned:
                self.learn(named)
        return self._named

    def read_acting_states(self) -> list[Named]:
        """Countries named as the subject or owner of a clause ("Pakistan said it downed ..."): their
        government, so that "it" can point back to them."""
        tree, found = self.tree, list[Named]()
        if tree is None:
            return found
        for place in self.places:
            if not place.whole_country:
                continue
            token = tree.find_head(place.start, place.end)
            if token is None or tree[token].dep not in ("nsubj", "poss"):
                continue
            actor = find_state(place.country, "government")
            if actor is not None:
                span = (place.start, place.end)
                found.append(Named(Party(actor.name, actor.kind, actor.country, span), self.text[place.start:place.end],
                                   span, rank=2))
        return found

    def learn(self, named: Named) -> None:
        """Remember a party a role named, at its place in the text."""
        if self._named is None:
            self._learned.append(named)
            return
        known = self._named
        if any(other.span == named.span for other in known):
            return
        at = bisect_left(self._starts, named.span[0])
        known.insert(at, named)
        self._starts.insert(at, named.span[0])

    def refer_back(self, at: int, *, groups: bool = False, armed: bool = False,
                   sayer: frozenset[str] = frozenset()) -> Named | None:
        """The party named last before ``at``: any but civilians within PRONOUN_REACH for a pronoun;
        a named armed group anywhere before for ``groups`` ("the group", "the paramilitary"); ``armed``:
        a state's forces or an armed group only ("the missiles"); ``sayer`` (verbs of saying): the
        last one named as the subject of such a verb ("The army said ...")."""
        known = self.named
        for named in reversed(known[:bisect_left(self._starts, at)]):
            if named.span[1] > at:
                continue
            party = named.party
            if sayer:
                if at - named.span[1] > PRONOUN_REACH:
                    return None
                if party.kind != "civilians" and self.speaks(named, sayer):
                    return named
                continue
            if groups:
                if party.kind in ARMED_GROUPS and not named.generic and named.rank >= 3:
                    return named
            elif at - named.span[1] > PRONOUN_REACH:
                return None
            elif party.kind in ARMED_GROUPS | {"state_forces"} or not armed and party.kind != "civilians":
                return named
        return None

    def speaks(self, named: Named, verbs: frozenset[str]) -> bool:
        """The phrase is the subject of a verb of saying ("The army *said* ...")."""
        tree = self.tree
        token = tree.find_head(*named.span) if tree is not None else None
        return (tree is not None and token is not None and tree[token].dep == "nsubj"
                and tree.lemma(tree.head(token)) in verbs)

    def find_enemy(self, country: str | None) -> Named | None:
        """The foreign state forces the story names most ("the enemy" of Ukraine in a story of Russia's war)."""
        if country is None:
            return None
        foreign = [named for named in self.named
                   if named.party.kind == "state_forces" and named.party.country not in (None, country)]
        if not foreign:
            return None
        counts = Counter(named.party.country for named in foreign)
        best = max(counts, key=lambda code: (counts[code], -min(n.span[0] for n in foreign if n.party.country == code)))
        return name_state(best)

    def find_group(self) -> Named | None:
        """The named armed group (not a state's) the story names most, first named on a tie."""
        groups = [named for named in self.named
                  if named.party.kind in ARMED_GROUPS and not named.generic and named.rank >= 3]
        if not groups:
            return None
        counts = Counter(named.party.name for named in groups)
        best = max(counts.values())
        return next(named for named in groups if counts[named.party.name] == best)

    def find_place(self, start: int, end: int) -> StoryPlace | None:
        """The place the story names over these offsets (overlapping them), if any."""
        at = bisect_left(self._place_starts, end)
        for place in reversed(self.places[max(0, at - 4):at]):
            if place.start < end and start < place.end:
                return place
        return None

    def count_named(self) -> Counter[tuple[str, str | None]]:
        """How often each (kind, country) of named state forces appears: who the story is about."""
        return Counter((named.party.kind, named.party.country) for named in self.named if named.rank >= 3)
