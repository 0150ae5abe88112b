"""The event coder: the events a story tells, one per type family, place and day.

    code_events(text, sentences=..., story_date=..., dateline_place=..., headline=...)
        -> (Event, ...)

For each sentence: the triggers of ``data/event_triggers.txt`` (event_triggers.py),
one event per family; its certainty from the words before the trigger, negated and
hypothetical mentions dropped (event_certainty.py); its scene among the sentence's
places, one event per place of a listed run (event_places.py); its date from the
sentence (dates.py), else the date the paragraph last gave; its counts from the
sentence (counts.py), each figure on the event whose trigger is nearest. Then the
story's drafts merge: one event per family, place and day (event_merge.py).

Rules for what the text does not say:
- no place in the sentence: the place the paragraph last gave, else the one the paragraph
  before gave, else the dateline,
  else the headline's place, else the story's last place before, else its country;
- no date in the sentence: the date the paragraph last gave; else, for an event of
  the story's opening paragraph, the story's published date (the news of the day);
  else None, never a guess.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from ..models import Entity, Event, EventPlace, Span
from .counts import find_counts
from .dates import resolve_date
from .event_certainty import certainty_of
from .event_lexicon import describe_version, is_core
from .event_merge import Draft, merge_drafts
from .event_places import Located, choose_scenes, scene_places
from .event_triggers import find_story_type, find_triggers, group_triggers
from .places import context_from_story, find_places

log = logging.getLogger(__name__)

SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"(])|\n\s*\n")
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP"})


def split_sentences(text: str) -> list[Span]:
    """Sentence spans by punctuation, for callers without a parse."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def code_events(text: str, *, sentences: Sequence[Span] | None = None, story_date: str | None = None,
                dateline_place: str | None = None, headline: str | None = None,
                entities: Sequence[Entity] = ()) -> tuple[Event, ...]:
    """The events of one story body (offsets into ``text``)."""
    spans = list(sentences) if sentences is not None else split_sentences(text)
    triggers = [find_triggers(text[start:end]) for start, end in spans]
    if not any(triggers):
        return ()
    context = context_from_story(text, dateline_place=dateline_place)
    places = find_places(text, context=context)
    fallback = read_fallback_places(headline, context=context)
    main = main_place(text, places, fallback)
    news_date = find_news_date(text, spans, story_date=story_date)
    story_type = find_story_type([headline or ""] + [text[s:e] for s, e in spans[:3]])
    drafts: list[Draft] = []
    paragraph_date: str | None = None
    previous_date: str | None = None
    paragraph_place: list[Located] = []
    last_scene: list[Located] = []  # the scene of the paragraph before
    paragraph_start = -1
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end]
        paragraph = text.rfind("\n\n", 0, start)
        if paragraph != paragraph_start:
            last_scene = paragraph_place
            paragraph_start, paragraph_date, paragraph_place = paragraph, None, []
        mention = resolve_date(sentence, story_date=story_date, previous=previous_date, offset=start)
        date, date_end, date_span, date_hint = None, None, None, None
        if mention is not None and mention.value:
            date, date_end, date_span, date_hint = mention.value, mention.end, mention.span, mention.certainty
            paragraph_date = date
            if len(date) == 10:
                previous_date = date
        elif paragraph_date is not None:
            date = paragraph_date
        elif mention is None:
            date = news_date
        scenes = scene_places(text, places, start, end)
        if len(scenes) == 1 and scenes[0][2].precision == "country" and main and main[0][2].country == scenes[0][2].country:
            scenes = main
        if scenes:
            paragraph_place = scenes[-1:]
        chosen = group_triggers(triggers[index], story_type=story_type)
        sentence_drafts: list[Draft] = []
        for trigger in chosen:
            certainty = certainty_of(sentence, trigger.start, date_hint=date_hint)
            if certainty is None:
                continue
            at = start + trigger.start
            where = choose_scenes(text, scenes, at) if scenes else []
            where = where or paragraph_place or last_scene or fallback or last_place_before(text, places, start)
            actors, targets = read_parties(entities, start, end, at)
            for number, located in enumerate(where or [None]):
                sentence_drafts.append(Draft(
                    type=trigger.type, strong=trigger.strong, trigger=trigger.text,
                    trigger_span=(at, start + trigger.end), sentence_span=(start, end),
                    place=to_event_place(located), date=date, date_end=date_end, date_span=date_span,
                    certainty=certainty, actors=actors, targets=targets, takes_counts=number == 0))
        attach_counts(sentence_drafts, find_counts(sentence, offset=start))
        drafts += sentence_drafts
    version = describe_version()
    return tuple(draft.to_event(text, version=version) for draft in merge_drafts(drafts))


