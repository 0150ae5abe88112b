"""store/queries.py on SQLite and (with $DATELINE_TEST_POSTGRES_URL) PostgreSQL: paging
with totals, sorting, bounding boxes, text search taken literally, one story with its spans."""
from __future__ import annotations

import pytest

from dateline.models import Entity, Event, EventPlace, Extraction, Mention, Page, Quote, Removed, Story
from dateline.errors import InvalidFilter
from dateline.store import open_store
from dateline.store.filters import EventFilters
from dateline.store.queries import (count_events_by_day, get_story, list_entities, list_events,
                                    list_quotes, list_stories)

KHARKIV = EventPlace(name="Kharkiv", country="UA", lat=49.98, lon=36.25, precision="place", span=(0, 7))
LAGOS = EventPlace(name="Lagos", country="NG", lat=6.45, lon=3.39, precision="place")
FIJI = EventPlace(name="Suva", country="FJ", lat=-18.14, lon=178.44, precision="place")


def make_event(text: str, type: str, place: EventPlace, date: str | None, **counts) -> Event:
    return Event(type=type, trigger=type, trigger_span=(0, 3), sentence=text, sentence_span=(0, len(text)),
                 place=place, date=date, **counts)


def fill(target: str) -> str:
    text = "KHARKIV - A missile strike killed 3 people on Monday, said \"we will rebuild\" Ihor Terekhov."
    story = Story(
        headline="Missile strike on Kharkiv 100%_sure", body=(text,), published="2025-03-03",
        events=(make_event(text, "missile_artillery", KHARKIV, "2025-03-03", killed=3),),
        quotes=(Quote(text="we will rebuild", text_span=(60, 75), speaker="Ihor Terekhov", speaker_span=(77, 90)),),
        entities=(Entity(name="Ihor Terekhov", type="PERSON", spans=(Mention(span=(77, 90), text="Ihor Terekhov"),)),),
    )
    other = "Gunmen killed 7 in Lagos and a flood hit Suva."
    second = Story(headline="Lagos and Suva", body=(other,), published="2025-04-02", events=(
        make_event(other, "attack", LAGOS, "2025-04-01", killed=7),
        make_event(other, "disaster", FIJI, "2025-04", injured=2),
    ))
    with open_store(target) as store:
        store.add_extractions([
            Extraction(page=Page(source="a.txt", text=text), stories=(story,), nlp_version="t", coder_version="t",
                       removed=(Removed(text="Share this", reason="boilerplate", note="share line"),)),
            Extraction(page=Page(source="b.txt", text=other, url="https://news.example/b"), stories=(second,),
                       nlp_version="t", coder_version="t"),
        ])
    return target


@pytest.fixture
def store(store_target):
    with open_store(fill(store_target)) as opened:
        yield opened


def test_events_page_with_total_and_sort(store):
    first = list_events(store, sort="-killed", limit=1)
    assert first.total == 3 and [e.event.killed for e in first.items] == [7]
    rest = list_events(store, sort="-killed", limit=5, offset=1)
    assert [e.event.killed for e in rest.items] == [3, None]  # no figure last, whichever the direction
    assert [e.event.place.name for e in list_events(store).items] == ["Kharkiv", "Lagos", "Suva"]
    with pytest.raises(InvalidFilter, match="cannot sort by"):
        list_events(store, sort="nonsense")


@pytest.mark.parametrize("sort, expected", [
    ("-killed", ["Lagos 2025-05-01", "Lagos None", "Suva 2025-05-02"]),
    ("killed", ["Suva 2025-05-02", "Lagos 2025-05-01", "Lagos None"]),
])
def test_a_sort_puts_rows_without_a_value_last_on_every_column_on_both_backends(store_target, sort, expected):
    text = "Gunmen killed two in Lagos; one died in Suva."
    found = (make_event(text, "attack", LAGOS, None, killed=2),
             make_event(text, "attack", FIJI, "2025-05-02", killed=1),
             make_event(text, "attack", LAGOS, "2025-05-01", killed=2))
    with open_store(store_target) as store:
        store.add_extractions([Extraction(page=Page(source="c.txt", text=text), nlp_version="t", coder_version="t",
                                          stories=(Story(headline=None, body=(text,), events=found),))])
        listed = list_events(store, sort=sort).items
    assert [f"{e.event.place.name} {e.event.date}" for e in listed] == expected  # the undated tie comes last


@pytest.mark.parametrize("filters, places", [
    (EventFilters(bbox=(0, 0, 40, 60)), ["Kharkiv", "Lagos"]),
    (EventFilters(bbox=(170, -30, -170, 0)), ["Suva"]),  # across the antimeridian
    (EventFilters(q="100%_SURE"), ["Kharkiv"]),  # the words 100 and sure: punctuation is no part of a word
    (EventFilters(q="e%t"), []),  # the words e and t, not "e, anything, t"
    (EventFilters(source="news.example"), ["Lagos", "Suva"]),
    (EventFilters(family="violence", date_from="2025-04"), ["Lagos"]),
    (EventFilters(date_from="2025-04-15"), ["Suva"]),  # a month-precise event reaches into the range
])
def test_event_filters(store, filters, places):
    assert [e.event.place.name for e in list_events(store, filters).items] == places


def test_events_by_day_by_family(store):
    assert count_events_by_day(store) == [("2025-03-03", "violence", 1), ("2025-04-01", "disaster", 1),
                                          ("2025-04-01", "violence", 1)]


def test_one_story_with_its_spans_and_removed_lines(store):
    page_id = list_stories(store, q="kharkiv").items[0].page_id
    detail = get_story(store, page_id, 0)
    text = detail.story.story.text
    quote = detail.quotes[0].quote
    assert text[quote.text_span[0]:quote.text_span[1]] == "we will rebuild"
    assert [text[m.span[0]:m.span[1]] for m in detail.entities[0].entity.spans] == ["Ihor Terekhov"]
    assert detail.events[0].event.place.span == (0, 7)
    assert [(r.text, r.reason) for r in detail.removed] == [("Share this", "boilerplate")]
    assert get_story(store, page_id, 5) is None and get_story(store, "nope", 0) is None


def test_stories_quotes_entities_pages(store):
    stories = list_stories(store, sort="-published", limit=1)
    assert stories.total == 2 and stories.items[0].story.headline == "Lagos and Suva"
    assert list_stories(store, date_to="2025-03-31").total == 1
    assert list_quotes(store, speaker="terekhov").items[0].quote.text == "we will rebuild"
    assert list_entities(store, type="PERSON").total == 1 and list_entities(store, q="nobody").total == 0
