"""What every store offers (the ``Store`` protocol) and the small records its
queries return. Stories, events, quotes and entities come back as the frozen
records of models.py, wrapped with the page and story they came from."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict, runtime_checkable

from ..models import Entity, Event, Extraction, Failure, Quote, Story


@dataclass(frozen=True, slots=True)
class StoredStory:
    """A story as stored: the Story itself and where it came from."""

    page_id: str
    source: str
    url: str | None
    position: int  # the story's place on its page, from 0
    story: Story


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A coded event as stored, with the page and story it was read from."""

    page_id: str
    source: str
    url: str | None
    story_position: int
    headline: str | None
    published: str | None
    event: Event


@dataclass(frozen=True, slots=True)
class StoredQuote:
    page_id: str
    source: str
    url: str | None
    story_position: int
    quote: Quote


@dataclass(frozen=True, slots=True)
class StoredEntity:
    page_id: str
    source: str
    url: str | None
    story_position: int
    entity: Entity


@dataclass(frozen=True, slots=True)
class StoreCounts:
    pages: int = 0
    pages_ok: int = 0
    pages_failed: int = 0
    stories: int = 0
    removed: int = 0
    failures: int = 0  # read failures and pages that failed (skipped records not counted)
    skipped: int = 0   # records that were no pages (images, redirects)
    events: int = 0
    quotes: int = 0
    entities: int = 0


class ResultRow(Protocol):
    """A row a query returned (SQLAlchemy's Row): its columns are attributes."""

    def __getattr__(self, name: str) -> Any: ...


class Versions(TypedDict):
    """The versions a page processed now is stored with (PageState.is_current takes them)."""

    cleaner_version: str
    nlp_version: str | None
    coder_version: str | None


@dataclass(frozen=True, slots=True)
class PageState:
    """How a page is stored: enough to tell, before any stage runs, whether reading it
    again would change anything (a resumed run skips it if not)."""

    status: str  # "ok" or "failed"
    cleaner_version: str
    nlp_version: str | None
    coder_version: str | None

    def is_current(self, *, cleaner_version: str, nlp_version: str | None, coder_version: str | None,
                   retry_failed: bool = False) -> bool:
        """Whether the stored reading is what a run with these versions would store now.

        A failed page counts as current unless ``retry_failed`` or the cleaner changed:
        rerunning a failure on the same code only fails again (``--retry-failed`` asks).
        """
        if self.cleaner_version != cleaner_version:
            return False
        if self.status == "failed":
            return not retry_failed
        return all(new is None or new == old for new, old in (
            (nlp_version, self.nlp_version), (coder_version, self.coder_version)))


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one ``add_extractions`` call changed."""

    pages_added: int = 0
    pages_replaced: int = 0  # failed before (or another cleaner, NLP or coder version), stored anew
    pages_unchanged: int = 0  # already stored: nothing added
    stories_added: int = 0
    failures_added: int = 0
    events_added: int = 0
    quotes_added: int = 0
    entities_added: int = 0


@runtime_checkable
class Store(Protocol):
    """Where extractions are kept. Idempotent: adding the same page twice adds nothing."""

    url: str

    def add_extractions(self, extractions: Iterable[Extraction | Failure]) -> AddResult:
        """Store pages with their stories, and failures, in one transaction."""
        ...

    def page_states(self, page_ids: Iterable[str]) -> dict[str, PageState]:
        """How each of these pages is stored (pages not stored are left out)."""
        ...

    def stories(self, *, limit: int | None = None, offset: int = 0,
                page_id: str | None = None) -> list[StoredStory]:
        ...

    def events(self, *, type: str | None = None, family: str | None = None, country: str | None = None,
               place: str | None = None, since: str | None = None, until: str | None = None,
               certainty: str | None = None, actor: str | None = None, actor_kind: str | None = None,
               target_kind: str | None = None, limit: int | None = None) -> list[StoredEvent]:
        ...

    def quotes(self, *, speaker: str | None = None, page_id: str | None = None,
               limit: int | None = None) -> list[StoredQuote]:
        ...

    def entities(self, *, type: str | None = None, name: str | None = None, page_id: str | None = None,
                 limit: int | None = None) -> list[StoredEntity]:
        ...

    def counts(self) -> StoreCounts:
        ...

    def failures(self, *, include_skipped: bool = False) -> list[Failure]:
        ...

    def close(self) -> None:
        ...
