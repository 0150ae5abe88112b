"""The extraction record: the JSON contract of ../shared/spec/output.md.

One function turns an Extraction into the plain dict that `dateline extract
--json` prints and scorers read; nothing else in the package builds that shape.
"""
from __future__ import annotations

from .models import Extraction, Story


def story_record(story: Story, *, extra: dict | None = None) -> dict:
    record = {
        "headline": story.headline,
        "dateline": (
            {"place": story.dateline.place, "agency": story.dateline.agency} if story.dateline else None
        ),
        "published": story.published,
        "updated": story.updated,
        "byline": story.byline,
        "body": list(story.body),
        "captions": [{"text": c.text, "credit": c.credit} for c in story.captions],
        "entities": [],
        "quotes": [],
        "events": [],
    }
    if extra:
        record.update(extra)
    return record


def to_record(extraction: Extraction) -> dict:
    """The JSON-ready record of one page (see spec/output.md)."""
    page = extraction.page
    record = {
        "source": page.source,
        "url": page.url,
        "page_id": page.page_id,
        "cleaner_version": extraction.cleaner_version,
        "stories": [story_record(s) for s in extraction.stories],
        "removed": [
            {"text": r.text, "reason": r.reason, **({"rule": r.note} if r.note else {})}
            for r in extraction.removed
        ],
    }
    if extraction.failure is not None:
        f = extraction.failure
        record["error"] = {"stage": f.stage, "reason": f.reason}
    return record
