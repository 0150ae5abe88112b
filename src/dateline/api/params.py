"""Query parameters shared by the event listings, the timeline and the exports,
checked once: a bad value is a 422 in the error envelope naming the parameter
(ApiError here, InvalidFilter from the store's own checks). And the body of every
paged listing: ``{"items": [...], "total": n, "limit": l, "offset": o}``."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Query

from .. import event_types
from ..actors import ACTOR_KINDS
from ..models import CERTAINTIES
from ..store.filters import EventFilters, check_date_filter, parse_bbox
from ..store.queries import ResultPage
from .errors import ApiError

MAX_LIMIT = 1000
DEFAULT_LIMIT = 100
MAX_EXPORT = 50_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=200, description="Part of the text, any case.")]


def list_event_types() -> list[str]:
    return event_types.list_types()


def list_families() -> list[str]:
    return event_types.list_families()


def check_choice(name: str, value: str | None, choices: list[str] | tuple[str, ...]) -> str | None:
    if value is not None and value not in choices:
        raise ApiError(422, f"{name}={value!r} is not one of: {', '.join(choices)}")
    return value


def check_date(name: str, value: str | None, *, last: bool = False) -> str | None:
    if value is not None:
        check_date_filter(value, last=last, name=name)
    return value


T = TypeVar("T")


def page_body(found: ResultPage[T], record: Callable[[T], dict[str, Any]]) -> dict[str, Any]:
    """A page of a listing as the API sends it: each item's record, the total that match, the page."""
    return {"items": [record(item) for item in found.items], "total": found.total, "limit": found.limit,
            "offset": found.offset}


def event_filters(
    *,
    type: Annotated[str | None, Query(max_length=40, description="Event type (spec/events.md), e.g. attack.")] = None,
    family: Annotated[str | None, Query(max_length=40,
                                        description="'violence' or any non-violence type.")] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2,
                                         description="ISO 3166-1 alpha-2, e.g. UA.")] = None,
    place: Annotated[str | None, Query(max_length=200,
                                       description="Part of the place name, any case or accents.")] = None,
    date_from: Annotated[str | None, Query(max_length=10,
                                           description="On or after: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(max_length=10,
                                         description="On or before: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    certainty: Annotated[str | None, Query(max_length=20, description=f"One of: {', '.join(CERTAINTIES)}.")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north in degrees.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the sentence, trigger or headline.")] = None,
    source: Annotated[str | None, Query(max_length=500, description="Part of the source name or URL.")] = None,
    actor: Annotated[str | None, Query(max_length=200, description=(
        "Part of the actor's name, any case, or a name the actor dictionary knows it by (e.g. RSF)."))] = None,
    actor_kind: Annotated[str | None, Query(max_length=40, description=(
        f"The actor's kind (ACLED's actor type): {', '.join(ACTOR_KINDS)}."))] = None,
    target_kind: Annotated[str | None, Query(max_length=40, description=(
        "The target's kind (the same kinds, e.g. civilians)."))] = None,
) -> EventFilters:
    """The filters of `dateline events`, plus a bounding box, text search and source."""
    return EventFilters(
        type=check_choice("type", type, list_event_types()),
        family=check_choice("family", family, list_families()),
        country=country.upper() if country else None,
        place=place or None,
        date_from=check_date("date_from", date_from),
        date_to=check_date("date_to", date_to, last=True),
        certainty=check_choice("certainty", certainty, CERTAINTIES),
        bbox=parse_bbox(bbox) if bbox is not None else None,
        q=q or None,
        source=source or None,
        actor=actor or None,
        actor_kind=check_choice("actor_kind", actor_kind, ACTOR_KINDS),
        target_kind=check_choice("target_kind", target_kind, ACTOR_KINDS),
    )
