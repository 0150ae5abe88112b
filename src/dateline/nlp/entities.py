"""People, organisations and place candidates named in one parsed story.

    doc.ents ──clean names──▶ clusters (one per person/organisation)
             ──titles──▶ "Interior Minister", "President", "Gov."
             ──pronouns──▶ "he"/"she" to the last person, "it"/"they" to the last group (pronouns.py)

A name the model calls an organisation but which holds a person's post in apposition
("N Ola Berg, district magistrate") is a person, with the first name the model left out.
A person is one cluster across "President Elena Marsh", "Marsh", "Marsh’s" and the
"he" that follows; the canonical name is the longest title-free form. spaCy's place
labels are not trusted: GPE, LOC and FAC come out as ``GPE-candidate`` and, given an
``is_place`` check (the gazetteer), so does any other span the gazetteer knows that
carries no title and no first name.
"""
from __future__ import annotations

from collections.abc import Callable

from dateline.nlp.entity_index import Cluster, EntityIndex, read_nominal
from dateline.nlp.lexicon import DETERMINERS, person_nouns, place_cues, title_words
from dateline.nlp.marks import find_quoted
from dateline.nlp.pronouns import resolve_pronouns
from dateline.nlp.records import Entity, Mention

PLACE = "GPE-candidate"
LABEL_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "NORP", "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
PLACE_WORDS = frozenset({"NORP", "GPE", "LOC", "FAC"})  # "Russian President": not part of the title
POSSESSIVE = ("'s", "’s", "'", "’")


def extract_entities(doc, *, text: str | None = None,
                     is_place: Callable[[str], bool] | None = None) -> list[Entity]:
    """The entities of one story body (a spaCy Doc), with titles and mention counts.

    ``text`` is the story as written when the doc was parsed from a copy with its
    quotation marks normalised (same length, see ``marks.normalise_marks``).
    """
    return build_index(doc, text=text, is_place=is_place).entities()


def build_index(doc, *, text: str | None = None, is_place: Callable[[str], bool] | None = None) -> EntityIndex:
    """Cluster the doc's named mentions and resolve its pronouns."""
    index = EntityIndex()
    index.text = doc.text if text is None else text
    if len(index.text) != parsed_length(doc):
        raise ValueError("text must be the parsed text itself or a same-length copy of it")
    mark_quotes(doc, index)
    named = [m for m in (read_mention(doc, ent, index.text) for ent in doc.ents) if m is not None]
    surnames = index.surnames
    groups: dict[str, Cluster] = {}
    for _, _, kind, name, title in named:  # full personal names first
        if kind == "PERSON" and len(name.split()) > 1 and not (title is None and is_place and is_place(name)):
            cluster = find_person(surnames, name) or new_person(index, surnames, name)
            cluster.add_title(title)
    for start, end, kind, name, title in named:
        cluster = assign_cluster(index, groups, kind=kind, name=name, title=title, is_place=is_place)
        cluster.add_title(title if cluster.type == "PERSON" else None)
        if name not in cluster.names:
            cluster.names.append(name)
        span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        cluster.mentions.append(Mention(span, index.text[span[0]:span[1]]))
        for i in range(start, end):
            index.by_token[i] = cluster
    merge_acronyms(index)
    retype_places(doc, index)
    resolve_pronouns(doc, index)
    index.clusters = [c for c in index.clusters if c.mentions]
    for cluster in index.clusters:
        cluster.mentions.sort(key=lambda m: m.span)
    return index


