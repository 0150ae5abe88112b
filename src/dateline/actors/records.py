"""The records of the actor dictionary: an actor, a state's row of countries.csv, a match in a text.

An actor's ``kind`` is one of ACLED's eight actor types (its "inter" codes 1-8); the
order of ``ACTOR_KINDS`` is ACLED's, so ``ACLED_INTER[kind]`` gives the code.
"""
from __future__ import annotations

from dataclasses import dataclass

ACTOR_KINDS = (
    "state_forces",
    "rebels",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_other",
)
ACLED_INTER = {kind: code for code, kind in enumerate(ACTOR_KINDS, start=1)}
COUNTRY_PLACEHOLDER = "{country}"  # in generic ACLED names: "Civilians ({country})"


@dataclass(frozen=True, slots=True)
class Actor:
    """One row of data/actors.csv: a canonical actor and the names news gives it."""

    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]
    acled: str | None = None
    cameo: str | None = None
    note: str = ""
    shared: tuple[str, ...] = ()  # aliases that name another actor too, on purpose ("~SNA" in the file)
    generated: bool = False  # a state row made by scripts/make_state_actors.py

    @property
    def inter(self) -> int:
        """ACLED's inter code of the kind (1 state forces ... 8 external/other)."""
        return ACLED_INTER[self.kind]

    def format_acled(self, country_name: str | None = None) -> str | None:
        """ACLED's actor name, with the country's name put in where ACLED's generic names take one.

        None where the dictionary has no ACLED name, or where it needs a country and none is given.
        """
        if not self.acled:
            return None
        if COUNTRY_PLACEHOLDER not in self.acled:
            return self.acled
        if not country_name:
            return None
        return self.acled.replace(COUNTRY_PLACEHOLDER, country_name)


@dataclass(frozen=True, slots=True)
class StateNames:
    """One row of data/countries.csv: how news names a state, its people and its forces."""

    country: str
    name: str  # as ACLED writes it in actor names: "the United States", "Russia"
    demonyms: tuple[str, ...]  # "Russian"; the usual one first
    names: tuple[str, ...]  # used attributively: "Russia", "Moscow"
    rows: tuple[str, ...]  # which state rows to generate: military, police, government
    acled_period: str  # "2000-", or "" where not known
    cameo: str  # the CAMEO country code: the ISO alpha-3 code unless the file says otherwise
    military: tuple[str, ...]
    police: tuple[str, ...]
    government: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """An alias found in a text: where, which actor, and the country it has there.

    ``country`` is the actor's own, else that of a demonym written just before a generic
    actor ("Palestinian civilians" -> PS, "Kenyan protesters" -> KE). ``candidates`` holds
    every actor of a deliberately shared alias ("SNA"), the chosen one first.
    """

    actor: Actor
    start: int
    end: int
    text: str
    country: str | None
    candidates: tuple[Actor, ...] = ()
