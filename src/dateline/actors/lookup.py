"""The actor dictionary as an index built once: alias, phrase, canonical name and demonym look-ups.

    find_actor("RSF")                              -> Actor("Rapid Support Forces", "rebels", "SD")
    find_actor("SNA", countries=("SO",))           -> Actor("Military Forces of Somalia", ...)
    match_actors("suspected al-Shabab militants")  -> [ActorMatch(al-Shabaab, start=10, end=30)]
    find_demonym("Ukrainians")                     -> "UA"

Aliases sit in a trie of folded words (tokens.py). In a phrase the leftmost, then longest
alias wins ("South Sudanese troops" is South Sudan's, not Sudan's), and a group's name
takes the role word after it ("ISWAP fighters", "Hamas gunmen", "IDF soldiers"), except a
government's ("Kremlin forces" are the army's, an alias of its own). A generic actor after
a demonym takes its country ("Palestinian civilians" -> PS).
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from ..errors import DataError
from .records import Actor, ActorMatch, StateNames
from .table import ACTORS_FILE, read_actors, read_states
from .tokens import Token, fits, is_shouted, make_pattern, overlap, tokenize

logger = logging.getLogger(__name__)

# words after a group's name that still name the group: "ISWAP fighters", "RSF paramilitaries"
ROLE_WORDS = frozenset({
    "militants", "militant", "fighters", "fighter", "insurgents", "insurgent", "rebels", "rebel", "gunmen", "gunman",
    "militiamen", "militia", "militias", "members", "member", "operatives", "jihadists", "combatants", "guerrillas",
    "guerrilla", "paramilitaries", "paramilitary", "forces", "troops", "soldiers", "loyalists", "commanders",
    "commander",
})


@dataclass(slots=True)
class _Entry:
    pattern: tuple[str | None, ...]
    actors: list[Actor]
    marked: list[bool]  # per actor: did its row mark this alias as shared (~)?


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[_Entry] = field(default_factory=list)


class ActorDictionary:
    """Every actor of the dictionary, indexed by alias, canonical name and demonym."""

    def __init__(self, actors: Sequence[Actor], states: Sequence[StateNames], *, version: str) -> None:
        self.version = version
        self.actors = tuple(actors)
        self.states = tuple(states)
        self._root = _Node()
        self._crowded: list[_Node] = []  # nodes where an alias names more than one actor
        self._by_name = {actor.name.casefold(): actor for actor in self.actors}
        for actor in self.actors:
            for alias in actor.aliases:
                self._add_alias(actor, alias, marked=alias in actor.shared)
        self._check_shared()
        self._demonyms: dict[tuple[str, ...], str] = {}
        for state in self.states:
            for demonym in state.demonyms:
                self._demonyms.setdefault(tuple(token.key for token in tokenize(demonym)), state.country)

    def _add_alias(self, actor: Actor, alias: str, *, marked: bool) -> None:
        tokens = tokenize(alias)
        if not tokens:
            raise DataError(ACTORS_FILE, 0, f"alias {alias!r} of {actor.name!r} has no word")
        node = self._root
        for token in tokens:
            node = node.children.setdefault(token.key, _Node())
        pattern = make_pattern(tokens)
        for entry in node.entries:
            if entry.pattern == pattern and actor in entry.actors:
                raise DataError(ACTORS_FILE, 0, f"alias {alias!r} of {actor.name!r} is listed twice "
                                    "(case, accents and punctuation do not count)")
        if node.entries:
            self._crowded.append(node)
        for entry in node.entries:
            if entry.pattern == pattern:
                entry.actors.append(actor)
                entry.marked.append(marked)
                return
        node.entries.append(_Entry(pattern, [actor], [marked]))

    def _check_shared(self) -> None:
        """An alias that names two actors must be marked ~ on both rows."""
        for node in self._crowded:
            named = [(actor, marked, entry.pattern) for entry in node.entries
                     for actor, marked in zip(entry.actors, entry.marked, strict=True)]
            for index, (actor, marked, pattern) in enumerate(named):
                for other, other_marked, other_pattern in named[index + 1:]:
                    if not overlap(pattern, other_pattern):
                        continue
                    if other is actor:
                        raise DataError(ACTORS_FILE, 0, f"an alias of {actor.name!r} is listed twice "
                                            "(case, accents and punctuation do not count)")
                    if not (marked and other_marked):
                        raise DataError(ACTORS_FILE, 0, f"an alias of {actor.name!r} also names {other.name!r}: "
                                            f"remove it from one row, or mark it {'~'} on both")

    def get_actor(self, name: str) -> Actor | None:
        """The actor of this canonical name (any case)."""
        return self._by_name.get(name.casefold())

    def find_actors(self, alias: str) -> tuple[Actor, ...]:
        """Every actor this whole text is an alias of (more than one only for a shared alias)."""
        tokens = tokenize(alias)
        found = self._find_exact(tokens)
        if not found and len(tokens) > 1 and tokens[0].key == "the":
            found = self._find_exact(tokens[1:])
        return found

    def find_actor(self, alias: str, *, countries: Iterable[str] = ()) -> Actor | None:
        """The actor this whole text is an alias of; a shared alias goes to the first of ``countries``."""
        found = self.find_actors(alias)
        return _choose(found, tuple(countries)) if found else None

    def _find_exact(self, tokens: list[Token]) -> tuple[Actor, ...]:
        node: _Node | None = self._root
        for position, token in enumerate(tokens):
            joined = token.joined or position == 0
            node = node.children.get(token.key) if node and joined else None
        if node is None or not tokens:
            return ()
        return tuple(actor for entry in node.entries if fits(entry.pattern, tokens, 0) for actor in entry.actors)

    def match_actors(self, text: str, *, countries: Iterable[str] = ()) -> list[ActorMatch]:
        """Every alias in a text, leftmost-longest and not overlapping, in order."""
        preferred = tuple(countries)
        tokens = tokenize(text)
        matches: list[ActorMatch] = []
        index = 0
        while index < len(tokens):
            end, found = self._longest_at(tokens, index)
            if not found:
                index += 1
                continue
            actor = _choose(found, preferred)
            while (not _is_government(actor) and end < len(tokens) and tokens[end].joined
                   and tokens[end].key in ROLE_WORDS and self._longest_at(tokens, end)[0] <= end + 1):
                end += 1
            start, stop = tokens[index].start, tokens[end - 1].end
            country = actor.country or self._demonym_before(tokens, index)
            matches.append(ActorMatch(actor=actor, start=start, end=stop, text=text[start:stop], country=country,
                                      candidates=tuple(sorted(found, key=lambda a: a is not actor))))
            index = end
        return matches

    def _longest_at(self, tokens: list[Token], start: int) -> tuple[int, tuple[Actor, ...]]:
        """(end, actors) of the longest alias starting at ``start``; (start, ()) if none.

        An alias of acronyms alone ("IS", "KIA") is not taken in text written in capitals."""
        node = self._root
        best: tuple[int, tuple[Actor, ...]] = (start, ())
        position = start
        while position < len(tokens) and (position == start or tokens[position].joined):
            child = node.children.get(tokens[position].key)
            if child is None:
                break
            node = child
            position += 1
            found = tuple(actor for entry in node.entries if fits(entry.pattern, tokens, start)
                          and not (_all_acronyms(entry.pattern) and is_shouted(tokens, start, position))
                          for actor in entry.actors)
            if found:
                best = (position, found)
        return best

    def _demonym_before(self, tokens: list[Token], index: int) -> str | None:
        """The country of a demonym written just before token ``index`` ("South Sudanese civilians")."""
        for width in (2, 1):
            first = index - width
            if first < 0 or not all(token.joined for token in tokens[first + 1:index + 1]):
                continue
            country = self._demonyms.get(tuple(token.key for token in tokens[first:index]))
            if country:
                return country
        return None

    def find_demonym(self, word: str) -> str | None:
        """The country of a demonym or its plural: "Russian" -> RU, "Ukrainians" -> UA, "South Sudanese" -> SS."""
        keys = tuple(token.key for token in tokenize(word))
        if not keys:
            return None
        country = self._demonyms.get(keys)
        if country is None and keys[-1].endswith("s"):
            country = self._demonyms.get((*keys[:-1], keys[-1][:-1]))
        return country


def _all_acronyms(pattern: tuple[str | None, ...]) -> bool:
    return all(want for want in pattern)  # neither None (any case) nor CAPITAL ("")


def _is_government(actor: Actor) -> bool:
    """A government (CAMEO role GOV): "Kremlin forces" are the army's, so its name takes no role word."""
    return bool(actor.cameo and actor.cameo.endswith("GOV"))


