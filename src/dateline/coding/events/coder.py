"""The event coder: the events a story tells, one per type family, place and day.

    code_events(text, sentences=..., story_date=..., dateline_place=..., headline=...)
        -> (Event, ...)

For each sentence: the triggers of ``data/en/coding/event_triggers.txt`` (triggers.py),
one event per family; its certainty from the words before the trigger, negated and
hypothetical mentions dropped (certainty.py); its scene among the sentence's
places, one event per place of a listed run (scenes.py); its date from the
sentence (dates/), else the date the paragraph last gave; its counts from the
sentence (counts/), each figure on the event whose trigger is nearest, and the figures of
a sentence with no event on the event told last (figures.py). Then the
story's drafts merge: one event per family, place and day (merge.py).

A sentence is read clause by clause where a clause brings its own time
(clauses.py); a place that acts or owns ("Moscow's missiles", "New Delhi said")
is no scene (scenes.py); of several dates the one nearest the trigger is the
event's, and a date that only dates the saying ("vowed Tuesday to punish those behind
the attack") leaves a known event undated.

Rules for what the text does not say:
- no place in the clause: the strategies of place_choice.py, tried in order
  (``PLACE_STRATEGIES``: the place the paragraph last gave, the places the rest of the
  paragraph names, ..., the one country the story's context names); a mention placed only
  by a guess joins the story's event of its family (merge.py);
- a territory change names the place taken ("captured the town", not "captured the
  suspect" or "captured on video"; event_places.py);
- a list of places with bracketed figures breaks the toll told before it down into one
  event per place (breakdown.py); captions date an undated story and place a
  country- or region-wide event at the one town they name inside it (captions.py);
- no date in the sentence: the date the paragraph last gave; else the story's news day
  (the first day its opening sentences fix, else its published date), marked as a
  stand-in (``Draft.date_soft``): such a mention joins the telling of the same incident
  that gives its own day (merge.py). "The attack" told again takes no carried
  date, nor the date of another verb whose object it is ("were arrested Monday in the
  killing of ..."); a date in a relative clause after the trigger dates that clause's noun,
  not the trigger ("detained the man suspected of an ambush that killed four in March"); a day counted
  from the speaker's now inside a direct quote ("nine dead today") is the saying's, so it fixes
  no day of the event; one who gives himself up ("turned himself in") is one person arrested.

The story's fixed facts are one record (``StoryFacts``), what the coder knows as it reads
sentence by sentence another (``Reading``); a clause's date is a ``ClauseDate``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...event_types import is_core, name_family
from ...models import Entity, Event, EventPlace, ParsedToken, Span
from ..counts import find_counts
from ..dates import DateMention, find_dates, find_statement_date, resolve_date
from ..places import PlaceContext, context_from_story
from .breakdown import split_breakdown
from .captions import read_caption_date, refine_scenes
from .certainty import certainty_of
from .clauses import dates_later_noun, is_definite, is_detached, is_speech_date, split_clauses
from .figures import attach_counts, carry_counts
from .lexicon import describe_version
from .merge import Draft, merge_drafts
from .parties import StoryCast, read_cast, read_parties, settle_parties
from .place_choice import (Mention, StoryPlaces, choose_place, read_compass_country, read_story_places,
                           take_country_part)
from .scenes import Located, scene_places, takes_territory
from .telling import (GAVE_SELF_UP, count_surrender, follows_found_dead, is_area_wide, quoted_today, tells_status,
                      tells_update, tells_victims)
from .triggers import (Trigger, find_story_type, find_triggers, group_triggers, retype_arson,
                       retype_street_clashes, tells_of_protest)

SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"(])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """What the coder knows of a story before it reads a sentence."""

    text: str
    spans: list[Span]  # its sentences
    triggers: list[list[Trigger]]  # each sentence's
    context: PlaceContext
    places: StoryPlaces
    story_date: str | None  # its published day, else the day its captions give
    news_date: str | None  # the day it reports (find_news_date)
    story_type: str | None  # the core type its opening names most
    violent: bool  # that type is one of violence
    street: bool  # its headline or opening tells of protest: its clashes are street clashes
    entities: Sequence[Entity]
    persons: list[Span]  # the spans of people's names
    cast: StoryCast  # the actors it names, and its parse (parties.py)


@dataclass(slots=True)
class Reading:
    """What the coder knows as it reads a story sentence by sentence (one per story)."""

    drafts: list[Draft] = field(default_factory=list)
    paragraph_start: int = -1
    paragraph_date: str | None = None  # the date the paragraph last gave
    previous_date: str | None = None  # the last day the text gave ("two days later" counts from it)
    paragraph_place: list[Located] = field(default_factory=list)  # the scene the paragraph last gave
    last_scene: list[Located] = field(default_factory=list)  # the scene of the paragraph before


@dataclass(frozen=True, slots=True)
class ClauseDate:
    """A clause's date: the one it gives, else the one it takes (``soft``: the news day stands in)."""

    mention: DateMention | None  # the clause's one date (resolve_date)
    mentions: list[DateMention]  # all its dates, when it tells an event
    value: str | None = None
    end: str | None = None
    span: Span | None = None
    hint: str | None = None  # the certainty the date gives ("planned", "historical")
    soft: bool = False

    @property
    def fixed(self) -> bool:
        return self.mention is not None and bool(self.mention.value)


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
                entities: Sequence[Entity] = (), captions: Sequence[str] = (),
                parse: Sequence[ParsedToken] = ()) -> tuple[Event, ...]:
    """The events of one story body (offsets into ``text``); ``captions`` are its pictures' captions,
    ``parse`` its tokens as the NLP stage parsed them (who did it to whom; none without it)."""
    spans = list(sentences) if sentences is not None else split_sentences(text)
    triggers = [find_triggers(text[start:end]) for start, end in spans]
    if not any(triggers):
        return ()
    story = read_story(text, spans, triggers, story_date=story_date, dateline_place=dateline_place,
                       headline=headline, entities=entities, captions=captions, parse=parse)
    reading = Reading()
    for index in range(len(spans)):
        read_sentence(story, reading, index)
    merged = merge_drafts(reading.drafts, news_date=story.news_date)
    refine_scenes(merged, captions, context=story.context)
    settle_parties(merged, story.cast)
    version = describe_version()
    return tuple(draft.to_event(text, version=version) for draft in merged)


