"""Reports written for the API tests, and a client over a store that holds them: one page,
story and event each, stored as the pipeline would store them, incidents regrouped."""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.models import Event, EventPlace, Extraction, Page, Story
from dateline.store import open_store
from dateline.store.incidents import refresh_incidents


def report(outlet: str, *, town: tuple[str, str, float, float], date: str, sentence: str, trigger: str,
           kind: str = "attack", killed: int | None = None) -> Extraction:
    """One outlet's page of one sentence about one event at a town (name, country, lat, lon)."""
    name, country, lat, lon = town
    start = sentence.index(trigger)
    event = Event(type=kind, trigger=trigger, trigger_span=(start, start + len(trigger)), sentence=sentence,
                  sentence_span=(0, len(sentence)), date=date, killed=killed,
                  place=EventPlace(name=name, country=country, admin1="01", lat=lat, lon=lon, precision="place"))
    headline = f"{name}: {trigger}"
    story = Story(headline=headline, body=(sentence,), published=date, events=(event,))
    text = f"Menu | Search | {outlet}\n{headline}\n{sentence}\nShare | Subscribe"
    return Extraction(page=Page(outlet, text, url=f"https://{outlet}.example/{date}"), stories=(story,),
                      nlp_version="nlp-test", coder_version="coder-test")


def store_reports(store_target: str, reports: Sequence[Extraction]) -> str:
    """Store the reports and regroup the incidents; the store's target."""
    with open_store(store_target) as store:
        store.add_extractions(list(reports))
        refresh_incidents(store)
    return store_target


def serve_reports(store_target: str, reports: Sequence[Extraction]) -> Iterator[TestClient]:
    """A client of the API over a store that holds the reports (for a fixture to yield from)."""
    store_reports(store_target, reports)
    with TestClient(create_app(store_target)) as client:
        yield client
