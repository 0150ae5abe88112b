"""Listing incidents on SQLite and PostgreSQL: every filter the events take (a box across the
antimeridian, words and outlets matched in any source), the sorts, paging with the total,
and a page that reads only its own incidents' sources."""
from __future__ import annotations

import pytest
from sqlalchemy import event as sa_event

from dateline.models import Event, EventPlace, Extraction, Page, Story
from dateline.errors import InvalidFilter
from dateline.store import open_store
from dateline.store.incidents import count_incidents, find_incidents, list_incidents, refresh_incidents
from dateline.store.filters import EventFilters


def report(outlet: str, url: str, *, headline: str, sentence: str, trigger: str, place: EventPlace | None,
           date: str | None, kind: str = "attack", killed: int | None = None,
           arrested: int | None = None) -> Extraction:
    """One made-up page: a line of site chrome, the report, a footer; one coded event."""
    start = sentence.index(trigger)
    event = Event(type=kind, trigger=trigger, trigger_span=(start, start + len(trigger)), sentence=sentence,
                  sentence_span=(0, len(sentence)), place=place, date=date, killed=killed, arrested=arrested)
    story = Story(headline=headline, body=(sentence,), published="2025-08-01", events=(event,))
    text = "\n".join((f"{outlet.upper()} | Home | World", headline, sentence, f"(c) {outlet}"))
    return Extraction(page=Page(outlet, text, url=url), stories=(story,), nlp_version="nlp-test",
                      coder_version="coder-test")


def town(name: str, country: str, lat: float, lon: float) -> EventPlace:
    return EventPlace(name=name, country=country, admin1="01", lat=lat, lon=lon, precision="place")


REPORTS = [
    report("northern-daily", "https://northern-daily.example/news/kaduna-market",
           headline="Gunmen storm cattle market", killed=9, trigger="attacked", date="2025-03-11",
           sentence="Gunmen on motorcycles attacked a cattle market in Kaduna, killing nine traders.",
           place=town("Kaduna", "NG", 10.52, 7.44)),
    report("wire", "https://wire.example/africa/20250311-1",
           headline="Death toll rises after Kaduna raid", killed=12, trigger="stormed", date="2025-03-11",
           sentence="At least 12 people were killed when attackers stormed the market, hospital staff said.",
           place=town("Kaduna", "NG", 10.52, 7.44)),
    report("coastal-times", "https://coastal-times.example/lagos-bar",
           headline="Shooting outside a Lagos bar", killed=3, trigger="opened fire", date="2025-04-02",
           sentence="Two men opened fire outside a bar in Lagos late on Tuesday, killing three.",
           place=town("Lagos", "NG", 6.45, 3.39)),
    report("pacific-news", "https://pacific-news.example/suva-teachers", kind="protest",
           headline="Thousands march in Suva", trigger="marched", date="2025-05-10", arrested=4,
           sentence="Thousands of teachers marched through Suva demanding higher pay; four were detained.",
           place=town("Suva", "FJ", -18.14, 178.44)),
    report("island-radio", "https://island-radio.example/apia-rally", kind="protest",
           headline="Apia rally over fuel prices", trigger="rallied", date="2025-05-12",
           sentence="Hundreds rallied in Apia after fuel prices rose 20% in a week.",
           place=town("Apia", "WS", -13.83, -171.76)),
    report("metro-daily", "https://metro-daily.example/tokyo", killed=1, trigger="stabbed", date="2025-06-01",
           headline="Man held after Tokyo station stabbing",
           sentence="A man stabbed a commuter at a Tokyo station on Sunday, killing him.",
           place=town("Tokyo", "JP", 35.68, 139.69)),
    report("blog", "https://blog.example/post", kind="protest", trigger="protested", date=None, place=None,
           headline="Letters", sentence="Residents protested about the new road, a reader writes."),
]


@pytest.fixture
def store(store_target):
    with open_store(store_target) as opened:
        opened.add_extractions(REPORTS)
        refresh_incidents(opened)
        yield opened


def places(store, **options) -> list[str]:
    return [i.place_name or "-" for i in list_incidents(store, **options)]


@pytest.mark.parametrize("bbox, expected", [
    ((170.0, -30.0, -165.0, 0.0), ["Suva", "Apia"]),           # west > east: across the antimeridian
    ((0.0, 0.0, 20.0, 20.0), ["Kaduna", "Lagos"]),
    ((-180.0, -90.0, 180.0, 90.0), ["Kaduna", "Lagos", "Suva", "Apia", "Tokyo"]),  # none without coordinates
    ((140.0, 30.0, 150.0, 40.0), []),
])
def test_bbox_keeps_incidents_inside_the_box(store, bbox, expected) -> None:
    assert places(store, bbox=bbox) == expected


@pytest.mark.parametrize("q, expected", [
    ("GUNMEN", ["Kaduna"]),           # one source's headline and sentence, any case
    ("death toll", ["Kaduna"]),       # only the other source's headline: still the one incident, once
    ("opened fire", ["Lagos"]),       # a trigger
    ("20%", ["Apia"]),                # the word 20: punctuation is no part of a word
    ("nothing like this", []),
])
def test_text_matches_any_sources_story(store, q, expected) -> None:
    assert places(store, q=q) == expected