def read_story(text: str, spans: list[Span], triggers: list[list[Trigger]], *, story_date: str | None,
               dateline_place: str | None, headline: str | None, entities: Sequence[Entity],
               captions: Sequence[str], parse: Sequence[ParsedToken] = ()) -> StoryFacts:
    """The facts of a story the coder reads every sentence by."""
    context = context_from_story(text, dateline_place=dateline_place, headline=headline)
    places = read_story_places(text, spans, context=context, headline=headline)
    caption_date = None if story_date else read_caption_date(captions)
    if caption_date is not None and len(caption_date) == 10:
        story_date = caption_date  # no published date: the day the pictures were taken
    story_date = story_date or find_statement_date(text)  # else the day a statement in it is dated
    news_date = find_news_date(text, spans, story_date=story_date) or caption_date
    story_type = find_story_type([headline or ""] + [text[s:e] for s, e in spans[:3]])
    persons = [mention.span for entity in entities if entity.type == "PERSON" for mention in entity.spans
               if mention.kind == "name"]
    return StoryFacts(text=text, spans=spans, triggers=triggers, context=context, places=places,
                      story_date=story_date, news_date=news_date, story_type=story_type,
                      violent=name_family(story_type) == "violence" if story_type else False,
                      street=tells_of_protest([headline or ""] + [text[s:e] for s, e in spans[:3]]),
                      entities=entities, persons=persons,
                      cast=read_cast(text, parse, places=places.places, context=context))


def read_sentence(story: StoryFacts, reading: Reading, index: int) -> None:
    """Add the drafts of one sentence, clause by clause, to ``reading``."""
    start, end = story.spans[index]
    sentence = story.text[start:end]
    paragraph = story.text.rfind("\n\n", 0, start)
    if paragraph != reading.paragraph_start:
        reading.last_scene = reading.paragraph_place
        reading.paragraph_start, reading.paragraph_date, reading.paragraph_place = paragraph, None, []
    clauses = split_clauses(sentence) if story.triggers[index] else [(0, len(sentence))]
    for number, clause in enumerate(clauses):
        read_clause(story, reading, index, number, clause, alone=len(clauses) == 1)
    if "(" in sentence or sentence.count(" in ") >= 3:  # bracketed figures, or "N in X, M in Y and K in Z"
        split_breakdown(reading.drafts, sentence, start=start, end=end, index=index, context=story.context)


