"""Who a phrase found by a role names: the actor dictionary first, then what the words say.

    name_role(cast, token, side="agent", family="violence", country="UA") -> Named | None

In order, for the phrase the role's token heads ("the al-Qaeda affiliate in Yemen",
"Russia", "its", "14 people"):

1. a pronoun ("it", "they", "its") is the party named last before it (cast.py); one that speaks
   ("It said ...", "it said it had detained ...") the party that spoke last ("The army said ...");
2. a news agency ("AP", "Reuters") is never a party;
3. "the group", "the militants", "the paramilitary" (no name of their own) are the named
   armed group the story told of before; "the enemy" the foreign forces it names most;
4. an alias of the actor dictionary in the phrase, over its head or before it ("RSF
   militants", "al-Shabaab suspects", "Kenyan police officers"); a thing named by a body
   whose forces the dictionary knows with a word of force ("the African Union base":
   "African Union troops") stands for those forces;
5. a state named by its name or its capital ("Russia", "Moscow's", "Israel"), or by a demonym
   before the trigger ("Israeli strikes"): its military in violence, else its government
   (states.py);
6. a place is never an actor; as the one hit, it stands for its people (civilians);
7. people and numbers ("14 people", "killing six") are civilians; things hit (homes, energy
   facilities) stand for their owners, civilians too;
8. a name the dictionary does not know keeps its words, with a kind guessed from its role
   words ("Kyauk Lone Gyi militia": a political militia; "... Liberation Front": rebels;
   "... union": protesters); a name without such a word names no party;
9. a state's forces written without a name ("troops", "police") are the security forces of
   the event's country.

The rules are ``NAMING_RULES``, tried in this order; the first that decides wins, and a
rule may decide that the phrase names no one (``NOBODY``). Countries of generic actors
(``Named.generic``) are filled from the event's place later.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...actors import match_actors
from ...models import Party, Span
from .cast import Named, StoryCast, find_state, name_actor
from .states import ARMED_FAMILIES, find_demonym_in, name_state_of
from .tree import ParseTree
from .words import PartyWords, load_party_words

POINTING = frozenset({"it", "its", "they", "them", "their", "theirs", "itself", "themselves"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_LEADING = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)
FORCE_WORDS = ("forces", "troops")  # what a body's base or convoy holds ("the African Union base")
NOBODY = Named(Party("", "", None, None), "", (0, 0), rank=-1)  # a rule's answer: the phrase names no one


@dataclass(frozen=True, slots=True)
class Phrase:
    """The phrase a role's token heads, and what the naming rules need to know of it."""

    cast: StoryCast
    tree: ParseTree
    token: int
    first: int
    last: int
    side: str  # agent or patient
    family: str  # the event's type family
    country: str | None  # the event's place's
    how: str  # how the role was found (roles.py)

    @property
    def text(self) -> str:
        return self.tree.span_text(self.first, self.last)

    @property
    def span(self) -> Span:
        return self.tree.char_span(self.first, self.last)

    @property
    def lemma(self) -> str:
        return self.tree.lemma(self.token)

    @property
    def pos(self) -> str:
        return self.tree[self.token].pos

    def has(self, words: frozenset[str], *, before_head: bool = False, but_head: bool = False) -> bool:
        """Whether a word of the phrase (before its head, or other than its head) is among ``words``."""
        end = self.token if before_head else self.last + 1
        return any(self.tree.lemma(i) in words for i in range(self.first, end) if not (but_head and i == self.token))


Rule = Callable[[Phrase, PartyWords], Named | None]


def name_role(cast: StoryCast, token: int, *, side: str, family: str, country: str | None = None,
              how: str = "subject") -> Named | None:
    """The party the phrase headed by ``token`` names, or None (see the module's rules); ``how``: how
    the role was found (a name before a trigger, "modifier", names a state only by a demonym)."""
    if cast.tree is None:
        return None
    first, last = cast.tree.phrase(token)
    phrase = Phrase(cast, cast.tree, token, first, last, side, family, country, how)
    words = load_party_words()
    named = next((found for rule in NAMING_RULES if (found := rule(phrase, words)) is not None), None)
    if named is None or named is NOBODY:
        return None
    if family in ARMED_FAMILIES and named.party.name.startswith("Government of "):
        military = find_state(named.party.country)
        if military is not None:  # "Pakistan said it downed ...": Pakistan's forces did
            party = Party(military.name, military.kind, military.country, named.party.span)
            return Named(party, named.text, named.span, named.rank, named.generic)
    return named


def name_pronoun(phrase: Phrase, _words: PartyWords) -> Named | None:
    """1. "it", "they", "its": the party named last before it; other pronouns name no party."""
    if phrase.pos != "PRON":
        return None
    if phrase.lemma not in POINTING:
        return NOBODY
    head = phrase.tree[phrase.token]
    found = None
    if is_sayer(phrase.tree, phrase.token, _words):  # "It said it had detained ...": who spoke before
        found = phrase.cast.refer_back(head.start, sayer=frozenset(_words.speech_verbs))
    found = found or phrase.cast.refer_back(head.start)
    return refer(found, phrase.tree.word(phrase.token), (head.start, head.end)) if found is not None else NOBODY


