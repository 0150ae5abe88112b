"""The event coder: the events a story tells, one per type family, place and day.

    code_events(text, sentences=..., story_date=..., dateline_place=..., headline=...)
        -> (Event, ...)

For each sentence: the triggers of ``data/en/coding/event_triggers.txt`` (event_triggers.py),
one event per family; its certainty from the words before the trigger, negated and
hypothetical mentions dropped (event_certainty.py); its scene among the sentence's
places, one event per place of a listed run (event_places.py); its date from the
sentence (dates.py), else the date the paragraph last gave; its counts from the
sentence (counts.py), each figure on the event whose trigger is nearest, and the figures of
a sentence with no event on the event told last (event_counts.py). Then the
story's drafts merge: one event per family, place and day (event_merge.py).

A sentence is read clause by clause where a clause brings its own time
(event_clauses.py); a place that acts or owns ("Moscow's missiles", "New Delhi said")
is no scene (event_places.py); of several dates the one nearest the trigger is the
event's, and a date that only dates the saying ("vowed Tuesday to punish those behind
the attack") leaves a known event undated.

Rules for what the text does not say:
- no place in the sentence: the place the paragraph last gave, else the places the rest
  of the paragraph names (all of them when the sentence speaks of "three regions"), else
  the one the paragraph before gave, else the dateline, else the headline's place, else
  the story's last place before, else a country named before, else the story's first town
  or region, else the one country its context names (a US local story whose towns the
  gazetteer does not know); a mention placed only by such a guess joins the story's event
  of its family (event_merge.py);
- a territory change names the place taken ("captured the town", not "captured the
  suspect" or "captured on video"; event_places.py);
- a list of places with bracketed figures breaks the toll told before it down into one
  event per place (event_breakdown.py); captions date an undated story and place a
  country- or region-wide event at the one town they name inside it (event_captions.py);
- no date in the sentence: the date the paragraph last gave; else the story's news day
  (the first day its opening sentences fix, else its published date), marked as a
  stand-in (``Draft.date_soft``): such a mention joins the telling of the same incident
  that gives its own day (event_merge.py). "The attack" told again takes no carried
  date, nor the date of another verb whose object it is ("were arrested Monday in the
  killing of ...").
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from ..models import Entity, Event, EventPlace, Span
from .counts import find_counts
from .dates import DateMention, find_dates, resolve_date
from .event_breakdown import split_breakdown
from .event_captions import read_caption_date, refine_scenes
from .event_certainty import certainty_of
from .event_counts import attach_counts, carry_counts
from .event_clauses import announces_several, is_definite, is_detached, is_speech_date, split_clauses
from ..event_types import is_core, name_family
from .event_lexicon import describe_version, load_event_lexicon
from .event_merge import Draft, merge_drafts
from .event_places import Located, choose_scenes, scene_places, takes_territory
from .event_triggers import find_story_type, find_triggers, group_triggers
from .gazetteer import load_gazetteer
from .places import context_from_story, find_places, make_place

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
                entities: Sequence[Entity] = (), captions: Sequence[str] = ()) -> tuple[Event, ...]:
    """The events of one story body (offsets into ``text``); ``captions`` are its pictures' captions."""
    spans = list(sentences) if sentences is not None else split_sentences(text)
    triggers = [find_triggers(text[start:end]) for start, end in spans]
    if not any(triggers):
        return ()
    context = context_from_story(text, dateline_place=dateline_place, headline=headline)
    places = find_places(text, context=context)
    fallback = read_fallback_places(headline, context=context)
    main = main_place(text, places, fallback)
    home = read_home_country(context)
    caption_date = None if story_date else read_caption_date(captions)
    if caption_date is not None and len(caption_date) == 10:
        story_date = caption_date  # no published date: the day the pictures were taken
    news_date = find_news_date(text, spans, story_date=story_date) or caption_date
    story_type = find_story_type([headline or ""] + [text[s:e] for s, e in spans[:3]])
    story_violent = name_family(story_type) == "violence" if story_type else False
    persons = [mention.span for entity in entities if entity.type == "PERSON" for mention in entity.spans
               if mention.kind == "name"]
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
        clauses = split_clauses(sentence) if triggers[index] else [(0, len(sentence))]
        for number, (clause_start, clause_end) in enumerate(clauses):
            first, last = start + clause_start, start + clause_end
            clause = text[first:last]
            mention = resolve_date(clause, story_date=story_date, previous=previous_date, offset=first)
            mentions = find_dates(clause, story_date=story_date, previous=previous_date,
                                  offset=first) if triggers[index] else []  # only events pick among them
            date, date_end, date_span, date_hint = None, None, None, None
            soft = False  # the news day stands in for a date the text does not give
            if mention is not None and mention.value:
                date, date_end, date_span, date_hint = mention.value, mention.end, mention.span, mention.certainty
                paragraph_date = date
                if len(date) == 10:
                    previous_date = date
            elif number > 0:
                date = None  # a clause of its own whose time ("earlier") fixes no day
            elif paragraph_date is not None:
                date = paragraph_date
            elif mention is None:
                date, soft = news_date, True
            scenes = scene_places(text, places, first, last)
            if len(scenes) == 1 and scenes[0][2].precision == "country" and main and main[0][2].country == scenes[0][2].country:
                scenes = main
            if scenes:
                paragraph_place = scenes[-1:]
            chosen = group_triggers([t for t in triggers[index] if clause_start <= t.start < clause_end],
                                    story_type=story_type)
            clause_drafts: list[Draft] = []
            for trigger in chosen:
                at = start + trigger.start
                if trigger.type == "territory_change" and not takes_territory(
                        text, places, at, start + trigger.end, sentence=(start, end), persons=persons):
                    continue  # "captured the suspect", "captured on video": no place taken
                near = pick_date(mentions, at) if mention is not None and mention.value else None
                hint = near.certainty if near is not None else date_hint
                certainty = certainty_of(sentence, trigger.start, date_hint=hint, trigger_end=trigger.end)
                if certainty is None:
                    continue
                definite = is_definite(sentence, trigger.start, trigger.text)
                where = choose_scenes(text, scenes, at) if scenes else []
                source = "own" if where else "paragraph" if paragraph_place else ""
                where = where or paragraph_place
                if not where:
                    where = look_ahead(text, places, spans, index, paragraph_start, several=announces_several(sentence))
                    source = "ahead" if where else "guess"
                where = where or last_scene or look_next(text, places, spans, index) or fallback
                where = where or last_place_before(text, places, start) or main or home
                event_date, event_end, event_span, event_soft = date, date_end, date_span, soft
                if near is not None:
                    event_date, event_end, event_span = near.value, near.end, near.span
                # a known event ("the attack") takes no day from the saying, the paragraph or
                # another verb of its sentence ("was arrested Monday in the killing of ...")
                told = any(draft.key == name_family(trigger.type) for draft in drafts)
                if definite and (near is None and told or near is not None and near.span[0] < at
                                 and (is_speech_date(text, near.span[0])
                                      or near.rule != "anniversary" and is_detached(text, near.span, at))):
                    event_date = None
                actors, targets = read_parties(entities, start, end, at)
                supported = (not trigger.strong and source == "own" and mention is not None and story_violent
                             and certainty == "reported")
                for position, located in enumerate(where or [None]):
                    clause_drafts.append(Draft(
                        type=trigger.type, strong=trigger.strong, trigger=trigger.text,
                        trigger_span=(at, start + trigger.end), sentence_span=(start, end),
                        place=to_event_place(located), date=event_date, date_end=event_end if event_date else None,
                        date_span=event_span if event_date else None, date_soft=event_soft and event_date is not None,
                        certainty=certainty, actors=actors, targets=targets, takes_counts=position == 0,
                        clause=(index, number if len(clauses) > 1 else 0), place_source=source,
                        definite=definite, supported=supported, wide=is_area_wide(text, located),
                        timed=mention is not None and not definite))
            counts = find_counts(clause, offset=first)
            attach_counts(clause_drafts, counts)
            if not any(is_core(draft.type) for draft in clause_drafts):
                carry_counts(drafts, counts, scenes=scenes, date=mention.value if mention is not None else None)
            drafts += clause_drafts
        if "(" in sentence:
            split_breakdown(drafts, sentence, start=start, end=end, index=index, context=context)
    merged = merge_drafts(drafts)
    refine_scenes(merged, captions, context=context)
    version = describe_version()
    return tuple(draft.to_event(text, version=version) for draft in merged)


