"""Rows for what the NLP stage and the event coder read from a story, and the
frozen records read back from them.

    Event  ⇄ events row    (place and parties flattened; actors, targets and spans as JSON)
    Quote  ⇄ quotes row
    Entity ⇄ entities row  (mention spans as JSON)

Each row is keyed by (page_id, story_position, content id), so writing the same
story twice writes each event, quote or entity once. Besides the ISO ``date`` and
``date_end`` an event row keeps ``date_from`` and ``date_to``, the first and last
day it may fall on ("2024-05" covers 2024-05-01 to 2024-05-31), so that date
filters compare whole days whatever the precision.
"""
from __future__ import annotations

import calendar
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from ..event_types import name_family
from ..models import Entity, Event, EventPlace, Mention, Party, Quote, Span, content_id
from .base import ResultRow, StoredEntity, StoredEvent, StoredQuote

T = TypeVar("T")

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def bound_date(value: str | None, *, last: bool = False) -> str | None:
    """The first (or ``last``) day an ISO date of any precision covers: 2024-05 -> 2024-05-01 / 2024-05-31."""
    match = _ISO_DATE.match(value or "")
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day)).isoformat()
        if month:
            end = calendar.monthrange(int(year), int(month))[1] if last else 1
            return date(int(year), int(month), end).isoformat()
    except ValueError:  # no such month or day
        return None
    return f"{year}-12-31" if last else f"{year}-01-01"


def fold_name(name: str) -> str:
    """A name as searched: case-folded, accents dropped ("İzmir" and "Enríquez" -> "izmir", "enriquez")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _span(value: Sequence[int]) -> Span:
    return (int(value[0]), int(value[1]))


def _span_or_none(value: Sequence[int] | None) -> Span | None:
    return _span(value) if value is not None else None


# events


def event_values(page_id: str, story_position: int, position: int, event: Event) -> dict[str, Any]:
    place = event.place
    spans = {
        "trigger": event.trigger_span, "sentence": event.sentence_span,
        "actors": list(event.actor_spans), "targets": list(event.target_spans),
        "date": event.date_span, "counts": [[name, span] for name, span in event.count_spans],
        "place": place.span if place else None,
        "actor": event.actor.span if event.actor else None, "target": event.target.span if event.target else None,
    }
    return {
        "page_id": page_id, "story_position": story_position, "event_id": event.event_id,
        "position": position, "type": event.type, "family": name_family(event.type),
        "core": bool(event.core), "certainty": event.certainty,
        "trigger_word": event.trigger, "sentence": event.sentence,
        "actors_json": json.dumps(list(event.actors), ensure_ascii=False),
        "targets_json": json.dumps(list(event.targets), ensure_ascii=False),
        "place_name": place.name if place else None,
        "place_key": fold_name(place.name) if place and place.name else None,
        "country": place.country.upper() if place and place.country else None,
        "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "place_precision": place.precision if place else None,
        "date": event.date, "date_end": event.date_end,
        "date_from": bound_date(event.date),
        "date_to": bound_date(event.date_end or event.date, last=True),
        "killed": event.killed, "injured": event.injured, "arrested": event.arrested,
        "spans_json": json.dumps(spans), "coder_version": event.coder_version or "",
        **party_values("actor", event.actor), **party_values("target", event.target),
    }


def party_values(side: str, party: Party | None) -> dict[str, Any]:
    """The ``actor_*`` or ``target_*`` columns of a party (all None for none)."""
    return {f"{side}_name": party.name if party else None, f"{side}_kind": party.kind if party else None,
            f"{side}_country": party.country if party else None}


def read_party(row: ResultRow, side: str, span: Sequence[int] | None = None) -> Party | None:
    """The party of a row's ``actor_*`` or ``target_*`` columns, or None."""
    name = getattr(row, f"{side}_name")
    if name is None:
        return None
    return Party(name=name, kind=getattr(row, f"{side}_kind"), country=getattr(row, f"{side}_country"),
                 span=_span_or_none(span))


