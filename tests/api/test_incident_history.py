"""An incident as a toll history, on SQLite and PostgreSQL: its sources in publication order
whatever order they were stored in, each named by its outlet (not its file), and the toll
the latest report gives, with every report's figures for the chart."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from dateline.api import create_app  # noqa: E402
from dateline.models import Dateline, Event, EventPlace, Extraction, Page, Story  # noqa: E402
from dateline.store import open_store  # noqa: E402
from dateline.store.incidents import get_incident, list_incidents  # noqa: E402

GAO = EventPlace(name="Gao", country="ML", admin1="07", lat=16.27, lon=-0.04, precision="place")


def report(source: str, url: str | None, published: str, sentence: str, trigger: str, *, agency: str | None = None,
           killed: int | None = None, injured: int | None = None) -> Extraction:
    start = sentence.index(trigger)
    event = Event(type="attack", trigger=trigger, trigger_span=(start, start + len(trigger)), sentence=sentence,
                  sentence_span=(0, len(sentence)), date="2025-03-10", killed=killed, injured=injured, place=GAO)
    story = Story(headline=f"Gao market: {trigger}", body=(sentence,), published=published, events=(event,),
                  dateline=Dateline("GAO", agency) if agency else None)
    return Extraction(page=Page(source, f"Gao market: {trigger}\n{sentence}", url=url), stories=(story,),
                      nlp_version="nlp-test", coder_version="coder-test")


# Stored latest first: the order shown must come from the publication dates.
REPORTS = [
    report("/data/feeds/market-attack-two-outlets.jsonl#2", "https://www.river-post.example/gao-toll",
           "2025-03-11T08:30", "The death toll in Monday's attack on the Gao market rose to seven, officials said.",
           "attack", killed=7),
    report("/data/feeds/market-attack-two-outlets.jsonl#1", "https://sahelwire.example/gao-market",
           "2025-03-10T18:00", "Gunmen opened fire in the Gao market, killing five people and wounding nine.",
           "opened fire", killed=5, injured=9),
    report("/data/text/gao.txt", None, "2025-03-10T12:00",
           "Gunmen attacked the crowded Gao market on Monday, witnesses said.", "attacked", agency="AP"),
]


@pytest.fixture
def stored(store_of):
    return store_of(REPORTS)


def test_the_latest_report_revises_the_toll_and_sources_come_in_publication_order(stored) -> None:
    with open_store(stored, create=False) as store:
        [listed] = list_incidents(store)
        incident = get_incident(store, listed.incident_id)
    assert incident is not None
    assert [s.outlet for s in incident.sources] == ["AP", "sahelwire.example", "river-post.example"]
    assert incident.sources[1].source == "/data/feeds/market-attack-two-outlets.jsonl#1"  # the file: a detail
    assert (incident.killed, incident.killed_best, incident.killed_low, incident.killed_high) == (7, 7, 5, 7)
    assert (incident.injured, incident.injured_best) == (9, 9)  # the latest report gives none


def test_the_incident_api_gives_the_toll_history(stored) -> None:
    with TestClient(create_app(stored)) as client:
        [item] = client.get("/api/incidents").json()["items"]
        record = client.get(f"/api/incidents/{item['incident_id']}").json()
    assert [s["outlet"] for s in record["sources"]] == ["AP", "sahelwire.example", "river-post.example"]
    assert [(p["published"], p["outlets"], p["killed"], p["injured"]) for p in record["history"]] == [
        ("2025-03-10T12:00", ["AP"], None, None),
        ("2025-03-10T18:00", ["sahelwire.example"], 5, 9),
        ("2025-03-11T08:30", ["river-post.example"], 7, None)]
    assert (record["killed"], record["killed_best"], record["injured"]) == (7, 7, 9)
