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
from .cast import Named, StoryCast, find_state, name_actor
from .tree import ParseTree
from .words import PartyWords, load_party_words

ARMED_FAMILIES = frozenset({"violence", "interception", "territory_change"})
POINTING = frozenset({"it", "its", "they", "them", "their", "theirs", "itself", "themselves"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_LEADING = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def name_role(cast: StoryCast, token: int, *, side: str, family: str, country: str | None = None,
              how: str = "subject") -> Named | None:
    """The party the phrase headed by ``token`` names, or None (see the module's rules); ``how``: how
    the role was found (a name before a trigger, "modifier", names a state only by a demonym)."""
    named = read_name(cast, token, side=side, family=family, country=country, how=how)
    if named is not None and family in ARMED_FAMILIES and named.party.name.startswith("Government of "):
        military = find_state(named.party.country)
        if military is not None:  # "Pakistan said it downed ...": Pakistan's forces did
            party = Party(military.name, military.kind, military.country, named.party.span)
            return Named(party, named.text, named.span, named.rank, named.generic)
    return named


def read_name(cast: StoryCast, token: int, *, side: str, family: str, country: str | None,
              how: str) -> Named | None:
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
    if side == "patient" and family == "interception" and (head.pos == "NUM" or lemma in words.people):
        return None  # "Twenty-two were shot down": weapons, not people; whose, the story says
    if lemma in words.weapons and side == "agent":
        return name_weapon(cast, tree, token, family=family, country=country, point=how == "subject")
    if is_agency(text, words, cast.agency):
        return None
    if lemma in words.enemy_nouns:
        found = cast.find_enemy(country)
        return refer(found, text, span) if found is not None else None
    if lemma in words.back_nouns and not has_name(tree, first, last) and is_definite(tree, first, token):
        found = cast.refer_back(head.start, groups=True)
        if found is not None:
            return refer(found, text, span)
    if side == "patient" and family == "arrest" and lemma in words.suspect_nouns:
        return name_suspects(cast, tree, token, first, last, words)
    thing = lemma in words.things
    found = look_up(cast, tree, token, first, last, owner=thing)
    if found is not None:
        return found
    if side == "agent" or lemma in words.state_nouns:
        state = name_state_of(cast, tree, token, first, last, family=family, how=how)
        if state is not None:
            return state
    place = cast.find_place(head.start, head.end)
    if thing and any(tree.lemma(i) in words.state_nouns for i in range(first, last + 1) if i != token):
        return forces(find_demonym_in(tree, first, last), text, span)  # "a security convoy", "an army post"
    if place is not None or thing:
        if side == "patient" and family in ("violence", "disaster"):
            named = civilians(place.country if place is not None else country, text, span)
            return Named(named.party, text, span, rank=0, generic=True)
        return None
    if head.pos == "PROPN" and any(tree.lemma(i) in words.state_nouns for i in range(first, token)):
        # "Moreh sub-divisional police officer Chingtham Anand Kumar": one of the state's forces
        return forces(find_demonym_in(tree, first, last), text, span)
    if lemma in words.people or head.pos == "NUM":
        return civilians(find_demonym_in(tree, first, last), text, span)
    guessed = guess_group(tree, token, first, last, words)
    if guessed is not None:
        return Named(Party(guessed[0], guessed[1], None, span), text, span, rank=3, generic=True)
    if lemma in words.state_nouns and head.pos == "NOUN":
        return forces(find_demonym_in(tree, first, last), text, span)
    return None


def forces(country: str | None, text: str, span: tuple[int, int]) -> Named:
    """A state's forces the words do not name ("troops", "a security convoy"): the event's place's."""
    return Named(Party("security forces", "state_forces", country, span), text, span, rank=1, generic=True)


def name_suspects(cast: StoryCast, tree: ParseTree, token: int, first: int, last: int,
                  words: PartyWords) -> Named:
    """The people an arrest takes: fighters of the group the story names when the words make them
    fighters ("terror suspects"), else civilians, named by their own word ("suspects")."""
    span, text = tree.char_span(first, last), tree.span_text(first, last)
    if any(tree.lemma(i) in words.fighter_words for i in range(first, last + 1)):
        found = cast.refer_back(tree[token].start, groups=True) or cast.find_group()
        if found is not None:
            return refer(found, text, span)
        return Named(Party("Islamist militants" if "islamist" in text.lower() else "unidentified rebels", "rebels",
                           None, span), text, span, rank=1, generic=True)
    return Named(Party(tree.word(token).lower(), "civilians", find_demonym_in(tree, first, last), span),
                 text, span, rank=1, generic=True)


def name_weapon(cast: StoryCast, tree: ParseTree, token: int, *, family: str, country: str | None,
                point: bool = False) -> Named | None:
    """A weapon or an act as the doer ("Israeli strikes killed 20", "killed in two attacks by militants"): the
    doer its possessor, the names before it or its "by" phrase give; with ``point``, a definite one
    with none ("The missiles killed 31") is the armed party named last before it."""
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
    first, _ = tree.phrase(token)
    if point and is_definite(tree, first, token):  # "The missiles killed 31": the doer of the strikes told before
        found = cast.refer_back(tree[token].start, armed=True)
        if found is not None:
            return refer(found, tree.span_text(*tree.phrase(token)), tree.char_span(*tree.phrase(token)))
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


def look_up(cast: StoryCast, tree: ParseTree, token: int, first: int, last: int, *,
            owner: bool = False) -> Named | None:
    """An alias of the dictionary in the phrase: the one over its head, else one before it; for a
    thing, else its owner after it ("a convoy of Somalia's elite forces")."""
    start, _ = tree.char_span(first, last)
    text = tree.span_text(first, last)
    head = tree[token]
    matches = match_actors(text, countries=cast.countries)
    if not matches:
        for apposed in tree.children(token, "appos"):  # "the Cooperative ... (CODECO) group"
            if tree[apposed].pos == "PROPN":
                return look_up(cast, tree, apposed, *tree.phrase(apposed))
        return None
    over = [m for m in matches if start + m.start <= head.start and head.end <= start + m.end]
    before = [m for m in matches if start + m.end <= head.start]
    after = [m for m in matches if start + m.start >= head.end] if owner else []
    chosen = over[0] if over else before[-1] if before else after[0] if after else None
    if chosen is None:
        return None
    span = (start + chosen.start, start + chosen.end)
    if cast.find_place(*span) is not None and not over:
        return None
    named = name_actor(chosen.actor, country=chosen.country, span=span, text=text)
    words = load_party_words()
    if (named.generic and named.party.kind in ("political_militia", "rebels")
            and any(tree.lemma(i) in words.identity_words for i in range(first, last + 1))):
        party = named.party  # "suspected tribal militants": fighters of an identity, not a cause
        return Named(Party(party.name, "identity_militia", party.country, party.span), text, named.span, named.rank,
                     named.generic)
    return named


def name_state_of(cast: StoryCast, tree: ParseTree, token: int, first: int, last: int, *, family: str,
                  how: str) -> Named | None:
    """A state named by its name ("Russia", "Israel's"), its capital as an owner ("Moscow's"), or a
    demonym ("Israeli strikes", "U.S. airstrike"): its military in violence, else its government.
    A town is no state, and a name before a trigger is its place unless it is a demonym
    ("the Moscow concert hall attack")."""
    head = tree[token]
    demonym = find_demonym(tree.word(token)) if head.pos in ("ADJ", "PROPN") else None
    words = load_party_words()
    if demonym is not None and how in ("modifier", "possessor", "subject", "by"):
        name = tree.word(token)
    elif tree.lemma(token) in words.state_nouns:  # "Israel's Northern Command", "Russian security agencies"
        role = ("police" if tree.lemma(token) in words.police_nouns else
                "government" if tree.lemma(token) in words.government_nouns else "military")
        actor = find_state(find_country_in(cast, tree, first, last), role)
        if actor is None:
            return None
        span = tree.char_span(first, last)
        return Named(Party(actor.name, actor.kind, actor.country, span), tree.span_text(first, last), span, rank=3)
    elif head.pos == "PROPN" and how != "modifier":
        place = cast.find_place(head.start, head.end)
        if place is not None and not place.whole_country and how != "possessor":
            return None  # "NAIROBI, Kenya (AP) —", "Odesa": a place, not its state
        if place is not None and follows_place(cast, tree, first):
            return None  # "LYON, France - Hundreds of students marched": the country of a place
        names = [i for i in range(first, last + 1) if tree[i].pos == "PROPN"]
        name = _POSSESSIVE.sub("", tree.span_text(names[0], names[-1])) if names else ""
    else:
        return None
    role = "military" if family in ARMED_FAMILIES else "government"
    actor = find_actor(f"{name} {role}") or find_actor(f"{name} forces")
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
        if country:
            return country
        place = cast.find_place(tree[index].start, tree[index].end)
        if place is not None and place.whole_country:
            return place.country
        if tree[index].pos == "PROPN" and (place is None or place.whole_country):
            actor = find_actor(f"{_POSSESSIVE.sub('', word)} military")
            if actor is not None and actor.kind == "state_forces":
                return actor.country
    return None


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


def guess_group(tree: ParseTree, token: int, first: int, last: int, words: PartyWords) -> tuple[str, str] | None:
    """(name, kind) of a named group the dictionary does not know, from its role words; None
    when the phrase has no name, or no word that says what kind of group it is."""
    if not has_name(tree, first, last) or tree.lemma(token) in words.things:
        return None  # "the main African Union base": a thing of the Union, no group of its own
    lemmas = {tree.lemma(i) for i in range(first, last + 1)} | {tree.word(i).lower() for i in range(first, last + 1)}
    name = _LEADING.sub("", tree.span_text(first, last)).strip()
    for kind, role_words in (("identity_militia", words.identity_words), ("rebels", words.rebel_words),
                             ("political_militia", words.militia_words), ("protesters", words.protester_words)):
        if lemmas & role_words:
            return name, kind
    return None
