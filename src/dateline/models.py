"""Frozen records that pass between stages.

    Page ──clean──▶ Story (+ Removed lines) ──nlp──▶ Story + Entity, Quote
         ──code──▶ Story + Event (EventPlace) ──▶ Extraction (one per page)
      └─ a page that cannot be read, cleaned or parsed becomes a Failure, never a silent None.

Text positions are character offsets so that spaCy objects stay inside ``nlp/``.
Ids are content hashes: rerunning a stage is idempotent and exact duplicates fall
out for free.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

CLEANER_VERSION = "clean-0.3"
NLP_VERSION = "nlp-0.3"

Span = tuple[int, int]  # (start, end) character offsets into Story.text

REMOVED_REASONS = ("boilerplate", "duplicate", "caption", "metadata")


def content_id(*parts: str) -> str:
    """A short, stable hash of text parts: the id of whatever they make up."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:32]


# ---------------------------------------------------------------------------
# What the NLP stage reads from a story (moved here from nlp/records.py, which
# re-exports them). Offsets are into Story.text: the body joined with "\n\n".


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

    def to_dict(self) -> dict[str, Any]:
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

    def to_dict(self) -> dict[str, Any]:
        """The quote as the extraction record of spec/output.md shows it."""
        return {"speaker": self.speaker, "text": self.text, "direct": self.direct}


@dataclass(frozen=True, slots=True)
class ParsedToken:
    """One token of the parse, as the event coder reads it (no spaCy object leaves nlp/).

    ``head`` is the index of the token's syntactic head among the story's tokens (its own
    index for a sentence's root); ``pos``, ``tag`` and ``dep`` are spaCy's universal part of
    speech, fine-grained tag and dependency label ("VERB", "VBN", "nsubj"); ``ent`` the
    entity label of the token, or "".
    """

    start: int
    end: int
    lemma: str
    pos: str
    dep: str
    head: int
    ent: str = ""
    tag: str = ""


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """What the NLP stage read from one story body; ``parse`` holds every token of it, in order."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    words: int = 0
    nlp_version: str = NLP_VERSION
    parse: tuple[ParsedToken, ...] = ()


# ---------------------------------------------------------------------------
# Coded events (coding/events/). Every span is a character offset into Story.text.

CERTAINTIES = ("reported", "claimed", "denied", "planned", "historical")


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where an event happened: a gazetteer point (see coding/places/).

    ``country`` is ISO 3166-1 alpha-2; ``admin1`` the GeoNames admin1 code or None;
    ``precision`` is ``place``, ``region`` or ``country``; ``span`` the words that
    named it in the story text (None when inferred, e.g. from the dateline).
    """

    name: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Party:
    """Who did an event, or to whom (spec/output.md's ``actor`` and ``target``).

    ``name`` is canonical ("Rapid Support Forces", "civilians"); ``kind`` one of ACLED's
    actor types (``dateline.actors.ACTOR_KINDS``); ``country`` ISO 3166-1 alpha-2 or None;
    ``span`` the words that named it in the story text (None when the coder inferred it).
    """

    name: str
    kind: str
    country: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: one type, one place, one day (spec/events.md).

    Fields: ``type`` (one of spec/events.md), ``trigger`` and ``trigger_span`` (the
    word that names it), ``sentence`` and ``sentence_span`` (where it was read),
    ``actors`` / ``targets`` (the raw names, with ``actor_spans`` / ``target_spans``),
    ``actor`` / ``target`` (who did it and to whom, coded: Party or None),
    ``place`` (EventPlace or None), ``date`` / ``date_end`` (ISO, length = precision;
    None when the text does not fix one) and ``date_span``, ``killed`` / ``injured`` /
    ``arrested`` (None when not given) with ``count_spans`` as (field, span) pairs,
    ``certainty`` (one of CERTAINTIES), ``core`` (a type analysts count, events.md),
    ``coder_version`` (code and every lexicon's version).
    """

    type: str
    trigger: str
    trigger_span: Span
    sentence: str
    sentence_span: Span
    actors: tuple[str, ...] = ()
    actor_spans: tuple[Span, ...] = ()
    targets: tuple[str, ...] = ()
    target_spans: tuple[Span, ...] = ()
    place: EventPlace | None = None
    date: str | None = None
    date_end: str | None = None
    date_span: Span | None = None
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    count_spans: tuple[tuple[str, Span], ...] = ()
    certainty: str = "reported"
    core: bool = True
    coder_version: str = ""
    actor: Party | None = None
    target: Party | None = None

    @property
    def event_id(self) -> str:
        place = self.place
        where = f"{place.name}|{place.country}" if place else ""
        return content_id(self.type, self.sentence, str(self.trigger_span), where, self.date or "")


@dataclass(frozen=True, slots=True)
class Page:
    """One page as read from its source, before any cleaning.

    ``kind`` is ``text`` or ``html``; ``source`` is what a user would recognise:
    the path as given, the URL, or ``warc-path#offset``.
    """

    source: str
    text: str
    kind: str = "text"
    url: str | None = None
    fetched: str | None = None  # ISO date-time the page was fetched (WARC-Date)
    offset: int | None = None  # byte offset of the record inside its container
    encoding: str | None = None  # what the bytes were decoded from

    @property
    def page_id(self) -> str:
        return content_id(self.kind, self.text)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Removed:
    """A line the cleaner dropped, and why (one of REMOVED_REASONS)."""

    text: str
    reason: str
    note: str | None = None  # which rule dropped it, for people reading the record


@dataclass(frozen=True, slots=True)
class Story:
    headline: str | None
    body: tuple[str, ...]
    dateline: Dateline | None = None
    published: str | None = None  # ISO 8601, its length giving the precision
    updated: str | None = None
    captions: tuple[Caption, ...] = ()
    byline: str | None = None
    # filled by the NLP and coding stages (pipeline.py); offsets are into ``text``
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def story_id(self) -> str:
        return content_id(self.headline or "", *self.body)

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What the cleaner makes of one page: its stories and every line it dropped, and the
    name the page's metadata gives its site (``og:site_name``, ``application-name``; HTML only)."""

    stories: tuple[Story, ...]
    removed: tuple[Removed, ...] = ()
    cleaner_version: str = CLEANER_VERSION
    site_name: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """A page (or would-be page) that a stage could not handle, kept with its reason."""

    source: str
    stage: str  # read, clean, nlp, code, store
    reason: str
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything dateline read from one page: the unit the CLI prints and the store keeps."""

    page: Page
    stories: tuple[Story, ...] = ()
    removed: tuple[Removed, ...] = ()
    failure: Failure | None = None
    cleaner_version: str = CLEANER_VERSION
    nlp_version: str | None = None  # set when the NLP stage ran
    coder_version: str | None = None  # set when the event coder ran
    site_name: str | None = None  # the site's name in the page's metadata (Cleaned.site_name)

    @property
    def ok(self) -> bool:
        return self.failure is None
