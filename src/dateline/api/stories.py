"""/api/stories and /api/stories/{story_id}: stories, and one story with the
character spans of its entities, quotes and event fields and its page's removed lines."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from ..export.records import read_story_key, stored_event_record, story_key
from ..record import quote_record
from ..store.base import StoredStory
from ..store.queries import STORY_SORTS, get_story, list_stories
from .errors import ERROR_RESPONSES, ApiError
from .params import DEFAULT_LIMIT, Limit, Offset, SearchText, check_dates, page_body

router = APIRouter(tags=["stories"], responses=ERROR_RESPONSES)


def story_summary(item: StoredStory) -> dict[str, Any]:
    story = item.story
    return {
        "story_id": story_key(item.page_id, item.position), "page_id": item.page_id, "position": item.position,
        "source": item.source, "url": item.url, "headline": story.headline,
        "dateline": {"place": story.dateline.place, "agency": story.dateline.agency} if story.dateline else None,
        "published": story.published, "byline": story.byline,
        "lead": story.body[0][:300] if story.body else "",
    }


@router.get("/api/stories", summary="List stories")
def get_stories(
    request: Request, *, q: SearchText = None,
    source: Annotated[str | None, Query(max_length=500, description="Part of the source name or URL.")] = None,
    date_from: Annotated[str | None, Query(max_length=10, description="Published on or after this date.")] = None,
    date_to: Annotated[str | None, Query(max_length=10, description="Published on or before this date.")] = None,
    sort: Annotated[str | None, Query(max_length=20, description=(
        f"Order by one of {', '.join(STORY_SORTS)}; prefix '-' to reverse."))] = None,
    limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
) -> dict[str, Any]:
    """Stories whose headline or body matches the full-text query ``q``, with the total that match."""
    date_from, date_to = check_dates(date_from, date_to)
    found = list_stories(request.app.state.store, q=q or None, source=source or None, date_from=date_from,
                         date_to=date_to, sort=sort, limit=limit, offset=offset)
    return page_body(found, story_summary)


@router.get("/api/stories/{story_id}", summary="One story with every span")
def get_one_story(request: Request, story_id: Annotated[str, Path(
        max_length=80, pattern=r"^[0-9a-f]{1,64}-[0-9]{1,6}$",
        description="The page id and the story's place on the page: <page_id>-<position>.")]) -> dict[str, Any]:
    """The story text (paragraphs joined by a blank line: every span is an offset into it),
    its entities with each mention's span, its quotes, its events with the spans of trigger,
    sentence, actors, targets, date, place and counts, and the lines the cleaner removed from its page."""
    key = read_story_key(story_id)
    detail = get_story(request.app.state.store, *key) if key else None
    if detail is None:
        raise ApiError(404, f"no story {story_id!r}: story ids look like <page_id>-<position>, see /api/stories")
    story = detail.story.story
    return {
        **story_summary(detail.story),
        "updated": story.updated,
        "text": story.text,
        "body": list(story.body),
        "captions": [{"text": c.text, "credit": c.credit} for c in story.captions],
        "entities": [{**e.entity.to_dict(),
                      "spans": [{"start": m.span[0], "end": m.span[1], "text": m.text, "kind": m.kind}
                                for m in e.entity.spans]} for e in detail.entities],
        "quotes": [{**quote_record(q.quote), "balanced": q.quote.balanced,
                    "parts": [list(p) for p in q.quote.parts]} for q in detail.quotes],
        "events": [stored_event_record(e) for e in detail.events],
        "removed": [{"text": r.text, "reason": r.reason, "rule": r.note} for r in detail.removed],
        "stories_on_page": detail.stories_on_page,
    }