def read_event(row: ResultRow) -> Event:
    spans = json.loads(row.spans_json)
    place = None
    if row.place_name is not None or row.country is not None:
        place = EventPlace(name=row.place_name or "", country=row.country, admin1=row.admin1,
                           lat=row.lat, lon=row.lon, precision=row.place_precision,
                           span=_span_or_none(spans.get("place")))
    return Event(
        type=row.type, trigger=row.trigger_word, trigger_span=_span(spans["trigger"]),
        sentence=row.sentence, sentence_span=_span(spans["sentence"]),
        actors=tuple(json.loads(row.actors_json)), actor_spans=tuple(_span(s) for s in spans.get("actors", [])),
        targets=tuple(json.loads(row.targets_json)),
        target_spans=tuple(_span(s) for s in spans.get("targets", [])),
        place=place, date=row.date, date_end=row.date_end, date_span=_span_or_none(spans.get("date")),
        killed=row.killed, injured=row.injured, arrested=row.arrested,
        count_spans=tuple((name, _span(span)) for name, span in spans.get("counts", [])),
        certainty=row.certainty, core=bool(row.core), coder_version=row.coder_version,
        actor=read_party(row, "actor", spans.get("actor")), target=read_party(row, "target", spans.get("target")),
    )


def read_stored_event(row: ResultRow) -> StoredEvent:
    """An events row joined to its page (source, url) and story (headline, published)."""
    return StoredEvent(page_id=row.page_id, source=row.source, url=row.url, story_position=row.story_position,
                       headline=row.headline, published=row.published, event=read_event(row))


# quotes


def quote_id(quote: Quote) -> str:
    return content_id(quote.text, quote.speaker or "", str(quote.text_span))


def quote_values(page_id: str, story_position: int, position: int, quote: Quote, *,
                 nlp_version: str | None) -> dict[str, Any]:
    spans = {"text": quote.text_span, "speaker": quote.speaker_span, "sentence": quote.sentence_span,
             "parts": list(quote.parts)}
    return {
        "page_id": page_id, "story_position": story_position, "quote_id": quote_id(quote),
        "position": position, "speaker": quote.speaker, "text": quote.text,
        "direct": bool(quote.direct), "balanced": bool(quote.balanced),
        "spans_json": json.dumps(spans), "nlp_version": nlp_version,
    }


def read_quote(row: ResultRow) -> Quote:
    spans = json.loads(row.spans_json)
    return Quote(text=row.text, text_span=_span(spans["text"]), speaker=row.speaker,
                 speaker_span=_span_or_none(spans.get("speaker")), direct=bool(row.direct),
                 sentence_span=_span_or_none(spans.get("sentence")),
                 parts=tuple(_span(s) for s in spans.get("parts", [])), balanced=bool(row.balanced))


def read_stored_quote(row: ResultRow) -> StoredQuote:
    """A quotes row joined to its page (source, url)."""
    return StoredQuote(page_id=row.page_id, source=row.source, url=row.url, story_position=row.story_position,
                       quote=read_quote(row))


# entities


def entity_id(entity: Entity) -> str:
    return content_id(entity.type, entity.name)


def entity_values(page_id: str, story_position: int, position: int, entity: Entity, *,
                  nlp_version: str | None) -> dict[str, Any]:
    mentions = [{"span": m.span, "text": m.text, "kind": m.kind} for m in entity.spans]
    return {
        "page_id": page_id, "story_position": story_position, "entity_id": entity_id(entity),
        "position": position, "name": entity.name, "type": entity.type, "title": entity.title,
        "mentions": entity.mentions, "spans_json": json.dumps(mentions, ensure_ascii=False),
        "nlp_version": nlp_version,
    }


def read_entity(row: ResultRow) -> Entity:
    mentions = tuple(Mention(span=_span(m["span"]), text=m["text"], kind=m.get("kind", "name"))
                     for m in json.loads(row.spans_json))
    return Entity(name=row.name, type=row.type, title=row.title, mentions=row.mentions, spans=mentions)


def read_stored_entity(row: ResultRow) -> StoredEntity:
    """An entities row joined to its page (source, url)."""
    return StoredEntity(page_id=row.page_id, source=row.source, url=row.url, story_position=row.story_position,
                        entity=read_entity(row))


def list_unique(items: Iterable[T], key: Callable[[T], str]) -> list[tuple[int, T]]:
    """(position, item) for each item whose content id was not seen before in the story."""
    seen: set[str] = set()
    kept = []
    for position, item in enumerate(items):
        ident = key(item)
        if ident not in seen:
            seen.add(ident)
            kept.append((position, item))
    return kept
