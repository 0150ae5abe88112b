"""Events, quotes and entities in the store: they come back as they went in, a
second add writes nothing, a page coded by another coder version is replaced
with its new events (a run without the coder keeps the old ones), and the event
filters (type, family, country, place, date range, certainty, actor and the parties'
kinds) pick what a user asks for. SQLAlchemy Core only, so the same tests can run on PostgreSQL."""
from __future__ import annotations

import dataclasses

import pytest

from dateline.errors import InvalidFilter
from dateline.models import Entity, Event, EventPlace, Extraction, Mention, Page, Party, Quote, Story
from dateline.store import open_store

HARBOUR = EventPlace("Port Veyra", "XA", admin1="North Coast", lat=41.5, lon=12.25, precision="place", span=(0, 10))
HILLS = EventPlace("Dorn Hills", "XA", admin1="Upland", lat=42.1, lon=13.0, precision="region", span=(120, 130))
BORDER = EventPlace("Késsel-İlova", "XB", admin1=None, lat=44.0, lon=15.5, precision="place")


def event(type_: str, place: EventPlace | None, date: str | None, *, sentence: str, certainty: str = "reported",
          killed: int | None = None, date_end: str | None = None, version: str = "coder-1") -> Event:
    return Event(type=type_, trigger=type_.split("_", maxsplit=1)[0], trigger_span=(20, 26), sentence=sentence,
                 sentence_span=(0, len(sentence)), actors=("Coastal Militia",), actor_spans=((30, 45),),
                 targets=("fuel depot",), target_spans=((50, 60),), place=place, date=date, date_end=date_end,
                 date_span=(70, 78), killed=killed, count_spans=(("killed", (80, 82)),) if killed else (),
                 certainty=certainty, core=type_ not in ("meet", "warn"), coder_version=version)


STRIKE = dataclasses.replace(
    event("air_drone_strike", HARBOUR, "2025-02-03", killed=4,
          sentence="A drone struck a fuel depot in Port Veyra on Monday, killing four workers."),
    actor=Party("Rapid Support Forces", "rebels", "SD", (30, 45)), target=Party("civilians", "civilians", "XA"))
SHELLING = event("missile_artillery", HILLS, "2025-02", date_end=None,
                 sentence="Shelling in the Dorn Hills went on through February.")
TALKS = event("meet", BORDER, "2025-03-10", certainty="planned",
              sentence="Envoys are due to meet in Kessel on March 10.")
PROTEST = dataclasses.replace(event("protest", HARBOUR, None, certainty="claimed",
                                   sentence="Organisers said thousands marched in Port Veyra."),
                             actor=Party("protesters", "protesters", "XA"),
                             target=Party("Police Forces of Veyra", "state_forces", "XA"))
QUOTE = Quote("We will rebuild the depot within a month", (200, 240), speaker="Mara Olsen",
              speaker_span=(245, 255), sentence_span=(199, 270))
ENTITY = Entity("Mara Olsen", "PERSON", title="Mayor", mentions=3,
                spans=(Mention((245, 255), "Mara Olsen"), Mention((300, 305), "Olsen"),
                       Mention((320, 323), "she", "pronoun")))


def extraction(*events: Event, text: str = "PORT VEYRA (Wire) — A drone struck.", coder: str | None = "coder-1",
               quotes: tuple[Quote, ...] = (QUOTE,), entities: tuple[Entity, ...] = (ENTITY,)) -> Extraction:
    page = Page(source="wire/harbour.txt", text=text, url="https://wire.example/harbour")
    first = Story(headline="Drone hits harbour depot", body=("PORT VEYRA (Wire) — A drone struck.",),
                  published="2025-02-04", events=events, quotes=quotes, entities=entities)
    second = Story(headline="Talks set", body=("KESSEL (Wire) — Envoys will meet.",), events=(TALKS,))
    return Extraction(page=page, stories=(first, second), nlp_version="nlp-1", coder_version=coder)


@pytest.fixture
def store(store_target):
    with open_store(store_target) as opened:
        opened.add_extractions([extraction(STRIKE, SHELLING, PROTEST)])
        yield opened