def read_fallback_places(headline: str | None, *, context) -> list[Located]:
    """The scene the story stands for when a sentence names none: the dateline, else the headline's place."""
    if context.dateline is not None:
        return [(-1, -1, context.dateline)]
    if headline:
        found = [(-1, -1, place) for _, _, place in find_places(headline, context=context)]
        fine = [item for item in found if item[2].precision != "country"]
        return (fine or found)[:1]
    return []


def main_place(text: str, places: list[Located], fallback: list[Located]) -> list[Located]:
    """The story's own place: the dateline or headline place, else the first scene of the text."""
    if fallback:
        return fallback
    scenes = scene_places(text, places, 0, len(text))
    fine = [item for item in scenes if item[2].precision != "country"]
    return fine[:1]


def find_news_date(text: str, spans: Sequence[Span], *, story_date: str | None) -> str | None:
    """The day the story reports: the first day its text fixes (not planned, not history),
    else its published day."""
    previous = None
    for start, end in spans[:6]:
        mention = resolve_date(text[start:end], story_date=story_date, previous=previous)
        if mention is not None and mention.value and len(mention.value) == 10 and mention.certainty is None:
            return mention.value
    return story_date[:10] if story_date and len(story_date) >= 10 else None


def last_place_before(text: str, places: list[Located], start: int) -> list[Located]:
    before = [item for item in places if item[1] <= start and item[2].precision != "country"]
    if before:
        return before[-1:]
    countries = [item for item in places if item[2].precision == "country"]
    return countries[:1]


def to_event_place(located: Located | None) -> EventPlace | None:
    if located is None:
        return None
    start, end, place = located
    return EventPlace(name=place.name, country=place.country, admin1=place.admin1, lat=place.lat,
                      lon=place.lon, precision=place.precision, span=(start, end) if start >= 0 else None)


def read_parties(entities: Sequence[Entity], start: int, end: int, at: int) -> tuple[list, list]:
    """Actors (named before the trigger) and targets (after it) among the sentence's entities."""
    actors: list[tuple[str, Span]] = []
    targets: list[tuple[str, Span]] = []
    for entity in entities:
        if entity.type not in ACTOR_TYPES:
            continue
        for mention in entity.spans:
            if start <= mention.span[0] and mention.span[1] <= end and mention.kind == "name":
                side = actors if mention.span[0] < at else targets
                if all(name != entity.name for name, _ in side):
                    side.append((entity.name, mention.span))
    return sorted(actors, key=lambda a: a[1])[:3], sorted(targets, key=lambda t: t[1])[:3]


def attach_counts(drafts: list[Draft], counts) -> None:
    """Each figure on the nearest event that can carry it; "arrested" only on arrests."""
    for count in counts:
        if count.field not in ("killed", "injured", "arrested"):
            continue
        able = [d for d in drafts if d.takes_counts and is_core(d.type)
                and ((d.type == "arrest") == (count.field == "arrested"))]
        if not able:
            continue
        nearest = min(able, key=lambda d: abs(d.trigger_span[0] - count.span[0]))
        nearest.add_count(count.field, count.value, count.span, exact=count.exact)
