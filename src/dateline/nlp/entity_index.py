"""The entity index of one parsed story: its clusters and what each token refers to.

    EntityIndex ── clusters: Cluster (one person or group; its names, title, mentions)
                ├─ by_token: token index -> Cluster
                ├─ antecedents: pronoun token index -> Cluster or Nominal
                └─ stretches, inside: the quotes, and which tokens they hold

entities.py builds the index, pronouns.py resolves its pronouns, quotes.py reads it to
name speakers. A ``Nominal`` is a noun phrase that stands for someone without a name
("a representative of the ministry"); ``read_nominal`` reads one off the parse.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dateline.nlp.lexicon import DETERMINERS, person_nouns
from dateline.nlp.marks import QuotedStretch
from dateline.nlp.records import Entity, Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(slots=True)
class Cluster:
    """One entity while the index is being built (mutable, never leaves nlp/)."""

    type: str
    key: str
    names: list[str] = field(default_factory=list)
    title: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n))) if self.names else self.key

    def add_title(self, title: str | None) -> None:
        if title and (self.title is None or len(title.split()) > len(self.title.split())):
            self.title = title


@dataclass(frozen=True, slots=True)
class Nominal:
    """A noun phrase that names a speaker without a name ("a representative of ...")."""

    text: str
    span: tuple[int, int]
    person: bool


Referent = Cluster | Nominal


@dataclass(slots=True)
class EntityIndex:
    """The clusters of one doc and what each token refers to (for the quote extractor)."""

    clusters: list[Cluster] = field(default_factory=list)
    by_token: dict[int, Cluster] = field(default_factory=dict)
    antecedents: dict[int, Referent] = field(default_factory=dict)
    surnames: dict[str, list[Cluster]] = field(default_factory=dict)
    stretches: list[QuotedStretch] = field(default_factory=list)
    inside: bytearray = field(default_factory=bytearray)  # 1 for each token inside a quote
    text: str = ""  # the doc's text, read once (spaCy rebuilds it on every access)

    def person_named(self, word: str) -> Cluster | None:
        """The person whose surname is ``word`` ("Okafor" in "Dr Okafor"), if one is known."""
        known = self.surnames.get(word.lower())
        return known[-1] if known else None

    def entities(self) -> list[Entity]:
        return [Entity(name=c.name, type=c.type, title=c.title, mentions=len(c.mentions),
                       spans=tuple(c.mentions)) for c in self.clusters if c.mentions]


def read_nominal(doc, head, text: str) -> Nominal:
    """The noun phrase headed by ``head``, without determiner, relative clause or apposition
    (it ends at a comma that opens a clause)."""
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in ("prep", "compound", "amod", "nummod", "poss", "pobj", "flat", "case"):
            right = max(right, child.right_edge.i)
        else:
            break
    # "a driver from the northern town, who declined to give his name": the phrase ends at a comma that opens a
    # clause or an apposition, not at one in a list ("Bureau of Alcohol, Tobacco, Firearms")
    comma = next((t.i for t in doc[head.i + 1:right] if t.text == "," and opens_clause(doc[t.i + 1])), None)
    if comma is not None:
        right = comma - 1
    while left < head.i and (doc[left].lower_ in DETERMINERS or doc[left].is_punct):
        left += 1
    while right > head.i and doc[right].is_punct and doc[right].text != ")":
        right -= 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right])
    return Nominal(text[start:end], (start, end), head.lemma_.lower() in person_nouns())


def opens_clause(token) -> bool:
    """Whether ``token``, right after a comma, opens a clause or an apposition ("who ...", "reached by ...")."""
    return token.tag_ in ("WP", "WDT", "WP$") or token.dep_ in ("relcl", "acl", "appos", "advcl")