def read_clause(story: StoryFacts, reading: Reading, index: int, number: int, clause: Span, *, alone: bool) -> None:
    """Add the drafts of one clause (``clause``: offsets into its sentence) and carry its figures."""
    text, (start, end) = story.text, story.spans[index]
    first, last = start + clause[0], start + clause[1]
    dating = date_clause(story, reading, text[first:last], offset=first, number=number,
                         tells=bool(story.triggers[index]), sentence_start=start)
    scenes = scene_places(text, story.places.places, first, last)
    main = story.places.main
    if main and main[0][2].precision == "country" and story.places.opening \
            and story.places.opening[0][2].country == main[0][2].country:
        main = story.places.opening  # a headline's country: the first town the text gives as a scene
    compass = read_compass_country(text, scenes[0], story.places.main) if len(scenes) == 1 else None
    if compass is not None:  # "in north-western Colombia": that part, not the story's own town
        scenes = [compass]
    elif (len(scenes) == 1 and scenes[0][2].precision == "country" and main
          and main[0][2].country == scenes[0][2].country):
        scenes = main
    if scenes:
        reading.paragraph_place = scenes[-1:]
    elif story.triggers[index]:  # "at a northern mine": the part of the country is the paragraph's scene
        part = take_country_part(story.places, Mention(index=index, sentence=(start, end), at=first, scenes=[],
                                                       paragraph=reading.paragraph_start, paragraph_place=[],
                                                       last_scene=[]))
        reading.paragraph_place = part or reading.paragraph_place
    sentence = text[start:end]
    found = retype_arson([t for t in story.triggers[index] if clause[0] <= t.start < clause[1]], sentence)
    if story.street:
        found = retype_street_clashes(found, sentence, harm=story.story_type == "riot")
    chosen = group_triggers(found, story_type=story.story_type)
    clause_drafts: list[Draft] = []
    for trigger in chosen:
        mention = Mention(index=index, sentence=(start, end), at=start + trigger.start, scenes=scenes,
                          paragraph=reading.paragraph_start, paragraph_place=reading.paragraph_place,
                          last_scene=reading.last_scene)
        clause_drafts += draft_mention(story, reading, trigger, mention, dating,
                                       clause=(index, 0 if alone else number))
    counts = find_counts(text[first:last], offset=first)
    attach_counts(clause_drafts, counts)
    count_surrender(clause_drafts)
    if not any(is_core(draft.type) for draft in clause_drafts):
        carry_counts(reading.drafts, counts, scenes=scenes,
                     date=dating.mention.value if dating.mention is not None else None)
    reading.drafts += clause_drafts


def date_clause(story: StoryFacts, reading: Reading, clause: str, *, offset: int, number: int,
                tells: bool, sentence_start: int | None = None) -> ClauseDate:
    """The clause's date; a day it gives becomes the paragraph's date and the previous day (not a
    quote's "today": the speaker's day, which the story does not fix)."""
    mention = resolve_date(clause, story_date=story.story_date, previous=reading.previous_date, offset=offset)
    mentions = find_dates(clause, story_date=story.story_date, previous=reading.previous_date,
                          offset=offset) if tells else []  # only events pick among them
    start = offset if sentence_start is None else sentence_start
    if mention is not None and quoted_today(mention, story.text[start:offset + len(clause)], start):
        return ClauseDate(mention, mentions, value=mention.value, end=mention.end, span=mention.span)
    if mention is not None and mention.value:
        reading.paragraph_date = mention.value
        if len(mention.value) == 10:
            reading.previous_date = mention.value
        return ClauseDate(mention, mentions, value=mention.value, end=mention.end, span=mention.span,
                          hint=mention.certainty)
    if number > 0:
        return ClauseDate(mention, mentions)  # a clause of its own whose time ("earlier") fixes no day
    if reading.paragraph_date is not None:
        return ClauseDate(mention, mentions, value=reading.paragraph_date)
    if mention is None:
        return ClauseDate(mention, mentions, value=story.news_date, soft=True)
    return ClauseDate(mention, mentions)


