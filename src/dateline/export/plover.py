"""PLOVER-shaped JSON, laid out like the POLECAT data set's records (PLOVER's event
types; the actor and the recipient; place with GeoNames-style fields), with
dateline's own type, certainty and figures kept beside them. Types PLOVER has no
counterpart for (interception, disasters, claims of responsibility) are left out.

``actor`` and ``recipient`` are the coded parties: ``name``, ``country`` (ISO alpha-2),
``sector`` (ACLED's actor type, the coder's ``kind``) and ``cameo`` (the CAMEO actor code
the actor dictionary has, else null); null where the text names none. ``actor_name`` and
``recipient_name`` keep the raw mentions."""
from __future__ import annotations

from ..actors import get_actor
from ..models import Party
from ..store.base import StoredEvent
from .records import story_key
from .schemes import choose_scheme_row, name_admin1, name_country


def plover_record(item: StoredEvent) -> dict | None:
    event, place = item.event, item.event.place
    row = choose_scheme_row(event)
    if row is None or not row.plover:
        return None
    return {
        "event_id": event.event_id,
        "event_date": event.date,
        "event_type": row.plover,
        "event_mode": "",
        "contexts": [],
        "cameo_root": row.cameo or None,
        "actor": plover_party(event.actor),
        "recipient": plover_party(event.target),
        "actor_name": list(event.actors),
        "recipient_name": list(event.targets),
        "placename": place.name if place else None,
        "state": name_admin1(place.country, place.admin1) if place else None,
        "country": name_country(place.country) if place else None,
        "country_code": place.country if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "source": item.url or item.source,
        "story_id": story_key(item.page_id, item.story_position),
        "publication_date": item.published,
        "event_text": event.sentence,
        "dateline_type": event.type,
        "certainty": event.certainty,
        "killed": event.killed,
        "injured": event.injured,
        "arrested": event.arrested,
        "coder_version": event.coder_version,
    }


def plover_party(party: Party | None) -> dict | None:
    """A coded party as a PLOVER record gives it (see the module's docstring)."""
    if party is None:
        return None
    actor = get_actor(party.name)
    return {"name": party.name, "country": party.country, "sector": party.kind,
            "cameo": actor.cameo if actor is not None and actor.cameo else None}


def build_plover(found: list[StoredEvent]) -> tuple[dict, int]:
    """({"events": [...]} for the events PLOVER codes, events left out)."""
    records = [r for r in (plover_record(item) for item in found) if r is not None]
    return {"ontology": "PLOVER", "events": records}, len(found) - len(records)
