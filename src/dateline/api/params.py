"""Query parameters shared by the event listings, the timeline, the facets and the exports,
checked once (store/filter_checks.py, which the CLI's flags share): a bad value is a 422
in the error envelope naming the parameter (ApiError here, InvalidFilter from the
checks). A parameter no route takes is a 422 as well (``reject_unknown_parameters``).
And the body of every paged listing: ``{"items": [...], "total": n, "limit": l, "offset": o}``."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Query, Request
from fastapi.routing import APIRoute

from .. import event_types
from ..actors import ACTOR_KINDS
from ..models import CERTAINTIES
from ..store.filter_checks import check_date_range, check_filters
from ..store.filters import EventFilters, check_date_filter, parse_bbox
from ..store.queries import ResultPage
from .errors import ApiError

MAX_LIMIT = 1000
DEFAULT_LIMIT = 100
MAX_EXPORT = 50_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=200, description="Part of the text, any case.")]
SearchText = Annotated[str | None, Query(max_length=200, description=(
    'Full-text search of headline and body: words (all of them), "a phrase", OR, NOT or -word, (groups), '
    "prefix*. See docs/api.md."))]


def list_event_types() -> list[str]:
    return event_types.list_types()


def list_families() -> list[str]:
    return event_types.list_families()


def check_choice(name: str, value: str | None, choices: list[str] | tuple[str, ...]) -> str | None:
    if value is not None and value not in choices:
        raise ApiError(422, f"{name}={value!r} is not one of: {', '.join(choices)}")
    return value


def check_dates(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """A date range as given (each end optional), or InvalidFilter: no date, or reversed."""
    check_date_range(date_from or None, date_to or None)
    return date_from or None, date_to or None


def check_date(name: str, value: str | None, *, last: bool = False) -> str | None:
    if value is not None:
        check_date_filter(value, last=last, name=name)
    return value


T = TypeVar("T")


def reject_unknown_parameters(request: Request) -> None:
    """A 422 for a query parameter the route does not take (``min_killed_typo=5`` would
    otherwise filter nothing, silently) or one given twice (several values: a comma list)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    taken = list_route_parameters(route)
    unknown = sorted(set(request.query_params) - taken)
    if unknown:
        offer = ", ".join(sorted(taken)) or "no query parameters"
        raise ApiError(422, f"{', '.join(unknown)}: not a parameter of {route.path}, which takes {offer}")
    repeated = sorted(name for name in set(request.query_params) if len(request.query_params.getlist(name)) > 1)
    if repeated:
        raise ApiError(422, f"{', '.join(repeated)}: given more than once; give several values as one comma list "
                            "(type=attack,bombing)")


def list_route_parameters(route: APIRoute) -> frozenset[str]:
    """The names of the query parameters a route takes, its dependencies' included (a walk over
    a few objects per request: routes are not hashable, and a cache by id() could outlive an app)."""
    found: set[str] = set()
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        found.update(param.alias for param in dependant.query_params)
        pending += dependant.dependencies
    return frozenset(found)


def page_body(found: ResultPage[T], record: Callable[[T], dict[str, Any]]) -> dict[str, Any]:
    """A page of a listing as the API sends it: each item's record, the total that match, the page."""
    return {"items": [record(item) for item in found.items], "total": found.total, "limit": found.limit,
            "offset": found.offset}


Choices = "; several as a comma list, e.g. attack,bombing (either)."


def event_filters(
    *,
    type: Annotated[str | None, Query(max_length=400, description=(
        f"Event type (spec/events.md, /api/vocabulary){Choices}"))] = None,
    family: Annotated[str | None, Query(max_length=400, description=(
        f"'violence' or any non-violence type{Choices}"))] = None,
    country: Annotated[str | None, Query(max_length=400, description=(
        "ISO 3166-1 alpha-2 code (UA) or English name (Ukraine, United States); several as a comma list."))] = None,
    place: Annotated[str | None, Query(max_length=200,
                                       description="Part of the place name, any case or accents.")] = None,
    date_from: Annotated[str | None, Query(max_length=10, description=(
        "On or after: YYYY, YYYY-MM or YYYY-MM-DD (not after date_to).")) ] = None,
    date_to: Annotated[str | None, Query(max_length=10,
                                         description="On or before: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    certainty: Annotated[str | None, Query(max_length=100, description=(
        f"One of: {', '.join(CERTAINTIES)}; several as a comma list."))] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north in degrees.")] = None,
    q: Annotated[str | None, Query(max_length=200, description=(
        'Full-text search of the story\'s headline and body: words (all of them), "a phrase", OR, NOT or '
        "-word, (groups), prefix*. See docs/api.md."))] = None,
    source: Annotated[str | None, Query(max_length=500, description="Part of the source, URL or site name.")] = None,
    actor: Annotated[str | None, Query(max_length=200, description=(
        "Part of the actor's name, any case, or a name the actor dictionary knows it by (e.g. RSF)."))] = None,
    actor_kind: Annotated[str | None, Query(max_length=40, description=(
        f"The actor's kind (ACLED's actor type): {', '.join(ACTOR_KINDS)}."))] = None,
    target_kind: Annotated[str | None, Query(max_length=40, description=(
        "The target's kind (the same kinds, e.g. civilians)."))] = None,
    min_killed: Annotated[int | None, Query(ge=0, le=10_000_000, description="At least this many killed.")] = None,
    min_injured: Annotated[int | None, Query(ge=0, le=10_000_000,
                                             description="At least this many injured.")] = None,
) -> EventFilters:
    """The filters of `dateline events`, plus a bounding box, text search and source, checked
    as the CLI checks them (store/filter_checks.py): a bad value is a 422 naming it."""
    return check_filters(EventFilters(
        type=type or None, family=family or None, country=country or None, place=place or None,
        date_from=date_from or None, date_to=date_to or None, certainty=certainty or None,
        bbox=parse_bbox(bbox) if bbox is not None else None, q=q or None, source=source or None,
        actor=actor or None, actor_kind=actor_kind or None, target_kind=target_kind or None,
        min_killed=min_killed, min_injured=min_injured))
