"""An incident's sources named by their outlets, on SQLite and PostgreSQL: the site's name an HTML
page's metadata gives (og:site_name, else application-name), stored with the page; the URL's host
where the metadata names none or the page is flat text; the file path only as a detail."""
from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from dateline.models import Event, EventPlace, Extraction, Page
from dateline.pipeline import clean_page
from dateline.store import open_store
from dateline.store.incidents import get_incident, list_incidents
from dateline.store.queries import list_stories
from dateline.store.schema import pages

GAO = EventPlace(name="Gao", country="ML", admin1="07", lat=16.27, lon=-0.04, precision="place")
SENTENCE = "Gunmen opened fire in the Gao market on Monday, killing five traders, officials said."


def write_html(head: str, published: str, killed: int) -> str:
    """A made-up article page with ``head`` in its <head>, published at ``published``."""
    paragraphs = "".join(f"<p>{SENTENCE} The regional governor gave a toll of {killed} in update {n}.</p>"
                         for n in range(5))
    return (f'<html><head><title>Gunmen attack the Gao market</title>{head}'
            f'<meta property="article:published_time" content="{published}:00+00:00"></head>'
            f"<body><article><h1>Gunmen attack the Gao market</h1>{paragraphs}</article></body></html>")


def read_report(page: Page, *, killed: int) -> Extraction:
    """The page as the cleaner reads it (site name included), with one coded attack on its story."""
    extraction = clean_page(page)
    assert extraction.ok and extraction.stories, extraction.failure
    story = extraction.stories[0]
    start = story.text.index("opened fire")
    event = Event(type="attack", trigger="opened fire", trigger_span=(start, start + 11), sentence=SENTENCE,
                  sentence_span=(0, len(SENTENCE)), date="2025-03-10", killed=killed, place=GAO)
    story = dataclasses.replace(story, events=(event,))
    return dataclasses.replace(extraction, stories=(story,), nlp_version="nlp-test", coder_version="coder-test")


REPORTS = [  # stored in no particular order: publication orders them
    read_report(Page("/crawl/river.html", write_html('<meta name="application-name" content="River Post">',
                                                     "2025-03-10T14:00", 6), kind="html",
                     url="https://www.river-post.example/gao"), killed=6),
    read_report(Page("/crawl/delta.html", write_html("", "2025-03-10T16:00", 7), kind="html",
                     url="https://www.delta-news.example/gao"), killed=7),
    read_report(Page("/crawl/sahel.html", write_html('<meta property="og:site_name" content="Sahel Wire">'
                                                     '<meta name="application-name" content="SW Reader">',
                                                     "2025-03-10T12:00", 5), kind="html",
                     url="https://sahelwire.example/gao"), killed=5),
    read_report(Page("/feeds/gao.jsonl#3", "Gunmen attack the Gao market\n\nGunmen opened fire in the Gao"  # undated
                     " market, killing eight traders, a witness said.", url="https://www.mopti-daily.example/gao"),
                killed=8),
]
OUTLETS = ["Sahel Wire", "River Post", "delta-news.example", "mopti-daily.example"]


@pytest.fixture
def stored(store_of):
    return store_of(REPORTS)


def test_each_source_is_named_by_its_sites_name_else_its_host(stored) -> None:
    with open_store(stored, create=False) as store:
        [listed] = list_incidents(store)
        incident = get_incident(store, listed.incident_id)
        with store.reading() as conn:
            site_names = dict(conn.execute(select(pages.c.source, pages.c.site_name)).all())
    assert site_names == {"/crawl/sahel.html": "Sahel Wire", "/crawl/river.html": "River Post",
                          "/crawl/delta.html": None, "/feeds/gao.jsonl#3": None}
    assert incident is not None
    assert [s.outlet for s in incident.sources] == OUTLETS
    assert [s.source for s in incident.sources][:2] == ["/crawl/sahel.html", "/crawl/river.html"]  # a detail


@pytest.mark.parametrize("source, found", [("sahel wire", 1), ("RIVER POST", 1), ("SW Reader", 0)])
def test_the_source_filter_finds_a_site_by_its_name(stored, source, found) -> None:
    with open_store(stored, create=False) as store:
        assert len(list_incidents(store, source=source)) == found
        assert list_stories(store, source=source).total == found


def test_the_incident_api_and_its_csv_name_the_outlets(stored) -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from dateline.api import create_app

    with TestClient(create_app(stored)) as client:
        [item] = client.get("/api/incidents").json()["items"]
        record = client.get(f"/api/incidents/{item['incident_id']}").json()
        csv_text = client.get("/api/export/csv").text
    assert [s["outlet"] for s in record["sources"]] == OUTLETS
    # the three pages tell one story (near copies, one report): its point names every outlet that carried it
    assert [p["outlets"] for p in record["history"]] == [OUTLETS[:3], OUTLETS[3:]]
    assert "Sahel Wire; River Post; delta-news.example; mopti-daily.example" in csv_text
