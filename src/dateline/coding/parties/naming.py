"""Who a phrase found by a role names: the actor dictionary first, then what the words say.

    name_role(cast, token, side="agent", family="violence", country="UA") -> Named | None

In order, for the phrase the role's token heads ("the Islamic State affiliate in Afghanistan",
"Russia", "its", "14 people"):

1. a pronoun ("it", "they", "its") is the party named last before it (cast.py);
2. a news agency ("AP", "Reuters") is never a party;
3. "the group", "the militants", "the paramilitary" (no name of their own) are the named
   armed group the story told of before; "the enemy" the foreign forces it names most;
4. an alias of the actor dictionary in the phrase, over its head or before it ("RSF
   militants", "al-Shabaab suspects", "Kenyan police officers");
5. a state named by its name or its capital ("Russia", "Moscow's", "Israel"), or by a demonym
   before the trigger ("Israeli strikes"): its military in violence, else its government;
6. a place is never an actor; as the one hit, it stands for its people (civilians);
7. people and numbers ("14 people", "killing six") are civilians; things hit (homes, energy
   facilities) stand for their owners, civilians too;
8. a name the dictionary does not know keeps its words, with a kind guessed from its role
   words ("Kyauk Lone Gyi militia": a political militia; "... Liberation Front": rebels;
   "... union": protesters); a name without such a word names no party;
9. a state's forces written without a name ("troops", "police") are the security forces of
   the event's country.

Countries of generic actors (``Named.generic``) are filled from the event's place later.
"""
from __future__ import annotations

import re

from ...actors import find_actor, find_demonym, match_actors
from ...models import Party
from .cast import Named, StoryCast, name_actor
from .tree import ParseTree
from .words import PartyWords, load_party_words