def is_area_wide(text: str, located: Located | None) -> bool:
    """The place is an area the event is told across ("strikes across Gaza killed 92"): a tally."""
    wide = load_event_lexicon().wide
    if wide is None or located is None or located[0] < 0:
        return False
    return bool(wide.search(text[max(0, located[0] - 30):located[0]].lower()))


def read_fallback_places(headline: str | None, *, context) -> list[Located]:
    """The scene the story stands for when a sentence names none: the dateline, else the headline's place."""
    if context.dateline is not None:
        return [(-1, -1, context.dateline)]
    if headline:
        found = [(-1, -1, place) for _, _, place in find_places(headline, context=context)]
        fine = [item for item in found if item[2].precision != "country"]
        return (fine or found)[:1]
    return []


def read_home_country(context) -> list[Located]:
    """The one country the story is set in, when its context names exactly one (a US local story
    that never names a town the gazetteer knows), as a stand-in scene."""
    if len(context.countries) != 1:
        return []
    gazetteer = load_gazetteer()
    row = gazetteer.country_rows.get(context.countries[0])
    return [(-1, -1, make_place(gazetteer, row))] if row is not None else []


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


def pick_date(mentions: list[DateMention], at: int) -> DateMention | None:
    """The date nearest the trigger among those the clause fixes ("said Thursday that Russia
    launched 300 missiles in April": April); None when the clause fixes none."""
    fixed = [mention for mention in mentions if mention.value]
    if len(fixed) < 2:
        return fixed[0] if fixed else None
    return min(fixed, key=lambda m: (min(abs(m.span[0] - at), abs(m.span[1] - at)), m.span[0] < at))