def test_events_quotes_and_entities_come_back_as_they_went_in(store) -> None:
    found = store.events()
    assert [s.event for s in found if s.event == STRIKE] == [STRIKE]  # every field, spans included
    strike = next(s for s in found if s.event.type == "air_drone_strike")
    assert (strike.source, strike.story_position, strike.headline, strike.published) == (
        "wire/harbour.txt", 0, "Drone hits harbour depot", "2025-02-04")
    assert next(s for s in found if s.event.type == "meet").story_position == 1
    assert [q.quote for q in store.quotes()] == [QUOTE]
    assert [e.entity for e in store.entities()] == [ENTITY]
    counts = store.counts()
    assert (counts.events, counts.quotes, counts.entities) == (4, 1, 1)


def test_events_are_listed_earliest_first_with_undated_ones_last(store) -> None:
    assert [s.event.date for s in store.events()] == ["2025-02", "2025-02-03", "2025-03-10", None]


def test_adding_the_same_page_twice_writes_no_second_copy(store) -> None:
    result = store.add_extractions([extraction(STRIKE, SHELLING, PROTEST)])
    assert (result.pages_unchanged, result.events_added, result.quotes_added) == (1, 0, 0)
    assert store.counts().events == 4


def test_the_same_event_twice_in_one_story_is_stored_once(store_target) -> None:
    with open_store(store_target) as store:
        result = store.add_extractions([extraction(STRIKE, STRIKE, quotes=(QUOTE, QUOTE))])
        assert (result.events_added, result.quotes_added) == (2, 1)  # the strike once, and the talks


def test_a_page_coded_by_another_coder_version_gets_its_new_events(store) -> None:
    recoded = dataclasses.replace(STRIKE, killed=5, coder_version="coder-2")
    result = store.add_extractions([extraction(recoded, coder="coder-2")])
    assert result.pages_replaced == 1
    stored = [s.event for s in store.events()]
    assert recoded in stored and STRIKE not in stored and len(stored) == 2  # the old shelling and protest are gone
    assert store.counts().stories == 2 and store.counts().quotes == 1


def test_a_run_without_the_coder_keeps_the_stored_events(store) -> None:
    result = store.add_extractions([extraction(coder=None)])
    assert result.pages_unchanged == 1
    assert store.counts().events == 4


@pytest.mark.parametrize("filters, expected", [
    ({"type": "air_drone_strike"}, ["air_drone_strike"]),
    ({"family": "violence"}, ["missile_artillery", "air_drone_strike"]),
    ({"family": "meet"}, ["meet"]),
    ({"country": "xb"}, ["meet"]),
    ({"place": "veyra"}, ["air_drone_strike", "protest"]),
    ({"place": "dorn"}, ["missile_artillery"]),
    ({"place": "upland"}, []),  # admin1 is a code, not a name to search
    ({"place": "%"}, []),  # a LIKE wildcard is taken literally
    ({"place": "KESSEL-ILOVA"}, ["meet"]),  # any case, accents optional
    ({"place": "ssel-İl"}, ["meet"]),
    ({"since": "2025-02-10"}, ["missile_artillery", "meet"]),  # February reaches past the 10th
    ({"since": "2025-03"}, ["meet"]),
    ({"until": "2025-02-02"}, ["missile_artillery"]),
    ({"until": "2025-02"}, ["missile_artillery", "air_drone_strike"]),
    ({"since": "2025-02-03", "until": "2025-02-03"}, ["missile_artillery", "air_drone_strike"]),
    ({"since": "2024", "until": "2024"}, []),
    ({"certainty": "claimed"}, ["protest"]),
    ({"certainty": "planned", "country": "XB"}, ["meet"]),
    ({"family": "violence", "limit": 1}, ["missile_artillery"]),
    ({"actor": "support forces"}, ["air_drone_strike"]),  # part of the actor's name, any case
    ({"actor": "RSF"}, ["air_drone_strike"]),  # a name the actor dictionary knows it by
    ({"actor": "Boko Haram"}, []),
    ({"actor_kind": "protesters"}, ["protest"]),
    ({"target_kind": "civilians"}, ["air_drone_strike"]),
    ({"target_kind": "state_forces", "actor_kind": "rebels"}, []),
])
def test_event_filters_pick_what_was_asked(store, filters, expected) -> None:
    assert [s.event.type for s in store.events(**filters)] == expected


