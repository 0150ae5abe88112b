"""Story groups and incidents in the store, on SQLite and PostgreSQL: refresh, list, fetch,
idempotent refreshes, pages replaced by a new coder version regrouped."""
from __future__ import annotations


import pytest

import dataclasses

from dateline.models import Event, EventPlace, Extraction, Page, Party, Story
from dateline.errors import InvalidFilter
from dateline.store import open_store
from dateline.store.incidents import get_incident, list_incidents, refresh_incidents

BODY = ("Gunmen on motorcycles attacked a cattle market in Kaduna on Tuesday, killing {killed} traders, "
        "police said.", "Witnesses said the attackers fired into the crowd before fleeing toward the forest.",
        "The state governor ordered more patrols along the market roads.")

KADUNA = EventPlace(name="Kaduna", country="NG", admin1="23", lat=10.52, lon=7.44, precision="place")
LAGOS = EventPlace(name="Lagos", country="NG", admin1="05", lat=6.45, lon=3.39, precision="place")


def page(source: str, *, killed: int, body: tuple[str, ...] | None = None, place: EventPlace = KADUNA,
         date: str = "2025-03-11", kind: str = "attack", coder: str = "coder-1", extra: str = "") -> Extraction:
    body = body or tuple(p.format(killed=killed) for p in BODY)
    sentence = body[0]
    event = Event(type=kind, trigger="attacked", trigger_span=(26, 34), sentence=sentence,
                  sentence_span=(0, len(sentence)), place=place, date=date, killed=killed,
                  actors=("Gunmen",), coder_version=coder)
    story = Story(headline=f"Market attack {extra}", body=body, published="2025-03-12", events=(event,))
    return Extraction(page=Page(source, "\n".join((source, *body, extra))), stories=(story,),
                      nlp_version="nlp-test", coder_version=coder)


@pytest.fixture
def store(store_target):
    with open_store(store_target) as opened:
        yield opened


def test_two_outlets_and_a_syndicated_copy_make_one_incident_with_two_sources(store) -> None:
    wire = page("wire.html", killed=12)
    copy = page("copy.html", killed=12, body=(*wire.stories[0].body, "Share this story on social media."))
    store.add_extractions([page("daily.html", killed=9, body=(
        "Nine traders were shot dead at a cattle market in Kaduna on Tuesday by gunmen, police said.",
        "The attackers escaped on motorcycles.")), wire, copy, page("lagos.html", killed=2, place=LAGOS, body=(
        "Two men were shot dead outside a bar in Lagos late on Tuesday, a police spokesman said.",))])
    report = refresh_incidents(store)
    assert (report.stories, report.groups, report.stories_in_copies) == (4, 3, 2)
    assert (report.events, report.incidents, report.multi_source_incidents) == (4, 2, 1)
    kaduna, = list_incidents(store, place="kaduna")
    assert (kaduna.type, kaduna.country, kaduna.date, kaduna.source_count) == ("attack", "NG", "2025-03-11", 2)
    assert (kaduna.killed, kaduna.killed_low, kaduna.killed_best, kaduna.killed_high) == (9, 9, 9, 12)
    assert sorted(s.source for s in kaduna.sources) == ["copy.html", "daily.html", "wire.html"]
    assert {s.source: s.killed for s in kaduna.sources} == {"copy.html": 12, "daily.html": 9, "wire.html": 12}
    copies = {s.source: s.group_id for s in kaduna.sources}
    assert copies["copy.html"] == copies["wire.html"] != copies["daily.html"]
    assert get_incident(store, kaduna.incident_id) == kaduna
    assert get_incident(store, "no-such-incident") is None


def test_a_second_refresh_and_a_re_ingest_change_nothing(store) -> None:
    pages = [page("a.html", killed=9), page("b.html", killed=12, extra="other outlet")]
    store.add_extractions(pages)
    first = refresh_incidents(store)
    before = list_incidents(store)
    store.add_extractions(pages)
    again = refresh_incidents(store)
    assert (first.incidents_added, again.incidents_added, again.incidents_removed) == (1, 0, 0)
    assert (again.incidents_unchanged, again.stories_signed, again.changed) == (1, 0, False)
    assert list_incidents(store) == before