def is_sayer(tree: ParseTree, token: int, words: PartyWords) -> bool:
    """The pronoun speaks ("It said ..."), or is the subject of what a pronoun said ("it said *it* had
    detained ..."): it stands for the one who spoke last, not for the last name before it."""
    if tree[token].dep != "nsubj":
        return False
    verb = tree.head(token)
    if tree.lemma(verb) in words.speech_verbs:
        return True
    if tree[verb].dep != "ccomp" or tree.head(verb) == verb:
        return False
    saying = tree.head(verb)
    subject = tree.child(saying, "nsubj")
    return (tree.lemma(saying) in words.speech_verbs and subject is not None
            and tree.word(subject).lower() in POINTING)


def skip_weapons_stopped(phrase: Phrase, words: PartyWords) -> Named | None:
    """"Eighteen were shot down": what an interception stops is weapons, not people; whose, the story says."""
    if phrase.side == "patient" and phrase.family == "interception" and (
            phrase.pos == "NUM" or phrase.lemma in words.people):
        return NOBODY
    return None


def name_weapon_doer(phrase: Phrase, words: PartyWords) -> Named | None:
    """A weapon or an act as the doer ("Israeli strikes killed 20"): whose it is (``name_weapon``)."""
    if phrase.side != "agent" or phrase.lemma not in words.weapons:
        return None
    return name_weapon(phrase.cast, phrase.tree, phrase.token, family=phrase.family, country=phrase.country,
                       point=phrase.how == "subject") or NOBODY


def skip_agency(phrase: Phrase, words: PartyWords) -> Named | None:
    """2. A news agency ("AP", "Reuters") is never a party."""
    bare = _LEADING.sub("", phrase.text).strip().lower()
    agency = phrase.cast.agency
    return NOBODY if bare in words.agencies or (agency is not None and bare == agency.lower()) else None


def name_enemy(phrase: Phrase, words: PartyWords) -> Named | None:
    """3. "The enemy": the foreign forces the story names most."""
    if phrase.lemma not in words.enemy_nouns:
        return None
    found = phrase.cast.find_enemy(phrase.country)
    return refer(found, phrase.text, phrase.span) if found is not None else NOBODY


def name_told_group(phrase: Phrase, words: PartyWords) -> Named | None:
    """3. "The group", "the militants", "the paramilitary": the named armed group told of before."""
    tree = phrase.tree
    if (phrase.lemma not in words.back_nouns or has_name(tree, phrase.first, phrase.last)
            or not is_definite(tree, phrase.first, phrase.token)):
        return None
    found = phrase.cast.refer_back(tree[phrase.token].start, groups=True)
    return refer(found, phrase.text, phrase.span) if found is not None else None


def name_arrested(phrase: Phrase, words: PartyWords) -> Named | None:
    """The people an arrest takes: fighters of the group the story names when the words make them
    fighters ("terror suspects"), else civilians, named by their own word ("suspects")."""
    if phrase.side != "patient" or phrase.family != "arrest" or phrase.lemma not in words.suspect_nouns:
        return None
    text, span = phrase.text, phrase.span
    if phrase.has(words.fighter_words):
        found = phrase.cast.refer_back(phrase.tree[phrase.token].start, groups=True) or phrase.cast.find_group()
        if found is not None:
            return refer(found, text, span)
        name = "Islamist militants" if "islamist" in text.lower() else "unidentified rebels"
        return Named(Party(name, "rebels", None, span), text, span, rank=1, generic=True)
    country = find_demonym_in(phrase.tree, phrase.first, phrase.last)
    return Named(Party(phrase.tree.word(phrase.token).lower(), "civilians", country, span), text, span, rank=1,
                 generic=True)


def name_in_dictionary(phrase: Phrase, words: PartyWords) -> Named | None:
    """4. An alias of the actor dictionary in the phrase."""
    return look_up(phrase.cast, phrase.tree, phrase.token, phrase.first, phrase.last,
                   owner=phrase.lemma in words.things)


def name_state(phrase: Phrase, words: PartyWords) -> Named | None:
    """5. A state by its name, its capital, a demonym or a noun of its forces (states.py)."""
    if phrase.side != "agent" and phrase.lemma not in words.state_nouns:
        return None
    return name_state_of(phrase.cast, phrase.tree, phrase.token, phrase.first, phrase.last, family=phrase.family,
                         how=phrase.how)


def name_state_thing(phrase: Phrase, words: PartyWords) -> Named | None:
    """A thing with a word of a state's forces ("a security convoy", "an army post"): those forces."""
    if phrase.lemma in words.things and phrase.has(words.state_nouns, but_head=True):
        return forces(find_demonym_in(phrase.tree, phrase.first, phrase.last), phrase.text, phrase.span)
    return None