POINTING = frozenset({"it", "its", "they", "them", "their", "theirs", "itself", "themselves"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_LEADING = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def name_role(cast: StoryCast, token: int, *, side: str, family: str, country: str | None = None,
              how: str = "subject") -> Named | None:
    """The party the phrase headed by ``token`` names, or None (see the module's rules); ``how``: how
    the role was found (a name before a trigger, "modifier", names a state only by a demonym)."""
    tree = cast.tree
    if tree is None:
        return None
    words = load_party_words()
    first, last = tree.phrase(token)
    span = tree.char_span(first, last)
    text = tree.span_text(first, last)
    head = tree[token]
    lemma = tree.lemma(token)
    if head.pos == "PRON":
        return point_back(cast, tree, token) if lemma in POINTING else None
    if lemma in words.weapons and side == "agent":
        return name_weapon(cast, tree, token, family=family, country=country)
    if is_agency(text, words, cast.agency):
        return None
    if lemma in words.enemy_nouns:
        found = cast.find_enemy(country)
        return refer(found, text, span) if found is not None else None
    if lemma in words.back_nouns and not has_name(tree, first, last) and is_definite(tree, first, token):
        found = cast.refer_back(head.start, groups=True)
        if found is not None:
            return refer(found, text, span)
    found = look_up(cast, tree, token, first, last)
    if found is not None:
        return found
    if side == "agent" and (how != "modifier" or head.pos == "ADJ"):
        state = name_state_of(tree, token, first, last, family=family)
        if state is not None:
            return state
    place = cast.find_place(head.start, head.end)
    if place is not None or (lemma in words.things and side == "patient"):
        if side == "patient" and family in ("violence", "disaster"):
            return civilians(place.country if place is not None else country, text, span)
        return None
    if side == "patient" and family == "arrest" and lemma in words.suspect_nouns:
        return Named(Party(tree.word(token).lower(), "civilians", find_demonym_in(tree, first, last), span),
                     text, span, rank=1, generic=True)
    if lemma in words.people or head.pos == "NUM":
        return civilians(find_demonym_in(tree, first, last), text, span)
    guessed = guess_group(tree, first, last, words)
    if guessed is not None:
        return Named(Party(guessed[0], guessed[1], None, span), text, span, rank=3, generic=True)
    if lemma in words.state_nouns and head.pos == "NOUN":
        return Named(Party("security forces", "state_forces", find_demonym_in(tree, first, last), span), text, span,
                     rank=1, generic=True)
    return None


def name_weapon(cast: StoryCast, tree: ParseTree, token: int, *, family: str, country: str | None) -> Named | None:
    """A weapon or strike as the subject ("Israeli strikes killed 20", "a Russian missile hit"): the doer its
    possessor, the names before it or its "by" phrase give."""
    words = load_party_words()
    candidates = [(i, "possessor") for i in tree.children(token, "poss")]
    candidates += [(i, "modifier") for i in tree.children(token, "compound", "amod", "nmod") if i < token]
    candidates += [(i, "by") for i in tree.preps(token, words.agent_preps)]
    for index, how in candidates:
        if tree.lemma(index) in words.weapons:
            continue
        named = name_role(cast, index, side="agent", family=family, country=country, how=how)
        if named is not None:
            return named
    return None


def point_back(cast: StoryCast, tree: ParseTree, token: int) -> Named | None:
    head = tree[token]
    found = cast.refer_back(head.start)
    return refer(found, tree.word(token), (head.start, head.end)) if found is not None else None


def refer(found: Named, text: str, span: tuple[int, int]) -> Named:
    """A party pointed back to, at the words that point."""
    party = Party(found.party.name, found.party.kind, found.party.country, span)
    return Named(party, text, span, rank=min(found.rank, 2), generic=found.generic)


def is_agency(text: str, words: PartyWords, agency: str | None) -> bool:
    bare = _LEADING.sub("", text).strip().lower()
    return bare in words.agencies or (agency is not None and bare == agency.lower())


def has_name(tree: ParseTree, first: int, last: int) -> bool:
    return any(tree[i].pos == "PROPN" for i in range(first, last + 1))


def is_definite(tree: ParseTree, first: int, token: int) -> bool:
    return any(tree.lemma(i) in DEFINITE for i in range(first, token))


def look_up(cast: StoryCast, tree: ParseTree, token: int, first: int, last: int) -> Named | None:
    """An alias of the dictionary in the phrase: the one over its head, else one before it."""
    start, _ = tree.char_span(first, last)
    text = tree.span_text(first, last)
    head = tree[token]
    matches = match_actors(text, countries=cast.countries)
    over = [m for m in matches if start + m.start <= head.start and head.end <= start + m.end]
    before = [m for m in matches if start + m.end <= head.start]
    chosen = over[0] if over else before[-1] if before else None
    if chosen is None:
        return None
    span = (start + chosen.start, start + chosen.end)
    if cast.find_place(*span) is not None and not over:
        return None
    return name_actor(chosen.actor, country=chosen.country, span=span, text=text)


def name_state_of(tree: ParseTree, token: int, first: int, last: int, *, family: str) -> Named | None:
    """A state named by its name, its capital or a demonym: its military in violence, else its government."""
    head = tree[token]
    if head.pos == "PROPN":
        names = [i for i in range(first, last + 1) if tree[i].pos == "PROPN"]
        name = _POSSESSIVE.sub("", tree.span_text(names[0], names[-1])) if names else ""
    elif head.pos == "ADJ" and find_demonym(tree.word(token)):
        name = tree.word(token)
    else:
        return None
    role = "military" if family in ("violence", "interception", "territory_change") else "government"
    actor = find_actor(f"{name} {role}") or find_actor(f"{name} forces")
    if actor is None or actor.kind != "state_forces":
        return None
    span = tree.char_span(first, last)
    return Named(Party(actor.name, actor.kind, actor.country, span), tree.span_text(first, last), span, rank=3)


def civilians(country: str | None, text: str, span: tuple[int, int]) -> Named:
    return Named(Party("civilians", "civilians", country, span), text, span, rank=1, generic=True)


def find_demonym_in(tree: ParseTree, first: int, last: int) -> str | None:
    """The country of a demonym among a phrase's words ("Palestinian civilians", "Kenyan troops")."""
    for index in range(first, last + 1):
        if tree[index].pos in ("ADJ", "PROPN") and tree[index].ent in ("NORP", "GPE", ""):
            country = find_demonym(tree.word(index))
            if country:
                return country
    return None


def guess_group(tree: ParseTree, first: int, last: int, words: PartyWords) -> tuple[str, str] | None:
    """(name, kind) of a named group the dictionary does not know, from its role words; None
    when the phrase has no name, or no word that says what kind of group it is."""
    if not has_name(tree, first, last):
        return None
    lemmas = {tree.lemma(i) for i in range(first, last + 1)} | {tree.word(i).lower() for i in range(first, last + 1)}
    name = _LEADING.sub("", tree.span_text(first, last)).strip()
    for kind, role_words in (("identity_militia", words.identity_words), ("rebels", words.rebel_words),
                             ("political_militia", words.militia_words), ("protesters", words.protester_words)):
        if lemmas & role_words:
            return name, kind
    return None
