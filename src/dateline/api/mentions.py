"""/api/quotes and /api/entities: who said what, and who was named, across stories."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ..export.records import story_key
from ..record import quote_record
from ..store.queries import list_entities, list_quotes
from .errors import ERROR_RESPONSES
from .params import DEFAULT_LIMIT, Limit, Offset, Text

router = APIRouter(tags=["quotes and entities"], responses=ERROR_RESPONSES)
Source = Annotated[str | None, Query(max_length=500, description="Part of the source name or URL.")]


@router.get("/api/quotes", summary="List quotes")
def get_quotes(request: Request,
               speaker: Annotated[str | None, Query(max_length=200, description="Part of the speaker's name.")] = None,
               q: Text = None, source: Source = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    """Quotes by speaker and words, with the story each came from."""
    found = list_quotes(request.app.state.store, speaker=speaker or None, q=q or None, source=source or None,
                        limit=limit, offset=offset)
    return {"items": [{**quote_record(item.quote), "source": item.source, "url": item.url,
                       "story_id": story_key(item.page_id, item.story_position)} for item in found.items],
            "total": found.total, "limit": limit, "offset": offset}


@router.get("/api/entities", summary="List entities")
def get_entities(request: Request,
                 type: Annotated[str | None, Query(max_length=40, description="PERSON, ORG, NORP or GPE-candidate.")] = None,
                 q: Text = None, source: Source = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    """People, organisations and groups named in stories, most mentioned first."""
    found = list_entities(request.app.state.store, type=type or None, q=q or None, source=source or None,
                          limit=limit, offset=offset)
    return {"items": [{**item.entity.to_dict(), "source": item.source, "url": item.url,
                       "story_id": story_key(item.page_id, item.story_position)} for item in found.items],
            "total": found.total, "limit": limit, "offset": offset}
