"""Pronouns of one parsed story resolved to the people and groups they stand for.

Read in order, each "he"/"she" goes to the last person, each subject "it"/"they" to
the last group that spoke or acted ("it" wants a singular one). A person who was the
subject of a clause wins over one merely named since, unless the subject is older than
the previous sentence and the mention is not. A name in apposition to the subject, or
run into a bare title ("Superintendent of police X"), is the subject; so is a known
person's surname the entity model missed. A subject without a name ("the spokesman")
may be what a later "he" stands for, as a ``Nominal``, unless it is plural ("officials":
a group) or the subject of a clause reported by the sentence's own subject ("X said
his brother ...").
Words inside quotes name people but do not speak for them, so they are passed over.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dateline.nlp.entity_index import SUBJECT_DEPS, Cluster, EntityIndex, Referent, read_nominal
from dateline.nlp.lexicon import PRONOUNS_GROUP, PRONOUNS_PERSON, PRONOUNS_SINGULAR_GROUP, person_nouns, title_words
from dateline.nlp.records import Mention


@dataclass(slots=True)
class PronounContext:
    """Whom a pronoun may stand for, as the story is read in order."""

    last_subject: tuple[Referent, int] | None = None  # (referent, sentence number)
    last_named: tuple[Referent, int] | None = None
    groups: list[tuple[Referent, int, bool]] = field(default_factory=list)  # (group, sentence number, singular)


def resolve_pronouns(doc, index: EntityIndex) -> None:
    """Fill ``index.antecedents`` (and the pronoun mentions of each person) for the whole doc."""
    context = PronounContext()
    sentence = 0
    for i, (starts, dep, lower_id) in enumerate(read_token_codes(doc)):
        if starts == 1:
            sentence += 1
        if index.inside[i]:
            continue  # a quote's own words name people, but do not speak for them
        cluster = index.by_token.get(i)
        if cluster is None and dep not in _SUBJECT_IDS and lower_id not in _PERSON_PRONOUN_IDS:
            continue  # nothing to resolve or remember: skip making the token
        if cluster is not None:
            remember_named(context, cluster, doc[i], sentence)
        else:
            resolve_token(doc, index, context, doc[i], sentence)


def remember_named(context: PronounContext, cluster: Cluster, token, sentence: int) -> None:
    """A named person or group, as what a later pronoun may stand for."""
    if cluster.type == "PERSON":
        context.last_named = (cluster, sentence)
        subject = find_named_subject(token)
        if subject is not None and takes_over(context, subject, sentence):
            context.last_subject = (cluster, sentence)
    elif cluster.type in ("ORG", "NORP") and token.dep_ in SUBJECT_DEPS:
        context.groups.append((cluster, sentence, True))


def find_named_subject(token):
    """The subject a name stands for: itself, or the role it is in apposition with ("Khabarsk
    leader, Marek Dudayev, said"), or a bare title run into it ("Superintendent of police
    Ravi Menon told"); None when the name is no subject."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    if token.dep_ in SUBJECT_DEPS:
        return token
    if token.dep_ == "appos":
        return token.head if token.head.dep_ in SUBJECT_DEPS else None
    hops = 0
    while token.dep_ in ("pobj", "prep") and token.head.i != token.i and hops < 4:
        token, hops = token.head, hops + 1
    # a bare title ("Superintendent of ...") runs into the name; "the brother of X" names someone else
    if (hops > 0 and token.dep_ in SUBJECT_DEPS and token.lemma_.lower() in title_words()
            and not any(c.dep_ == "det" for c in token.children)):
        return token
    return None


def takes_over(context: PronounContext, subject, sentence: int) -> bool:
    """Whether ``subject`` becomes the person a later "he" stands for: the subject of a clause
    below the main verb ("X said his brother was missing", "She says Y helped") does not
    take over from a person who was already a subject in the same sentence."""
    if subject.head.i == subject.sent.root.i:
        return True
    return context.last_subject is None or context.last_subject[1] != sentence


def resolve_token(doc, index: EntityIndex, context: PronounContext, token, sentence: int) -> None:
    """A pronoun to its referent; a subject without a name remembered as one."""
    lower = token.lower_
    if lower in PRONOUNS_PERSON:
        referent = choose_person(context.last_subject, context.last_named, sentence)
        if referent is not None:
            index.antecedents[token.i] = referent
            if isinstance(referent, Cluster):
                span = (token.idx, token.idx + len(token))
                referent.mentions.append(Mention(span, token.text, "pronoun"))
            if token.dep_ in SUBJECT_DEPS:
                context.last_subject = (referent, sentence)
    elif lower in PRONOUNS_GROUP and token.dep_ in SUBJECT_DEPS:
        referent = choose_group(context.groups, sentence, singular=lower in PRONOUNS_SINGULAR_GROUP)
        if referent is not None:
            index.antecedents[token.i] = referent
    elif token.dep_ in SUBJECT_DEPS and token.pos_ in ("NOUN", "PROPN"):
        known = index.person_named(token.text) if token.pos_ == "PROPN" else None
        if known is not None:  # a person named again by surname, which the entity model missed
            remember_named(context, known, token, sentence)
            return
        nominal = read_nominal(doc, token, index.text)
        singular = token.tag_ not in ("NNS", "NNPS")
        if token.lemma_.lower() in person_nouns() and singular:
            if takes_over(context, token, sentence):
                context.last_subject = (nominal, sentence)
        else:
            context.groups.append((nominal, sentence, singular))


def read_token_codes(doc) -> list[list[int]]:
    """(sentence start, dependency, lower form) of every token as integers, read at once."""
    from spacy.attrs import DEP, LOWER, SENT_START

    _register_ids(doc.vocab.strings)
    return doc.to_array([SENT_START, DEP, LOWER]).tolist() if len(doc) else []


_SUBJECT_IDS: set[int] = set()
_PERSON_PRONOUN_IDS: set[int] = set()


def _register_ids(strings) -> None:
    """The string-store ids of the subject labels and person pronouns (hashes: the same in every vocab)."""
    if not _SUBJECT_IDS:
        _SUBJECT_IDS.update(strings.add(label) for label in SUBJECT_DEPS)
        _PERSON_PRONOUN_IDS.update(strings.add(word) for word in PRONOUNS_PERSON)


def choose_group(groups: list[tuple[Referent, int, bool]], sentence: int, *, singular: bool) -> Referent | None:
    """The last group before this sentence ("it" wants a singular one), else one in it."""
    fitting = [(referent, number) for referent, number, one in groups if one or not singular]
    earlier = [referent for referent, number in fitting if number < sentence]
    if earlier:
        return earlier[-1]
    return fitting[-1][0] if fitting else None


def choose_person(last_subject: tuple[Referent, int] | None, last_named: tuple[Referent, int] | None,
                  sentence: int) -> Referent | None:
    """The person a "he" or "she" in sentence number ``sentence`` stands for."""
    if last_subject is None:
        return last_named[0] if last_named else None
    if last_named is not None and last_named[1] >= sentence - 1 and last_subject[1] < sentence - 1:
        return last_named[0]
    return last_subject[0]