def look_ahead(text: str, places: list[Located], spans: Sequence[Span], index: int, paragraph: int,
               *, several: bool) -> list[Located]:
    """The places the rest of the paragraph names in sentences that tell no event of their own
    ("Drones hit energy sites overnight. The Oryol governor said ..."): all of them when the
    sentence speaks of several places, else the first."""
    found: list[Located] = []
    for start, end in spans[index + 1:]:
        start += len(text[start:end]) - len(text[start:end].lstrip())
        if text.rfind("\n\n", 0, start + 1) != paragraph:
            break
        cut = text.find("\n\n", start, end)  # a parse may run a sentence across paragraphs
        end = cut if cut >= 0 else end
        if any(trigger.strong and is_core(trigger.type) for trigger in find_triggers(text[start:end])):
            break
        for item in scene_places(text, places, start, end):
            if item[2].precision != "country" and all(item[2].name != other[2].name for other in found):
                found.append(item)
        if cut >= 0:
            break
    return found if several else found[:1]


def look_next(text: str, places: list[Located], spans: Sequence[Span], index: int) -> list[Located]:
    """For the last sentence of a paragraph that places nothing ("fired rockets at the army's
    command"): the first fine place the next paragraph's opening sentence names, where that
    sentence tells no event of its own ("... projectiles crossing into the area around X")."""
    start, end = spans[index]
    if text.find("\n\n", end) < 0 or index + 1 >= len(spans):
        return []
    following, stop = spans[index + 1]
    if text.rfind("\n\n", 0, following + 1) <= start:  # the next sentence is still this paragraph
        return []
    cut = text.find("\n\n", following, stop)
    stop = cut if cut >= 0 else stop
    if any(trigger.strong and is_core(trigger.type) for trigger in find_triggers(text[following:stop])):
        return []
    fine = [item for item in scene_places(text, places, following, stop) if item[2].precision != "country"]
    return fine[:1]


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