def parsed_length(doc) -> int:
    """The length of the doc's text without joining it (``doc.text`` builds every token)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def mark_quotes(doc, index: EntityIndex) -> None:
    """Find the quoted stretches once and flag the tokens inside them."""
    index.stretches = find_quoted(index.text)
    index.inside = bytearray(len(doc))
    for stretch in index.stretches:
        for start, end in stretch.parts:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                index.inside[span.start:span.end] = b"\x01" * len(span)


def read_mention(doc, ent, text: str) -> tuple[int, int, str, str, str | None] | None:
    """(start, end, type, clean name, title) of an entity span, or None to skip it."""
    kind = LABEL_TYPES.get(ent.label_)
    if kind is None:
        return None
    start, end = ent.start, ent.end
    if kind == "ORG" and is_titled_name(doc, ent, text):
        kind = "PERSON"  # "Irvin Kolade, a spokesman for the agency, said": whoever holds a post is a person
        while start > 0 and is_name_word(doc[start - 1]) and doc[start - 1].head.i in range(ent.start, ent.end):
            start -= 1  # the first name the entity model left out
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in POSSESSIVE):
        end -= 1
    inner_title = []
    if kind == "PERSON":
        last_title = max((i for i in range(start, end - 1) if doc[i].lower_ in title_words()), default=None)
        if last_title is not None:
            inner_title = [t.text for t in doc[start:last_title + 1] if t.tag_ != "JJ"]
            start = last_title + 1
    if start >= end:
        return None
    name = doc[start:end].text
    for suffix in POSSESSIVE[:2]:
        name = name[: -len(suffix)] if name.endswith(suffix) and len(name) > len(suffix) + 1 else name
    if not any(ch.isalpha() for ch in name):
        return None
    title = read_title(doc, ent.start) if kind == "PERSON" else None
    if inner_title:
        title = " ".join(inner_title)
    if kind == "PERSON" and title is None:
        title = read_appositive_title(doc, ent.root, text)
    return start, end, kind, name, title


def is_titled_name(doc, ent, text: str) -> bool:
    """Whether an "organisation" is a name of two to four words with a person's post in
    apposition ("N Ola Berg, additional district magistrate"): then it is a person."""
    words = [t for t in ent if not t.is_punct]
    if not 1 <= len(words) <= 4 or not all(is_name_word(t) for t in words):
        return False
    appositive = [c for c in ent.root.children if c.dep_ == "appos" and c.i > ent.root.i]
    return any(c.pos_ == "NOUN" and c.lemma_.lower() in title_words() | person_nouns() for c in appositive)


def is_name_word(token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.dep_ in ("compound", "flat", *SUBJECT_OR_OBJECT)


SUBJECT_OR_OBJECT = ("nsubj", "nsubjpass", "pobj", "dobj", "appos", "conj")


def read_appositive_title(doc, root, text: str) -> str | None:
    """A title in apposition: "Nazar Voloshyn, spokesperson for ...", "The chief of ..., Sergei Naryshkin"."""
    nouns = title_words() | person_nouns()
    candidates = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":  # "The chief of the Service, X": the parser may hang X on "Service"
        node = root.head
        candidates.append(node)
        while node.dep_ in ("pobj", "prep") and node.head.i != node.i and len(candidates) < 5:
            node = node.head
            candidates.append(node)
    for noun in candidates:
        if noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in nouns:
            phrase = read_nominal(doc, noun, text).text.split(", ")[0].split(" (")[0]
            return phrase if len(phrase.split()) <= 8 else noun.text
    return None


def read_title(doc, start: int) -> str | None:
    """The title standing right before a name: "Interior Minister", "Gov.", "President"."""
    i = start - 1
    if i < 0 or doc[i].lower_ not in title_words():
        return None
    words = [doc[i].text]
    i -= 1
    while i >= 0 and len(words) < 4:
        token = doc[i]
        joins = token.lower_ in title_words() or (
            token.is_title and token.pos_ in ("PROPN", "NOUN", "ADJ") and token.ent_type_ not in PLACE_WORDS
            and token.lower_ not in DETERMINERS and not token.is_sent_start)
        if not joins:
            if token.is_title and token.is_sent_start and token.pos_ in ("PROPN", "NOUN", "ADJ") \
                    and token.ent_type_ not in PLACE_WORDS and token.lower_ not in DETERMINERS:
                words.append(token.text)
            break
        words.append(token.text)
        i -= 1
    return " ".join(reversed(words))


def surname_of(name: str) -> str:
    return name.rsplit(maxsplit=1)[-1].lower()


def find_person(surnames: dict[str, list[Cluster]], name: str) -> Cluster | None:
    for cluster in surnames.get(surname_of(name), []):
        if name in cluster.names or cluster.name.endswith(name) or name.endswith(cluster.name):
            return cluster
    return None


def find_by_first_name(index: EntityIndex, name: str) -> Cluster | None:
    """The one person whose full name opens with this word: many stories name a person
    again by the first of their names ("Kuol Manyang Juuk" ... "Kuol said")."""
    found = [c for c in index.clusters if c.type == "PERSON" and len(c.name.split()) > 1
             and c.name.split()[0] == name]
    return found[0] if len(found) == 1 else None


def new_person(index: EntityIndex, surnames: dict[str, list[Cluster]], name: str) -> Cluster:
    cluster = Cluster("PERSON", name.lower(), [name])
    index.clusters.append(cluster)
    surnames.setdefault(surname_of(name), []).append(cluster)
    return cluster


def assign_cluster(index: EntityIndex, groups: dict[str, Cluster], *, kind: str, name: str, title: str | None,
                   is_place: Callable[[str], bool] | None) -> Cluster:
    """The cluster a named mention belongs to, made when it is the first of its kind."""
    surnames = index.surnames
    if len(name.split()) == 1 or kind == "PERSON":
        known = surnames.get(surname_of(name)) if len(name.split()) == 1 else None
        if known:
            return known[-1]
        full = find_person(surnames, name) if kind == "PERSON" else None
        if full:
            return full
        first = find_by_first_name(index, name) if len(name.split()) == 1 else None
        if first:
            return first
    if kind in ("PERSON", "ORG") and title is None and is_place and is_place(name):
        kind = PLACE  # the gazetteer, not spaCy's label, says what is a place
    if kind == "PERSON":
        return new_person(index, surnames, name)
    key = group_key(kind, name)
    cluster = groups.get(key)
    if cluster is None:
        cluster = groups[key] = Cluster(kind, key)
        index.clusters.append(cluster)
    return cluster


def group_key(kind: str, name: str) -> str:
    key = name.lower()
    if kind == "NORP" and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return f"{kind}:{key}"


def merge_acronyms(index: EntityIndex) -> None:
    """Fold "RSF" into "Rapid Support Forces" when its letters are the name's initials."""
    full = {"".join(w[0] for w in c.name.split() if w[:1].isupper()): c
            for c in index.clusters if c.type == "ORG" and len(c.name.split()) > 1}
    for cluster in index.clusters:
        target = full.get(cluster.name) if cluster.type == "ORG" and cluster.name.isupper() else None
        if target is not None and target is not cluster:
            target.mentions.extend(cluster.mentions)
            cluster.mentions = []
            for i, owner in list(index.by_token.items()):
                if owner is cluster:
                    index.by_token[i] = target


def retype_places(doc, index: EntityIndex) -> None:
    """A title-less "person" seen where places stand ("from Avdiivka", "the Rostov region")
    is a place candidate: spaCy's PERSON label on place names is not trusted."""
    cues = place_cues()
    for i, cluster in list(index.by_token.items()):
        if cluster.type != "PERSON" or cluster.title is not None:
            continue
        node = doc[i]
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        after_preposition = node.dep_ == "pobj" and node.head.lower_ in cues and " " not in cluster.name
        before_place_noun = node.dep_ == "compound" and node.head.pos_ == "NOUN" and node.head.lower_ in cues
        if after_preposition or before_place_noun:
            cluster.type = PLACE