def name_place_or_thing(phrase: Phrase, words: PartyWords) -> Named | None:
    """6, 7. A place is never an actor; a place or thing hit by violence stands for its people."""
    head = phrase.tree[phrase.token]
    place = phrase.cast.find_place(head.start, head.end)
    if place is None and phrase.lemma not in words.things:
        return None
    if phrase.side == "patient" and phrase.family in ("violence", "disaster"):
        country = place.country if place is not None else phrase.country
        return Named(Party("civilians", "civilians", country, phrase.span), phrase.text, phrase.span, rank=0,
                     generic=True)
    return NOBODY


def name_officer(phrase: Phrase, words: PartyWords) -> Named | None:
    """"Sub-divisional police officer Arjun Singh": a person of the state's forces."""
    if phrase.pos == "PROPN" and phrase.has(words.state_nouns, before_head=True):
        return forces(find_demonym_in(phrase.tree, phrase.first, phrase.last), phrase.text, phrase.span)
    return None


def name_people(phrase: Phrase, words: PartyWords) -> Named | None:
    """7. People and numbers ("14 people", "killing six"): civilians."""
    if phrase.lemma in words.people or phrase.pos == "NUM":
        country = find_demonym_in(phrase.tree, phrase.first, phrase.last)
        return Named(Party("civilians", "civilians", country, phrase.span), phrase.text, phrase.span, rank=1,
                     generic=True)
    return None


def name_unknown_group(phrase: Phrase, words: PartyWords) -> Named | None:
    """8. A named group the dictionary does not know, its kind guessed from its role words."""
    guessed = guess_group(phrase.tree, phrase.token, phrase.first, phrase.last, words)
    if guessed is None:
        return None
    return Named(Party(guessed[0], guessed[1], None, phrase.span), phrase.text, phrase.span, rank=3, generic=True)


def name_unnamed_forces(phrase: Phrase, words: PartyWords) -> Named | None:
    """9. A state's forces written without a name ("troops", "police")."""
    if phrase.lemma in words.state_nouns and phrase.pos == "NOUN":
        return forces(find_demonym_in(phrase.tree, phrase.first, phrase.last), phrase.text, phrase.span)
    return None


NAMING_RULES: tuple[Rule, ...] = (
    name_pronoun, skip_weapons_stopped, name_weapon_doer, skip_agency, name_enemy, name_told_group, name_arrested,
    name_in_dictionary, name_state, name_state_thing, name_place_or_thing, name_officer, name_people,
    name_unknown_group, name_unnamed_forces,
)


def forces(country: str | None, text: str, span: tuple[int, int]) -> Named:
    """A state's forces the words do not name ("troops", "a security convoy"): the event's place's."""
    return Named(Party("security forces", "state_forces", country, span), text, span, rank=1, generic=True)


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


def refer(found: Named, text: str, span: tuple[int, int]) -> Named:
    """A party pointed back to, at the words that point."""
    party = Party(found.party.name, found.party.kind, found.party.country, span)
    return Named(party, text, span, rank=min(found.rank, 2), generic=found.generic)


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
        return look_up_forces_of(cast, tree, token, first) if owner else None
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


def look_up_forces_of(cast: StoryCast, tree: ParseTree, token: int, first: int) -> Named | None:
    """A thing named by a body whose forces the dictionary knows only with a word of force ("the
    African Union base": the African Union's troops), those forces."""
    names = [i for i in range(first, token) if tree[i].pos == "PROPN"]
    if not names or names[-1] - names[0] + 1 != len(names):
        return None
    name = tree.span_text(names[0], names[-1])
    for word in FORCE_WORDS:
        found = [m for m in match_actors(f"{name} {word}", countries=cast.countries) if m.start == 0]
        if found and found[0].end == len(name) + 1 + len(word):
            span = tree.char_span(names[0], names[-1])
            return name_actor(found[0].actor, country=found[0].country, span=span, text=tree.span_text(first, token))
    return None


def guess_group(tree: ParseTree, token: int, first: int, last: int, words: PartyWords) -> tuple[str, str] | None:
    """(name, kind) of a named group the dictionary does not know, from its role words; None
    when the phrase has no name, or no word that says what kind of group it is."""
    if not has_name(tree, first, last) or tree.lemma(token) in words.things:
        return None  # "an African Union base": a thing of the Union, no group of its own
    lemmas = {tree.lemma(i) for i in range(first, last + 1)} | {tree.word(i).lower() for i in range(first, last + 1)}
    names = [i for i in range(first, last + 1) if tree[i].pos == "PROPN"]
    if token < names[0]:  # "Fighters of the Kawthoolei Liberation Front": the group is the name
        first, last = names[0], names[-1]
    name = _LEADING.sub("", tree.span_text(first, last)).strip()
    for kind, role_words in (("identity_militia", words.identity_words), ("rebels", words.rebel_words),
                             ("political_militia", words.militia_words), ("protesters", words.protester_words)):
        if lemmas & role_words:
            return name, kind
    return None
