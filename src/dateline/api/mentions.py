"""/api/quotes and /api/entities: who said what, and who was named, across stories."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ..export.records import story_key
from ..record import quote_record
from ..store.base import StoredEntity, StoredQuote
from ..store.queries import list_entities, list_quotes
from .errors import ERROR_RESPONSES
from .params import DEFAULT_LIMIT, Limit, Offset, Text, check_choice, page_body

router = APIRouter(tags=["quotes and entities"], responses=ERROR_RESPONSES)
ENTITY_TYPES = ("PERSON", "ORG", "NORP", "GPE-candidate")  # nlp/entities.py's (not imported: it loads spaCy's helpers)
Source = Annotated[str | None, Query(max_length=500, description="Part of the source name or URL.")]


def mention_record(item: StoredQuote | StoredEntity) -> dict[str, Any]:
    """A quote or an entity as the API lists it: its record, then the story it came from."""
    record = quote_record(item.quote) if isinstance(item, StoredQuote) else item.entity.to_dict()
    return {**record, "source": item.source, "url": item.url, "story_id": story_key(item.page_id, item.story_position)}


@router.get("/api/quotes", summary="List quotes")
def get_quotes(request: Request, *,
               speaker: Annotated[str | None, Query(max_length=200, description="Part of the speaker's name.")] = None,
               q: Text = None, source: Source = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
               ) -> dict[str, Any]:
    """Quotes by speaker and words, with the story each came from."""
    return page_body(list_quotes(request.app.state.store, speaker=speaker or None, q=q or None,
                                 source=source or None, limit=limit, offset=offset), mention_record)


@router.get("/api/entities", summary="List entities")
def get_entities(request: Request, *,
                 type: Annotated[str | None, Query(max_length=40,
                                                   description="PERSON, ORG, NORP or GPE-candidate.")] = None,
                 q: Text = None, source: Source = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                 ) -> dict[str, Any]:
    """People, organisations and groups named in stories, most mentioned first."""
    check_choice("type", type or None, ENTITY_TYPES)
    return page_body(list_entities(request.app.state.store, type=type or None, q=q or None,
                                   source=source or None, limit=limit, offset=offset), mention_record)
