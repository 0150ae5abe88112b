"""The extraction record: the JSON contract of ../shared/spec/output.md.

One function turns an Extraction into the plain dict that `dateline extract
--json` prints and scorers read; nothing else in the package builds that shape.
"""
from __future__ import annotations

from typing import Any

from .models import Event, EventPlace, Extraction, Party, Story


def place_record(place: EventPlace | None) -> dict | None:
    if place is None:
        return None
    return {"name": place.name, "country": place.country, "admin1": place.admin1, "lat": place.lat,
            "lon": place.lon, "precision": place.precision, "span": list(place.span) if place.span else None}


def party_record(party: Party | None) -> dict | None:
    """An event's actor or target as spec/output.md gives it: {name, kind, country}, or None."""
    if party is None:
        return None
    return {"name": party.name, "kind": party.kind, "country": party.country}


def quote_record(quote) -> dict:
    record = quote.to_dict()
    record["span"] = list(quote.text_span)
    record["speaker_span"] = list(quote.speaker_span) if quote.speaker_span else None
    return record


def event_record(event: Event) -> dict:
    """One coded event: the fields of spec/output.md plus offsets into the story text
    (its body paragraphs joined with a blank line) so every fact can be shown in its sentence."""
    return {
        "type": event.type,
        "trigger": event.trigger,
        "sentence": event.sentence,
        "actors": list(event.actors),
        "targets": list(event.targets),
        "actor": party_record(event.actor),
        "target": party_record(event.target),
        "place": place_record(event.place),
        "date": event.date,
        "date_end": event.date_end,
        "killed": event.killed,
        "injured": event.injured,
        "arrested": event.arrested,
        "certainty": event.certainty,
        "core": event.core,
        "spans": {
            "trigger": list(event.trigger_span),
            "sentence": list(event.sentence_span),
            "actors": [list(span) for span in event.actor_spans],
            "targets": [list(span) for span in event.target_spans],
            "actor": list(event.actor.span) if event.actor and event.actor.span else None,
            "target": list(event.target.span) if event.target and event.target.span else None,
            "date": list(event.date_span) if event.date_span else None,
            "counts": {name: list(span) for name, span in event.count_spans},
        },
        "coder_version": event.coder_version,
    }


def story_record(story: Story, *, extra: dict | None = None) -> dict:
    record = {
        "headline": story.headline,
        "dateline": (
            {"place": story.dateline.place, "agency": story.dateline.agency} if story.dateline else None
        ),
        "published": story.published,
        "updated": story.updated,
        "byline": story.byline,
        "body": list(story.body),
        "captions": [{"text": c.text, "credit": c.credit} for c in story.captions],
        "entities": [entity.to_dict() for entity in story.entities],
        "quotes": [quote_record(quote) for quote in story.quotes],
        "events": [event_record(event) for event in story.events],
    }
    if extra:
        record.update(extra)
    return record


def to_record(extraction: Extraction) -> dict:
    """The JSON-ready record of one page (see spec/output.md)."""
    page = extraction.page
    record: dict[str, Any] = {
        "source": page.source,
        "url": page.url,
        "page_id": page.page_id,
        "cleaner_version": extraction.cleaner_version,
        "nlp_version": extraction.nlp_version,
        "coder_version": extraction.coder_version,
        "stories": [story_record(s) for s in extraction.stories],
        "removed": [
            {"text": r.text, "reason": r.reason, **({"rule": r.note} if r.note else {})}
            for r in extraction.removed
        ],
    }
    if page.kind == "html":  # only HTML has metadata to name its site; flat pages' records stay as they were
        record["site_name"] = extraction.site_name
    if extraction.failure is not None:
        f = extraction.failure
        record["error"] = {"stage": f.stage, "reason": f.reason}
    return record