def draft_mention(story: StoryFacts, reading: Reading, trigger: Trigger, mention: Mention, dating: ClauseDate,
                  *, clause: tuple[int, int]) -> list[Draft]:
    """The drafts of one trigger: one per place it is set at; none when it tells no event."""
    text, (start, end), at = story.text, mention.sentence, mention.at
    sentence = text[start:end]
    if trigger.type == "territory_change" and not takes_territory(
            text, story.places.places, at, start + trigger.end, sentence=(start, end), persons=story.persons):
        return []  # "captured the suspect", "captured on video": no place taken
    near = pick_date(dating.mentions, at) if dating.fixed else None
    family = name_family(trigger.type)
    if near is not None and dates_later_noun(text, start + trigger.end, near.span[0], family):
        own = [m for m in dating.mentions
               if m.value and not dates_later_noun(text, start + trigger.end, m.span[0], family)]
        near = pick_date(own, at)
        if near is None:  # no day of its own: the story's news day stands in
            dating = news_day(story)
    if quoted_today(dating.mention if near is None else near, sentence, start):
        near = None  # "Nine are dead today, we can confirm": the speaker's day, which the story does not fix
        dating = news_day(story)
    hint = near.certainty if near is not None else dating.hint
    certainty = certainty_of(sentence, trigger.start, date_hint=hint, trigger_end=trigger.end)
    if certainty is None:
        return []
    definite = is_definite(sentence, trigger.start, trigger.text)
    found_dead = follows_found_dead(sentence, trigger.start)
    status = tells_status(sentence)  # "20 of the injured were still in hospital on Thursday"
    definite = definite or found_dead
    where, source = choose_place(story.places, mention)
    event_date, event_end, event_span = dating.value, dating.end, dating.span
    if near is not None:
        event_date, event_end, event_span = near.value, near.end, near.span
    # a known event ("the attack") takes no day from the saying, the paragraph or
    # another verb of its sentence ("was arrested Monday in the killing of ...")
    told = any(draft.key == family for draft in reading.drafts)
    if found_dead or status or definite and (near is None and told or near is not None and near.span[0] < at
                     and (is_speech_date(text, near.span[0])
                          or near.rule != "anniversary" and is_detached(text, near.span, at))):
        event_date = None
    if told and dating.mention is None and GAVE_SELF_UP.search(trigger.text):
        event_date = None  # "when he turned himself in", told again with no time of its own: the arrest told
    sides = read_parties(story.cast, trigger.type, at, start + trigger.end, where[0] if where else None)
    supported = (not trigger.strong and source == "own" and dating.mention is not None and story.violent
                 and certainty == "reported")
    return [Draft(type=trigger.type, strong=trigger.strong, trigger=trigger.text,
                  trigger_span=(at, start + trigger.end), sentence_span=(start, end),
                  place=to_event_place(located), date=event_date, date_end=event_end if event_date else None,
                  date_span=event_span if event_date else None, date_soft=dating.soft and event_date is not None,
                  soft_until=story.story_date[:10] if dating.soft and story.story_date else None,
                  certainty=certainty, actors=sides.list_agents(), targets=sides.list_patients(),
                  actor=sides.actor, target=sides.target,
                  takes_counts=position == 0,
                  clause=clause, place_source=source, definite=definite, supported=supported,
                  wide=is_area_wide(text, located), timed=dating.mention is not None and not definite and not status,
                  victims_only=status or tells_victims(sentence, trigger), update=tells_update(sentence))
            for position, located in enumerate(where or [None])]


def news_day(story: StoryFacts) -> ClauseDate:
    """The dating of a mention with no day of its own: the story's news day stands in (soft)."""
    return ClauseDate(None, [], value=story.news_date, soft=story.news_date is not None)


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
    launched 300 missiles in April": April); None when the clause fixes none. A coarser date
    that holds a finer one of the clause gives way to it ("the deadliest attack this year ...
    on Wednesday": Wednesday)."""
    fixed = [mention for mention in mentions if mention.value]
    fixed = [m for m in fixed if not any(other.value and len(other.value) > len(m.value or "")
                                         and other.value.startswith(m.value or "") for other in fixed)]
    if len(fixed) < 2:
        return fixed[0] if fixed else None
    return min(fixed, key=lambda m: (min(abs(m.span[0] - at), abs(m.span[1] - at)), m.span[0] < at))


def to_event_place(located: Located | None) -> EventPlace | None:
    if located is None:
        return None
    start, end, place = located
    return EventPlace(name=place.name, country=place.country, admin1=place.admin1, lat=place.lat,
                      lon=place.lon, precision=place.precision, span=(start, end) if start >= 0 else None)

