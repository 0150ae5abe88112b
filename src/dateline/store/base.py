"""What every store offers (the ``Store`` protocol) and the small records its
queries return. Stories come back as the ``Story`` records of models.py,
wrapped with the page they came from."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..models import Extraction, Failure, Story


@dataclass(frozen=True, slots=True)
class StoredStory:
    """A story as stored: the Story itself and where it came from."""

    page_id: str
    source: str
    url: str | None
    position: int  # the story's place on its page, from 0
    story: Story


@dataclass(frozen=True, slots=True)
class StoreCounts:
    pages: int = 0
    pages_ok: int = 0
    pages_failed: int = 0
    stories: int = 0
    removed: int = 0
    failures: int = 0  # read failures and pages that failed (skipped records not counted)
    skipped: int = 0   # records that were no pages (images, redirects)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one ``add_extractions`` call changed."""

    pages_added: int = 0
    pages_replaced: int = 0  # failed before (or older cleaner), stored anew
    pages_unchanged: int = 0  # already stored: nothing added
    stories_added: int = 0
    failures_added: int = 0


@runtime_checkable
class Store(Protocol):
    """Where extractions are kept. Idempotent: adding the same page twice adds nothing."""

    url: str

    def add_extractions(self, extractions: Iterable[Extraction | Failure]) -> AddResult:
        """Store pages with their stories, and failures, in one transaction."""
        ...

    def stories(self, *, limit: int | None = None, offset: int = 0,
                page_id: str | None = None) -> list[StoredStory]:
        ...

    def counts(self) -> StoreCounts:
        ...

    def failures(self, *, include_skipped: bool = False) -> list[Failure]:
        ...

    def close(self) -> None:
        ...
