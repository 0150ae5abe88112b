"""Reports written for the API tests (one page, story and event each, as the pipeline would
store them), and a client of the API over a store."""
from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.models import Event, EventPlace, Extraction, Page, Story


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


def serve_client(store_target: str) -> Iterator[TestClient]:
    """A client of the API over a store (for a fixture to yield from; the reports are stored by
    the `store_of` fixture of tests/conftest.py)."""
    with TestClient(create_app(store_target)) as client:
        yield client
