"""Frozen records that pass between stages.

    Page ──clean──▶ Story (+ Removed lines) ──▶ Extraction (one per page)
      └─ a page that cannot be read or cleaned becomes a Failure, never a silent None.

Text positions are character offsets so that spaCy objects stay inside ``nlp/``.
Ids are content hashes: rerunning a stage is idempotent and exact duplicates fall
out for free.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

CLEANER_VERSION = "clean-0.1"

REMOVED_REASONS = ("boilerplate", "duplicate", "caption", "metadata")


def content_id(*parts: str) -> str:
    """A short, stable hash of text parts: the id of whatever they make up."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:32]


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

    @property
    def story_id(self) -> str:
        return content_id(self.headline or "", *self.body)

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What the cleaner makes of one page: its stories and every line it dropped."""

    stories: tuple[Story, ...]
    removed: tuple[Removed, ...] = ()
    cleaner_version: str = CLEANER_VERSION


@dataclass(frozen=True, slots=True)
class Failure:
    """A page (or would-be page) that a stage could not handle, kept with its reason."""

    source: str
    stage: str  # read, clean, nlp, store
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
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def ok(self) -> bool:
        return self.failure is None
