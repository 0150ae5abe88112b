"""The incident page as a toll history, in Debian's Chromium, on the 1,200 made-up incidents of
tests/conftest.py with one more incident reported three times (stored latest first): found
through the list, its sources come in publication order under their outlets' names (the file
only as a detail), and the toll it shows is the latest report's, with each report's figures."""
from __future__ import annotations

import shutil

import pytest
from conftest import MANY_COUNT
import webui
from webui import checked_tab, list_rows, list_total, open_view, serve, skip_without_browser, wait_ready

skip_without_browser()
browser = webui.browser

from dateline.models import Dateline, Event, EventPlace, Extraction, Page, Story  # noqa: E402
from dateline.store import open_store  # noqa: E402
from dateline.store.incidents import refresh_incidents  # noqa: E402

BRACKWATER = EventPlace(name="Brackwater", country="NE", admin1="03", lat=14.9, lon=5.3, precision="place")


def report(source: str, url: str | None, published: str, sentence: str, trigger: str, *,
           agency: str | None = None, killed: int | None = None, injured: int | None = None) -> Extraction:
    start = sentence.index(trigger)
    event = Event(type="attack", trigger=trigger, trigger_span=(start, start + len(trigger)), sentence=sentence,
                  sentence_span=(0, len(sentence)), date="2023-05-08", killed=killed, injured=injured,
                  place=BRACKWATER)
    story = Story(headline=f"Brackwater depot: {trigger}", body=(sentence,), published=published, events=(event,),
                  dateline=Dateline("BRACKWATER", agency) if agency else None)
    return Extraction(page=Page(source, f"Brackwater depot: {trigger}\n{sentence}", url=url), stories=(story,),
                      nlp_version="nlp-test", coder_version="coder-test")


# latest first, so that the order shown must come from the publication times
REPORTS = [
    report("/feeds/depot.jsonl#2", "https://www.lakeside-courier.example/depot-toll", "2023-05-09T07:15",
           "The toll from Monday's raid on the Brackwater fuel depot has risen to eleven, the governor said.",
           "raid", killed=11),
    report("/feeds/depot.jsonl#1", "https://dunewire.example/brackwater", "2023-05-08T21:40",
           "Gunmen raided the Brackwater fuel depot, killing eight guards and wounding four.",
           "raided", killed=8, injured=4),
    report("/text/brackwater.txt", None, "2023-05-08T16:05",
           "Armed men stormed a fuel depot in Brackwater on Monday, residents said.", "stormed", agency="WIRE"),
]


@pytest.fixture(scope="module")
def url(many_incidents_db: str, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("toll") / "toll.db")
    shutil.copyfile(many_incidents_db, db)
    with open_store(db) as store:
        store.add_extractions(REPORTS)
        refresh_incidents(store)
    with serve(db) as served:
        yield served


def test_the_incident_page_shows_the_revised_toll_and_its_sources_in_time_order(browser, url):
    with checked_tab(browser, url, bypass_csp=True) as page:
        open_view(page, "#/")
        assert list_total(page) == MANY_COUNT + 1  # three reports, one incident
        open_view(page, "#/?q=Brackwater")
        assert list_total(page) == 1 and [row["date"] for row in list_rows(page)] == ["2023-05-08"]
        page.locator("table.list td.link a").first.click()
        page.wait_for_selector("#incident-view")
        wait_ready(page)
        cards = page.locator(".source-card").all()
        assert [card.locator(".outlet b").inner_text() for card in cards] == [
            "WIRE", "dunewire.example", "lakeside-courier.example"]  # by publication time, by outlet
        assert ".jsonl#1" in cards[1].locator(".source-path").inner_text()  # the file: a detail
        assert page.locator("table.summary tr", has_text="killed").locator("td").inner_text().startswith("11 ")
        toll = page.locator("#toll-list li").all_inner_texts()
        assert len(toll) == 3 and toll[0].startswith("2023-05-08 16:05") and toll[2].startswith("2023-05-09 07:15")
        assert "11" in toll[2] and "8" in toll[1]
        assert page.locator("#toll-chart canvas").count() == 1
