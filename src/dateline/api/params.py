"""Query parameters shared by the event listings, the timeline and the exports,
checked once: a bad value is a 422 in the error envelope naming the parameter."""
from __future__ import annotations

from typing import Annotated

from fastapi import Query

from .. import event_types
from ..models import CERTAINTIES
from ..store.coded import check_date_filter
from ..store.queries import EventFilters
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
    if value is None:
        return None
    try:
        check_date_filter(value, last=last)
    except ValueError as exc:
        raise ApiError(422, f"{name}: {exc}") from None
    return value


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) from "w,s,e,n" in degrees; west > east crosses the antimeridian."""
    if value is None:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise ApiError(422, f"bbox={value!r}: give west,south,east,north in degrees, e.g. 20,44,41,53") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(422, f"bbox={value!r}: longitudes lie in -180..180, latitudes in -90..90, south <= north")
    return west, south, east, north


def event_filters(
    type: Annotated[str | None, Query(max_length=40, description="Event type (spec/events.md), e.g. attack.")] = None,
    family: Annotated[str | None, Query(max_length=40, description="'violence' or any non-violence type.")] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2, description="ISO 3166-1 alpha-2, e.g. UA.")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Part of the place name, any case or accents.")] = None,
    date_from: Annotated[str | None, Query(max_length=10, description="On or after: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(max_length=10, description="On or before: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    certainty: Annotated[str | None, Query(max_length=20, description=f"One of: {', '.join(CERTAINTIES)}.")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north in degrees.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the sentence, trigger or headline.")] = None,
    source: Annotated[str | None, Query(max_length=500, description="Part of the source name or URL.")] = None,
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
        bbox=parse_bbox(bbox),
        q=q or None,
        source=source or None,
    )
