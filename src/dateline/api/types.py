"""/api/types: the event types and their families, as data/event_types.csv gives them.

The web UI colours events by family from here (web/static/api.js), so a type or colour
changed in the table shows everywhere without editing a script."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..event_types import family_colours, load_event_types
from .errors import ERROR_RESPONSES

router = APIRouter(tags=["types"], responses=ERROR_RESPONSES)


@router.get("/api/types", summary="Event types, families and their colours")
def get_types() -> dict[str, Any]:
    """Every event type (spec/events.md) with its family, whether it is core, its ACLED, PLOVER
    and CAMEO mapping and its colour; every family with its colour."""
    types = [{"type": kind.name, "family": kind.family, "core": kind.core, "violence": kind.violence,
              "acled_disorder": kind.scheme.acled_disorder or None, "acled_event": kind.scheme.acled_event or None,
              "acled_sub_event": kind.scheme.acled_sub_event or None, "plover": kind.scheme.plover or None,
              "cameo": kind.scheme.cameo or None, "colour": kind.colour}
             for kind in load_event_types().values()]
    families = [{"family": family, "colour": colour} for family, colour in family_colours().items()]
    return {"types": types, "families": families}
