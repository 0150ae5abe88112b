"""The JSON record of one stored event, as the API, JSON Lines and GeoJSON give it:
where it was read (source, page, story) and then the event record of spec/output.md."""
from __future__ import annotations

from ..event_types import name_family
from ..record import event_record
from ..store.base import StoredEvent


def story_key(page_id: str, position: int) -> str:
    """The id a story goes by in the API and the UI: its page and its place on the page."""
    return f"{page_id}-{position}"


def read_story_key(key: str) -> tuple[str, int] | None:
    """(page_id, position) from a story id, or None when it is not one."""
    page_id, sep, position = key.rpartition("-")
    if not sep or not page_id or not (position.isascii() and position.isdigit()) or len(position) > 6:
        return None
    return page_id, int(position)


def stored_event_record(item: StoredEvent) -> dict:
    """One event with its provenance: what JSON Lines prints and /api/events lists."""
    return {
        "event_id": item.event.event_id,
        "family": name_family(item.event.type),
        "source": item.source,
        "url": item.url,
        "page_id": item.page_id,
        "story": item.story_position,
        "story_id": story_key(item.page_id, item.story_position),
        "headline": item.headline,
        "published": item.published,
        **event_record(item.event),
    }