def test_an_incident_that_gains_a_source_keeps_its_id(store) -> None:
    one = page("b.html", killed=12, extra="second outlet")
    other = page("a.html", killed=9, body=(
        "Nine traders died when gunmen opened fire at the Kaduna cattle market on Tuesday.",))
    # the newcomer's event sorts first, so an id taken from the first member would change
    later, first_stored = sorted((one, other), key=lambda e: e.page.page_id)
    store.add_extractions([first_stored])
    refresh_incidents(store)
    [first] = list_incidents(store)
    store.add_extractions([later])
    refresh_incidents(store)
    [grown] = list_incidents(store)
    assert (grown.incident_id, grown.source_count, grown.killed_low) == (first.incident_id, 2, 9)
    assert refresh_incidents(store).incidents_added == 0


def test_pages_recoded_by_a_new_coder_version_are_regrouped(store) -> None:
    store.add_extractions([page("a.html", killed=9), page("b.html", killed=12, extra="other outlet")])
    refresh_incidents(store)
    [old] = list_incidents(store)
    store.add_extractions([page("b.html", killed=12, extra="other outlet", place=LAGOS, coder="coder-2")])
    report = refresh_incidents(store)
    assert report.incidents == 2 and report.incidents_removed >= 1
    assert get_incident(store, old.incident_id) is None or get_incident(store, old.incident_id).source_count == 1
    assert sorted(i.place_name for i in list_incidents(store)) == ["Kaduna", "Lagos"]


def test_filters_mean_what_they_mean_for_events(store) -> None:
    store.add_extractions([
        page("a.html", killed=9), page("b.html", killed=3, place=LAGOS, date="2025-04-02"),
        page("c.html", killed=1, place=LAGOS, date="2025-05", kind="protest"),
    ])
    refresh_incidents(store)

    def places(**filters) -> list[str]:
        return [f"{i.place_name} {i.date}" for i in list_incidents(store, **filters)]

    assert places() == ["Kaduna 2025-03-11", "Lagos 2025-04-02", "Lagos 2025-05"]
    assert places(family="violence") == ["Kaduna 2025-03-11", "Lagos 2025-04-02"]
    assert places(type="protest", country="ng") == ["Lagos 2025-05"]
    assert places(place="LAG") == ["Lagos 2025-04-02", "Lagos 2025-05"]
    assert places(date_from="2025-04", date_to="2025-05-01") == ["Lagos 2025-04-02", "Lagos 2025-05"]
    assert places(certainty="denied") == []
    assert places(limit=1, offset=1) == ["Lagos 2025-04-02"]
    with pytest.raises(InvalidFilter, match="'last week' is not a date"):
        list_incidents(store, date_from="last week")


def test_a_copy_stored_later_joins_the_first_storys_group_and_adds_no_source(store) -> None:
    wire = page("wire.html", killed=12)
    store.add_extractions([wire])
    refresh_incidents(store)
    [alone] = list_incidents(store)
    store.add_extractions([page("copy.html", killed=12, body=(*wire.stories[0].body, "Read more stories."))])
    report = refresh_incidents(store)
    assert (report.stories_signed, report.groups, report.stories_in_copies) == (1, 1, 2)
    [joined] = list_incidents(store)
    assert joined.source_count == alone.source_count == 1
    assert joined.incident_id == alone.incident_id  # links to the incident stay valid
    assert sorted(s.source for s in joined.sources) == ["copy.html", "wire.html"]
    assert {s.group_id for s in joined.sources} == {alone.sources[0].group_id}


def test_an_incident_keeps_who_did_it_to_whom_and_is_found_by_it(store) -> None:
    named = page("daily.html", killed=9)
    [event] = named.stories[0].events
    event = dataclasses.replace(event, actor=Party("Boko Haram", "rebels", "NG"),
                                target=Party("traders", "civilians", "NG"))
    named = dataclasses.replace(named, stories=(dataclasses.replace(named.stories[0], events=(event,)),))
    store.add_extractions([named, page("wire.html", killed=12, extra="wire")])
    refresh_incidents(store)
    [incident] = list_incidents(store)
    assert (incident.actor, incident.target) == (Party("Boko Haram", "rebels", "NG"),
                                                 Party("traders", "civilians", "NG"))
    assert get_incident(store, incident.incident_id) == incident
    assert list_incidents(store, actor="boko", actor_kind="rebels", target_kind="civilians") == [incident]
    assert list_incidents(store, actor_kind="state_forces") == []