@pytest.mark.parametrize("bad", ["2025-13", "Feb 2025", "2025-02-30", "25"])
def test_a_date_filter_that_is_no_date_is_refused(store, bad) -> None:
    with pytest.raises(InvalidFilter, match="is not a date"):
        store.events(since=bad)


def test_an_actor_kind_that_is_no_kind_is_refused(store) -> None:
    with pytest.raises(InvalidFilter, match="is not an actor kind"):
        store.events(actor_kind="soldiers")


def test_quotes_and_entities_filter_by_speaker_name_and_type(store) -> None:
    assert len(store.quotes(speaker="olsen")) == 1 and store.quotes(speaker="Brandt") == []
    assert len(store.entities(type="PERSON", name="mara")) == 1 and store.entities(type="ORG") == []


def test_the_events_table_is_created_by_a_migration_on_an_older_database(tmp_path, store_target) -> None:
    from sqlalchemy import create_engine, inspect

    from dateline.store import database_url
    from dateline.store.migrations import apply_migrations, list_migrations
    from dateline.store.sql import make_sqlite_transactional

    folder = tmp_path / "first-only"
    folder.mkdir()
    name, sql = list_migrations()[0]
    (folder / name).write_text(sql, encoding="utf-8")
    engine = create_engine(database_url(store_target))
    if engine.dialect.name == "sqlite":
        make_sqlite_transactional(engine)
    apply_migrations(engine, directory=folder)
    assert "events" not in inspect(engine).get_table_names()
    engine.dispose()
    with open_store(store_target) as store:  # opening brings it up to date
        store.add_extractions([extraction(STRIKE)])
        assert [s.event for s in store.events()][0] == STRIKE


def test_ingest_stores_the_events_quotes_and_entities_the_pipeline_finds(tmp_path, store_target) -> None:
    from dateline.pipeline import process_page
    from dateline.store.ingest import ingest_sources

    text = ("Harbour depot hit\n\nPORT VEYRA, Xandria (Wire) — A drone struck a fuel depot in the port city of "
            "Port Veyra on Monday, killing four workers and wounding nine, the regional governor said.\n\n"
            "\"We will rebuild the depot within a month,\" said Governor Mara Olsen.\n\n"
            "Police arrested two men near the depot later that day.\n")
    path = tmp_path / "depot.txt"
    path.write_text(text, encoding="utf-8")
    expected = process_page(Page(source=str(path), text=text))
    with open_store(store_target) as store:
        report = ingest_sources([str(path)], store)
        found = expected.stories[0]
        assert report.ok and report.events_added == len(found.events)
        assert found.events, "the coder found no event in a plain strike report"
        by_id = lambda events: sorted(events, key=lambda e: e.event_id)  # noqa: E731
        assert by_id(s.event for s in store.events()) == by_id(found.events)
        assert [q.quote for q in store.quotes()] == list(found.quotes)
        assert {e.entity for e in store.entities()} == set(found.entities)
        assert store.counts().quotes >= 1  # the governor's words were read as a quote


def test_text_search_ignores_case_in_every_script_on_both_backends(store_target) -> None:
    from dateline.store.filters import EventFilters
    from dateline.store.queries import list_events

    rally = event("protest", BORDER, "2025-03-11", sentence="Students marched past the ÉCOLE NORMALE in Késsel.")
    told = Extraction(page=Page(source="wire/rally.txt", text=rally.sentence), nlp_version="nlp-1",
                      coder_version="coder-1", stories=(Story(headline="Rally", body=(rally.sentence,),
                                                              events=(rally,)),))
    with open_store(store_target) as opened:
        opened.add_extractions([told])
        for words in ("école normale", "ÉCOLE NORMALE", "École Normale"):
            found = list_events(opened, EventFilters(q=words)).items
            assert [s.event.sentence for s in found] == [rally.sentence], words
        assert list_events(opened, EventFilters(q="ecole normale")).items == []  # accents are letters here