@pytest.mark.parametrize("q", ["%", "_", '"', "OR", "(gunmen"])
def test_text_without_a_word_or_with_an_open_group_is_refused(store, q) -> None:
    with pytest.raises(InvalidFilter) as refused:
        places(store, q=q)
    assert refused.value.name == "q"


@pytest.mark.parametrize("source, expected", [
    ("wire.example", ["Kaduna"]),      # part of one of its two sources' URLs
    ("NORTHERN-DAILY", ["Kaduna"]),    # an outlet name, any case
    ("pacific", ["Suva"]),
    (".example/", ["Kaduna", "Lagos", "Suva", "Apia", "Tokyo", "-"]),
    ("no-such-outlet", []),
])
def test_source_matches_any_sources_outlet_or_url(store, source, expected) -> None:
    assert places(store, source=source) == expected


def test_filters_combine_and_the_count_agrees(store) -> None:
    violent_ng = EventFilters(family="violence", country="ng", source="example", q="kill*")
    assert [i.place_name for i in find_incidents(store, violent_ng).items] == ["Kaduna", "Lagos"]
    assert count_incidents(store, violent_ng) == 2
    assert count_incidents(store) == 6  # seven reports, two of one incident
    assert count_incidents(store, EventFilters(bbox=(170.0, -30.0, -165.0, 0.0), type="protest")) == 2
    [kaduna] = list_incidents(store, q="gunmen")
    assert kaduna.source_count == 2 and sorted(s.source for s in kaduna.sources) == ["northern-daily", "wire"]


@pytest.mark.parametrize("sort, expected", [
    (None, ["Kaduna", "Lagos", "Suva", "Apia", "Tokyo", "-"]),     # by date, undated last
    ("-date", ["Tokyo", "Apia", "Suva", "Lagos", "Kaduna", "-"]),  # undated last either way
    ("-killed", ["Kaduna", "Lagos", "Tokyo", "Suva", "Apia", "-"]),  # no figure last, then by date
    ("killed", ["Tokyo", "Lagos", "Kaduna", "Suva", "Apia", "-"]),
    ("-arrested", ["Suva", "Kaduna", "Lagos", "Apia", "Tokyo", "-"]),
    ("place", ["Apia", "Kaduna", "Lagos", "Suva", "Tokyo", "-"]),
    ("-sources", ["Kaduna", "Lagos", "Suva", "Apia", "Tokyo", "-"]),
])
def test_sorts_match_the_events_and_put_missing_values_last(store, sort, expected) -> None:
    assert places(store, sort=sort) == expected


def test_unknown_sort_or_date_is_an_invalid_filter_naming_it(store) -> None:
    with pytest.raises(InvalidFilter, match="cannot sort by 'source'") as raised:
        list_incidents(store, sort="source")
    assert raised.value.name == "sort"
    with pytest.raises(InvalidFilter) as raised:
        find_incidents(store, EventFilters(date_from="last week"))
    assert (raised.value.name, raised.value.value) == ("date_from", "last week")


def test_pages_carry_the_total_of_all_that_match(store) -> None:
    everything = places(store)
    for offset in (0, 3, 4, 6, 9):  # full pages, the last (short) page, past the end
        page = find_incidents(store, limit=3, offset=offset)
        assert (page.total, page.limit, page.offset) == (6, 3, offset)
        assert [i.place_name or "-" for i in page.items] == everything[offset:offset + 3]
    beyond = find_incidents(store, EventFilters(family="violence"), limit=10, offset=50)
    assert (beyond.items, beyond.total) == ([], 3)


def flatten(parameters) -> list:
    if isinstance(parameters, dict):
        return list(parameters.values())
    if parameters and isinstance(parameters[0], (dict, list, tuple)):
        return [value for row in parameters for value in flatten(row)]
    return list(parameters or ())


def test_a_page_reads_only_its_own_incidents_sources(store_target) -> None:
    """Among 25 incidents, a page of 10 binds only those 10 ids when it reads sources, in three statements."""
    many = [report(f"outlet-{n}", f"https://outlet-{n}.example/story", headline=f"Report number {n}",
                   sentence=f"Raiders attacked hamlet {n} near the river at dawn, killing {n + 1}.",
                   trigger="attacked", killed=n + 1, date="2025-02-01", place=town(f"Hamlet {n}", "NG", n, 2 * n))
            for n in range(25)]
    with open_store(store_target) as store:
        store.add_extractions(many)
        assert refresh_incidents(store).incidents == 25
        all_ids = {i.incident_id for i in list_incidents(store)}
        seen: list[tuple[str, list]] = []

        def record(_conn, _cursor, statement, parameters, _context, _executemany) -> None:
            seen.append((statement, flatten(parameters)))

        sa_event.listen(store.engine, "before_cursor_execute", record)
        try:
            page = find_incidents(store, EventFilters(source="example"), sort="-killed", limit=10, offset=5)
        finally:
            sa_event.remove(store.engine, "before_cursor_execute", record)
    on_page = [i.incident_id for i in page.items]
    assert page.total == 25 and len(on_page) == 10
    assert [i.killed for i in page.items] == list(range(20, 10, -1))
    assert all(len(i.sources) == 1 for i in page.items)
    bound = {value for _, values in seen for value in values if value in all_ids}
    assert bound == set(on_page)
    selects = [statement for statement, _ in seen if statement.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 3  # the page, its sources, the count
