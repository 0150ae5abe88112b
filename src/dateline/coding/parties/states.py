"""States in a phrase: named by their name, capital or demonym, or by a noun of their forces.

    name_state_of(cast, tree, token, first, last, family="violence", how="subject") -> Named | None
    find_country_in(cast, tree, first, last)   -> "IL" for "Israel's Northern Command"
    find_demonym_in(tree, first, last)         -> "PS" for "Palestinian civilians"

A state acts through its military in violence (``ARMED_FAMILIES``) and its government
otherwise; "Pakistan said it downed ..." is Pakistan's forces. A town is no state ("DAKAR,
Senegal (AP) —"), a country after a place and a comma says where ("LYON, France -"), and a
proper name before a trigger is its place ("the Kampala market bombing") unless it is a
demonym ("Israeli strikes", "U.S. airstrike").
"""
from __future__ import annotations

import re

from ...actors import Actor, find_actor, find_demonym
from ...models import Party
from .cast import Named, StoryCast, find_state
from .tree import ParseTree
from .words import load_party_words

ARMED_FAMILIES = frozenset({"violence", "interception", "territory_change"})
POSSESSIVE = re.compile(r"['\u2019]s?$")
DOER_ROLES = ("modifier", "possessor", "subject", "by")  # roles in which a demonym names the doer


def name_state_of(cast: StoryCast, tree: ParseTree, token: int, first: int, last: int, *, family: str,
                  how: str) -> Named | None:
    """The state a phrase names, as its forces (military, police) or its government; None if none."""
    words = load_party_words()
    lemma = tree.lemma(token)
    if lemma in words.state_nouns and not (how in DOER_ROLES and is_demonym(tree, token)):
        role = "police" if lemma in words.police_nouns else "government" if lemma in words.government_nouns \
            else "military"  # "Israel's Northern Command", "Russian security agencies"
        return name_state_actor(find_state(find_country_in(cast, tree, first, last), role), tree, first, last)
    name = read_state_name(cast, tree, token, first, last, how=how)
    if not name:
        return None
    role = "military" if family in ARMED_FAMILIES else "government"
    return name_state_actor(find_actor(f"{name} {role}") or find_actor(f"{name} forces"), tree, first, last)


def read_state_name(cast: StoryCast, tree: ParseTree, token: int, first: int, last: int, *, how: str) -> str:
    """The words that name a state in the phrase ("Israeli", "Russia"), or "" where it names none."""
    head = tree[token]
    if how in DOER_ROLES and is_demonym(tree, token):
        return tree.word(token)
    if head.pos != "PROPN" or how == "modifier":
        return ""
    place = cast.find_place(head.start, head.end)
    if place is not None and (not place.whole_country and how != "possessor" or follows_place(cast, tree, first)):
        return ""
    names = [i for i in range(first, last + 1) if tree[i].pos == "PROPN"]
    return POSSESSIVE.sub("", tree.span_text(names[0], names[-1])) if names else ""


def is_demonym(tree: ParseTree, token: int) -> bool:
    return tree[token].pos in ("ADJ", "PROPN") and find_demonym(tree.word(token)) is not None


def name_state_actor(actor: Actor | None, tree: ParseTree, first: int, last: int) -> Named | None:
    if actor is None or actor.kind != "state_forces":
        return None
    span = tree.char_span(first, last)
    return Named(Party(actor.name, actor.kind, actor.country, span), tree.span_text(first, last), span, rank=3)


def follows_place(cast: StoryCast, tree: ParseTree, first: int) -> bool:
    """The words come after a place and a comma ("Lyon, France", "Maiduguri, Nigeria"): they say where."""
    if first < 2 or tree.word(first - 1) != ",":
        return False
    before = tree[first - 2]
    return cast.find_place(before.start, before.end) is not None


def find_country_in(cast: StoryCast, tree: ParseTree, first: int, last: int) -> str | None:
    """The country a phrase's words name: a demonym, or a whole country the story names there
    ("Israel's Northern Command")."""
    for index in range(first, last + 1):
        word = tree.word(index)
        country = find_demonym(word)
        place = cast.find_place(tree[index].start, tree[index].end)
        if country is None and place is not None and place.whole_country:
            country = place.country
        if country is None and tree[index].pos == "PROPN" and (place is None or place.whole_country):
            actor = find_actor(f"{POSSESSIVE.sub('', word)} military")
            country = actor.country if actor is not None and actor.kind == "state_forces" else None
        if country:
            return country
    return None


def find_demonym_in(tree: ParseTree, first: int, last: int) -> str | None:
    """The country of a demonym among a phrase's words ("Palestinian civilians", "Kenyan troops")."""
    for index in range(first, last + 1):
        if tree[index].pos in ("ADJ", "PROPN") and tree[index].ent in ("NORP", "GPE", ""):
            country = find_demonym(tree.word(index))
            if country:
                return country
    return None
