"""Who did an event and to whom, read from the parse (ACLED's Actor 1 and Actor 2).

    cast = StoryCast(text, parse, places=..., countries=...)          once per story (cast.py)
    find_parties(cast, start, end, family="violence", country="UA")   -> Sides(actor, target, ...)
    describe_version()                                                 -> joins the stored coder version

The modules, each importing only those before it:

    words.py    the words the rules read (data/en/coding/party_words.txt)
    tree.py     the parse records of nlp/ as a tree: heads, children, phrases
    roles.py    the agent and patient phrases of a trigger (subject, "by", possessor, object, "on" ...)
    cast.py     the actors a story names, for "it", "the group" and "the enemy"
    naming.py   who a phrase names: the actor dictionary, states, places, people, unknown groups

The event coder (coding/events/parties.py) calls ``find_parties`` for each mention of an
event, keeps the best-named party across the mentions it merges, and settles what the
text leaves unsaid by the event's type (docs/actors.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...actors import read_actors_version
from ...models import Span
from .cast import Named, StoryCast, StoryPlace, find_state, is_generic, name_actor, name_state
from .naming import name_role, name_weapon
from .roles import Role, Roles, find_roles
from .tree import ParseTree
from .words import PartyWords, load_dyads, load_party_words, read_dyads_version

__all__ = ["PARTIES_VERSION", "Named", "ParseTree", "PartyWords", "Role", "Roles", "Sides", "StoryCast",
           "StoryPlace", "describe_version", "find_parties", "find_roles", "find_state", "is_generic", "load_dyads",
           "load_party_words", "name_actor", "name_role", "name_state", "same_party"]

PARTIES_VERSION = "parties-2"
RAW_MENTIONS = 3  # the raw names an event's mention keeps for each side
ARMED_FAMILIES = frozenset({"violence", "interception", "territory_change", "abduction", "arrest"})


def describe_version() -> str:
    """The party coder's version: its code's, its tables' and the actor dictionary's."""
    return f"{PARTIES_VERSION}+{load_party_words().version}+{read_dyads_version()}+{read_actors_version()}"


@dataclass(frozen=True, slots=True)
class Sides:
    """The parties of one mention: the best-named doer and the one hit, and every phrase found."""

    actor: Named | None = None
    target: Named | None = None
    agents: list[Named] = field(default_factory=list)
    patients: list[Named] = field(default_factory=list)

    def list_agents(self) -> list[tuple[str, Span]]:
        """(words, span) of each doer the mention names, each phrase once, at most ``RAW_MENTIONS``."""
        return list_mentions(self.agents)

    def list_patients(self) -> list[tuple[str, Span]]:
        return list_mentions(self.patients)


def list_mentions(found: list[Named]) -> list[tuple[str, Span]]:
    seen: dict[str, Span] = {}
    for named in found:
        if named.text and named.text not in seen:
            seen[named.text] = named.span
    return list(seen.items())[:RAW_MENTIONS]


def find_parties(cast: StoryCast, start: int, end: int, *, family: str, country: str | None = None,
                 loss: bool = False) -> Sides:
    """The parties of the trigger at [start, end) of the story text; ``country``: the event's place's."""
    if cast.tree is None:
        return Sides()
    roles = find_roles(cast.tree, start, end, loss=loss, interception=family == "interception")
    agents = name_roles(cast, roles.agents, side="agent", family=family, country=country)
    if family in ARMED_FAMILIES:  # the unarmed do no violence: "the bodies of five men" names victims
        agents = [named for named in agents if named.party.kind not in ("civilians", "protesters")]
    patients = name_roles(cast, roles.patients, side="patient", family=family, country=country)
    if not agents and family != "interception":  # what an interception stops is no doer
        agents = find_sentence_doer(cast, start, family=family, country=country,
                                    taken={role.token for role in roles.patients})
    actor, target = choose(agents), choose(patients)
    if actor is not None and target is not None and same_party(actor, target):
        target = next((named for named in patients if not same_party(named, actor)), None)
    for named in (actor, target):
        if named is not None and named.rank >= 3:
            cast.learn(named)
    return Sides(actor=actor, target=target, agents=agents, patients=patients)


def find_sentence_doer(cast: StoryCast, at: int, *, family: str, country: str | None,
                       taken: set[int]) -> list[Named]:
    """The doer an act named elsewhere in the trigger's sentence gives, when the parse ties none to the
    trigger ("was killed and two guards wounded in raids by suspected rebels")."""
    tree = cast.tree
    if tree is None:
        return []
    words = load_party_words()
    token = tree.find_head(at, at + 1)
    if token is None:
        return []
    for index in tree.sentence_of(token):
        if (index != token and index not in taken and tree.lemma(index) in words.weapons
                and not tree.is_verb(index)):
            named = name_weapon(cast, tree, index, family=family, country=country)
            if named is not None:
                return [Named(named.party, named.text, named.span, rank=min(named.rank, 2), generic=named.generic)]
    return []


def name_roles(cast: StoryCast, roles: list[Role], *, side: str, family: str, country: str | None) -> list[Named]:
    found = []
    for role in roles:
        named = name_role(cast, role.token, side=side, family=family, country=country, how=role.how)
        if named is not None and not (role.how == "aim" and named.party.kind == "civilians"):
            found.append(named)  # a place aimed at stands for people only as the victims do ("a home in Bailey")
    return found


def same_party(first: Named, second: Named) -> bool:
    a, b = first.party, second.party
    return (a.name, a.kind, a.country) == (b.name, b.kind, b.country)


def choose(found: list[Named]) -> Named | None:
    """The first party named outright, else the first pointed back to, else the first found."""
    if not found:
        return None
    best = max(named.rank for named in found)
    return next(named for named in found if named.rank == best)