def _choose(found: tuple[Actor, ...], countries: tuple[str, ...]) -> Actor:
    """Of the actors of a shared alias, the first whose country the story names, else the first listed."""
    for country in countries:
        for actor in found:
            if actor.country == country:
                return actor
    return found[0]


@cache
def load_actor_dictionary() -> ActorDictionary:
    """The packaged dictionary, read and indexed once per process."""
    version, actors = read_actors()
    dictionary = ActorDictionary(actors, read_states(), version=version)
    logger.debug("actor dictionary %s: %d actors", dictionary.version, len(dictionary.actors))
    return dictionary


def read_actors_version() -> str:
    return load_actor_dictionary().version


def find_actor(alias: str, *, countries: Iterable[str] = ()) -> Actor | None:
    return load_actor_dictionary().find_actor(alias, countries=countries)


def find_actors(alias: str) -> tuple[Actor, ...]:
    return load_actor_dictionary().find_actors(alias)


def get_actor(name: str) -> Actor | None:
    return load_actor_dictionary().get_actor(name)


def match_actors(text: str, *, countries: Iterable[str] = ()) -> list[ActorMatch]:
    return load_actor_dictionary().match_actors(text, countries=countries)


def find_demonym(word: str) -> str | None:
    return load_actor_dictionary().find_demonym(word)
