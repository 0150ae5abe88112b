"""/api/facets: for the current filters, counts by country (code and name), type, family,
certainty, actor kind and target kind, of incidents or events: what the filter menus show
beside each choice. Each facet is counted with every filter but its own (store/facets.py)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from ..actors.table import load_country_codes
from ..store.facets import FACET_OF, count_facets
from ..store.filters import EventFilters
from .errors import ERROR_RESPONSES
from .params import check_choice, event_filters

router = APIRouter(tags=["facets"], responses=ERROR_RESPONSES)

Of = Annotated[str, Query(max_length=20, description=f"What to count: {' or '.join(FACET_OF)}.")]


@router.get("/api/facets", summary="Counts by country, type, family, certainty and actor kind")
def get_facets(request: Request, filters: Annotated[EventFilters, Depends(event_filters)],
               of: Of = "incidents") -> dict[str, Any]:
    """How many incidents (or events) pass the filters (``total``) and, for each facet, each value
    with its count, most first; each facet counts with every filter except its own. A country
    comes with its English name; ``value`` is null for rows without one (no country, no kind)."""
    check_choice("of", of, FACET_OF)
    found = count_facets(request.app.state.store, filters, of=of)
    names = load_country_codes()
    facets: dict[str, list[dict[str, Any]]] = {}
    for facet, values in found.facets.items():
        facets[facet] = [{"value": v.value, "count": v.count} for v in values]
    facets["country"] = [{**item, "name": names[item["value"]][0] if item["value"] in names else item["value"]}
                         for item in facets["country"]]
    return {"of": found.of, "total": found.total, "facets": facets}
