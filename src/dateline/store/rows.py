"""Rows of the pages, stories and failures tables, and what is read back from them.

    Extraction ─▶ pages row     (status, failure, the cleaner/NLP/coder versions)
    Story      ⇄ stories row    (body and captions as JSON)
    pages row  ─▶ PageState     (what a resumed run needs to skip a page before any stage)

Kept apart from sql.py, which decides *when* rows are written, replaced or skipped.
"""
from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from ..models import Caption, Dateline, Extraction, Story
from .base import PageState, ResultRow, StoredStory


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def page_values(extraction: Extraction) -> dict[str, Any]:
    page, failure = extraction.page, extraction.failure
    return {
        "page_id": page.page_id, "source": page.source, "url": page.url, "fetched": page.fetched,
        "kind": page.kind, "encoding": page.encoding, "byte_offset": page.offset,
        "cleaner_version": extraction.cleaner_version,
        "status": "ok" if failure is None else "failed",
        "failure_stage": failure.stage if failure else None,
        "failure_reason": failure.reason if failure else None,
        "stored_at": now_iso(),
        "nlp_version": extraction.nlp_version,
        "coder_version": extraction.coder_version,
        "site_name": extraction.site_name,
    }


def story_values(page_id: str, position: int, story: Story) -> dict[str, Any]:
    return {
        "page_id": page_id, "position": position, "story_id": story.story_id,
        "headline": story.headline,
        "dateline_place": story.dateline.place if story.dateline else None,
        "dateline_agency": story.dateline.agency if story.dateline else None,
        "byline": story.byline, "published": story.published, "updated": story.updated,
        "body": story.text,
        "body_json": json.dumps(list(story.body), ensure_ascii=False),
        "captions_json": json.dumps([{"text": c.text, "credit": c.credit} for c in story.captions],
                                    ensure_ascii=False),
    }


def read_stored_story(row: ResultRow) -> StoredStory:
    dateline = (Dateline(place=row.dateline_place, agency=row.dateline_agency)
                if row.dateline_place or row.dateline_agency else None)
    story = Story(
        headline=row.headline, body=tuple(json.loads(row.body_json)), dateline=dateline,
        published=row.published, updated=row.updated, byline=row.byline,
        captions=tuple(Caption(c["text"], c.get("credit")) for c in json.loads(row.captions_json)),
    )
    return StoredStory(page_id=row.page_id, source=row.source, url=row.url, position=row.position, story=story)


def read_page_state(row: ResultRow) -> PageState:
    return PageState(status=row.status, cleaner_version=row.cleaner_version, nlp_version=row.nlp_version,
                     coder_version=row.coder_version)


def is_newer_reading(row: ResultRow, extraction: Extraction) -> bool:
    """Whether a good extraction should replace what is stored for its page."""
    if row.status == "failed" or row.cleaner_version != extraction.cleaner_version:
        return True
    # A run without the NLP stage or the coder (None) never wipes what they stored.
    return any(new is not None and new != old for new, old in (
        (extraction.nlp_version, row.nlp_version), (extraction.coder_version, row.coder_version)))
