"""Frozen records that leave the NLP stage.

    story body ──nlp.pipe──▶ Doc (stays inside nlp/) ──▶ StoryAnalysis
                                                         ├── Entity  (+ Mention spans)
                                                         └── Quote   (speaker, text, spans)

Every position is a ``(start, end)`` character offset into the story text that was
parsed: the body paragraphs joined with ``"\\n\\n"`` (``Story.text``). No spaCy object
ever leaves ``nlp/``; these records pickle and compare by value.

Meant to move into ``models.py`` beside ``Story`` once the pipeline calls the stage.
"""
from __future__ import annotations

from dataclasses import dataclass

NLP_VERSION = "nlp-0.1"

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text where an entity is named or referred to.

    ``kind`` is ``name`` (full or partial name), ``pronoun`` (he, she, it ...) or
    ``nominal`` (a noun phrase such as "the ministry" resolved to the entity).
    """

    span: Span
    text: str
    kind: str = "name"


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, group or place candidate named in one story.

    ``name`` is the canonical (longest, title-free) name; ``type`` is PERSON, ORG,
    NORP, or ``GPE-candidate`` for anything that may be a place (the gazetteer decides);
    ``mentions`` counts every mention, surname-only and resolved pronouns included.
    """

    name: str
    type: str
    title: str | None = None
    mentions: int = 1
    spans: tuple[Mention, ...] = ()

    def to_dict(self) -> dict:
        """The entity as the extraction record of spec/output.md shows it."""
        return {"name": self.name, "type": self.type, "title": self.title, "mentions": self.mentions}


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation and who said it.

    ``text`` is the quoted words without their marks; a quote continued across
    paragraphs keeps its pieces in ``parts`` and joins them with a blank line in
    ``text``. ``direct`` is False for reported speech kept as a quote candidate.
    ``balanced`` is False when the marks did not pair up and the end was inferred.
    """

    text: str
    text_span: Span
    speaker: str | None = None
    speaker_span: Span | None = None
    direct: bool = True
    sentence_span: Span | None = None
    parts: tuple[Span, ...] = ()
    balanced: bool = True

    def to_dict(self) -> dict:
        """The quote as the extraction record of spec/output.md shows it."""
        return {"speaker": self.speaker, "text": self.text, "direct": self.direct}


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """What the NLP stage read from one story body."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    words: int = 0
    nlp_version: str = NLP_VERSION
