"""Who the parse says spoke, where the entity index alone does not tell.

    find_subject        the subject of a speech verb: its own, the agent of a passive, the
                        noun a participle describes ("showed protesters chanting"), the
                        verb it hangs on ("..., adding ..."), a phrase the parser misplaced
    find_issuer         who issued a document ("the order issued by X", "X released a statement")
    find_appositive_name, find_titled_name
                        names the entity model missed: in apposition ("the head of the
                        council, Ana Petrova Ilieva, said"), or run after the role said before
                        ("Regional governor Pavel Orlov ..." then "the regional governor said")

quotes.py reads these for each quoted stretch; they look at one token and its parse only.
"""
from __future__ import annotations

from dateline.nlp.entity_index import SUBJECT_DEPS, EntityIndex
from dateline.nlp.lexicon import document_nouns, person_nouns, role_groups, title_words

Speaker = tuple[str, tuple[int, int]]  # (canonical name, where the attribution names it)


def find_appositive_name(token) -> Speaker | None:
    """A name in apposition that the entity model missed ("the head of the council, Ana
    Petrova Ilieva, said"): two to four capitalised words set off after the noun."""
    for candidate in token.subtree:
        if candidate.dep_ != "appos" or candidate.i <= token.i or candidate.pos_ != "PROPN":
            continue
        words = [t for t in candidate.subtree if t.dep_ in ("compound", "flat") or t.i == candidate.i]
        if 2 <= len(words) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            if end - start == len(" ".join(t.text for t in words)):  # one run of words, nothing between
                return " ".join(t.text for t in words), (start, end)
    return None


def is_known_role(token) -> bool:
    """Whether ``token`` is a definite role noun ("the governor"), not someone new ("a witness")."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in person_nouns() | title_words():
        return False
    return not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in token.children)


def find_titled_name(doc, token, index: EntityIndex) -> Speaker | None:
    """The name said right after the same role earlier in the story, which the entity model
    missed: "Regional governor Pavel Orlov visited ..." then "the regional governor said"."""
    roles = role_groups().get(token.lemma_.lower(), frozenset({token.lemma_.lower()}))
    for earlier in reversed(doc[: token.i]):
        if earlier.lemma_.lower() not in roles or earlier.dep_ != "compound" or earlier.head.i <= earlier.i:
            continue
        words = list(doc[earlier.i + 1: earlier.head.i + 1])
        named = all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)
        taken = any(index.by_token.get(t.i) is not None and index.by_token[t.i].type != "PERSON" for t in words)
        if 2 <= len(words) <= 4 and named and not taken and not index.inside[words[0].i]:
            return " ".join(t.text for t in words), (words[0].idx, words[-1].idx + len(words[-1]))
    return None


def find_issuer(token):
    """Who a document names as its author: "the order issued by X", "a letter signed by X",
    "X released a statement saying ..."."""
    for clause in token.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            agent = next((c for c in clause.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
    if token.dep_ == "dobj":
        return next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    return None


def can_speak(noun) -> bool:
    """Whether the noun a speaking participle describes is who speaks: "showed protesters
    chanting", not "shouted through a bullhorn saying" (an instrument after a preposition)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return noun.dep_ != "pobj" or noun.lemma_.lower() in person_nouns() | document_nouns()


def nearest_child(verb, deps: frozenset[str] | tuple[str, ...]):
    """The child of ``verb`` with one of ``deps`` closest to it (a verb may get two subjects)."""
    children = [c for c in verb.children if c.dep_ in deps]
    return min(children, key=lambda c: abs(c.i - verb.i)) if children else None


def find_subject(verb, speech: frozenset[str]):
    """The subject of a speech verb, climbing from "adding"/"saying" to the verb they hang on.

    A passive speech verb ("no injuries were reported") names no speaker unless an
    agent does ("was told by X"); "was quoted as saying" climbs to its subject.
    """
    subject = nearest_child(verb, ("nsubj",))
    if subject is not None:
        # "saw an officer who yelled “...”": the one the relative pronoun stands for
        return verb.head if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" else subject
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and can_speak(verb.head):
        return verb.head  # "showed students chanting “...”": the noun the participle describes
    fallback = None
    node = verb
    while node.head.i != node.i and node.dep_ in ("advcl", "xcomp", "conj", "pcomp", "prep", "pobj", "ccomp"):
        node = node.head
        found = nearest_child(node, SUBJECT_DEPS)
        if found is not None:
            if node.lemma_.lower() in speech:
                return found
            fallback = fallback or found
    return fallback or find_misparsed_subject(verb)


def find_misparsed_subject(verb):
    """The noun phrase right before a speech verb the parser left without a subject
    ("..., in the region of X, an official from the ministry told Reuters"): the phrase
    is hung on an earlier word, but it is who spoke."""
    if verb.i == 0 or verb.dep_ != "ROOT":
        return None
    token = verb.doc[verb.i - 1]
    while token.dep_ in ("pobj", "prep", "compound", "amod") and token.head.i < verb.i and token.head.i != token.i:
        token = token.head
    if token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ in ("appos", "conj", "npadvmod", "dobj", "attr"):
        return token
    return None
