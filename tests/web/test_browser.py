"""The web UI in a real headless Chromium (Debian's, driven by Playwright), served by
uvicorn on a free local port over a store made from the example pages (two outlets
on one attack among them) and the hostile page in tests/web/data (<script>, onerror
attributes, javascript: links and URL) that must render as inert text.

The screenshots in docs/ui/ (shown in docs/ui.md) are taken here and in test_workbench.py
(the map and timeline on 1,200 incidents): run with DATELINE_UPDATE_SCREENSHOTS=1 to rewrite them.
"""
from __future__ import annotations

import contextlib
import importlib.util
import re
import shutil
from pathlib import Path

import pytest
import webui
from webui import CHROMIUM, list_rows, open_tab, open_view, serve, skip_without_browser, wait_map_idle, wait_ready

skip_without_browser()
browser = webui.browser  # the fixtures the browser test modules share
shots = webui.shots

from dateline.store import open_store  # noqa: E402
from dateline.store.ingest import ingest_sources  # noqa: E402

HAS_INCIDENTS = importlib.util.find_spec("dateline.store.incidents") is not None


@pytest.fixture(scope="module")
def server_url(tmp_path_factory, repo_root: Path):
    db = str(tmp_path_factory.mktemp("web") / "demo.db")
    with open_store(db) as store, contextlib.chdir(repo_root):  # sources named as `make demo` names them
        ingest_sources(["examples/pages", "tests/web/data"], store)
        if HAS_INCIDENTS:
            from dateline.store.incidents import refresh_incidents
            refresh_incidents(store)
    with serve(db) as url:
        yield url


@pytest.fixture
def page(browser, server_url):
    """A fresh page that records every dialog and script error instead of letting them pass."""
    # bypass_csp: the page's Content-Security-Policy would stop a script even if the UI let one
    # into the page; without it, these tests prove the UI itself renders page text as text.
    tab = open_tab(browser, server_url, bypass_csp=True)
    yield tab
    tab.context.close()


def test_overview_shows_map_timeline_and_list(page):
    open_view(page, "")
    page.wait_for_selector("#map .leaflet-basemap-pane canvas")  # the offline basemap is drawn
    page.wait_for_function("+document.getElementById('map').dataset.located > 0")
    wait_map_idle(page)
    located = int(page.locator("#map").get_attribute("data-located"))
    shown = page.evaluate("""() => [...document.querySelectorAll('#map .incident-cluster')]
        .reduce((n, e) => n + +e.dataset.count, 0) + document.querySelectorAll('#map path.incident-mark').length""")
    assert shown == located >= 8
    assert int(page.locator("#timeline-chart").get_attribute("data-bins")) >= 5
    assert len(list_rows(page)) >= 10
    assert not page.errors and not page.dialogs


def test_families_take_the_colours_of_the_types_table(page):
    """The map's key and marks colour each family as /api/types (data/event_types.csv) says."""
    open_view(page, "")
    table = {item["family"]: item["colour"].lower() for item in page.request.get("/api/types").json()["families"]}
    page.wait_for_selector("#map-legend .key .swatch")
    keys = page.eval_on_selector_all("#map-legend .key", """keys => keys.filter(k => k.querySelector('.swatch'))
        .map(k => [k.textContent.trim(), getComputedStyle(k.querySelector('.swatch')).backgroundColor])""")
    assert len(keys) >= 2
    for family, rgb in keys:
        red, green, blue = (int(part) for part in re.findall(r"\d+", rgb)[:3])
        assert f"#{red:02x}{green:02x}{blue:02x}" == table[family.replace(" ", "_")], family
    fills = set(page.eval_on_selector_all("path.incident-mark", "cs => cs.map(c => c.getAttribute('fill'))"))
    assert {fill.lower() for fill in fills} <= set(table.values())
    assert not page.errors


def test_filter_by_type_then_by_date(page):
    open_view(page, "#/?list=events")
    page.select_option("#filters select[name=type]", "attack")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('type=attack')")
    wait_ready(page)
    rows = list_rows(page)
    assert len(rows) == 2 and {r["type"] for r in rows} == {"attack"}
    page.select_option("#filters select[name=type]", "")
    page.fill("#filters input[name=date_from]", "2025-06-15")
    page.fill("#filters input[name=date_to]", "2025-06-30")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('date_from=2025-06-15')")
    wait_ready(page)
    rows = list_rows(page)
    assert rows and all("2025-06-15" <= r["date"] <= "2025-06-30" for r in rows)
    assert "attack" not in {r["type"] for r in rows}


def test_brushing_the_timeline_filters_by_days(page):
    open_view(page, "#/?list=events")
    total = len(list_rows(page))
    assert page.locator("#timeline-chart").get_attribute("data-bin") == "week"  # the demo's months, by week
    box = page.locator("#timeline-chart .u-over").bounding_box()
    y = box["y"] + box["height"] * 0.5
    page.mouse.move(box["x"] + box["width"] * 0.8, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.9, y, steps=5)
    page.mouse.move(box["x"] + box["width"] - 1, y, steps=5)
    page.mouse.up()
    page.wait_for_function("location.hash.includes('date_from=')")
    wait_ready(page)
    params = dict(re.findall(r"(date_from|date_to)=([\d-]+)", page.evaluate("location.hash")))
    rows = list_rows(page)
    assert 0 < len(rows) < total
    assert all(params["date_from"] <= r["date"] <= params["date_to"] for r in rows)
    assert page.locator("#filters input[name=date_from]").input_value() == params["date_from"]
    assert page.locator("#timeline-chart .u-select").bounding_box()["width"] > 0  # the chosen weeks stay marked


@pytest.mark.skipif(not HAS_INCIDENTS, reason="store/incidents.py (issue 4) is not in this build")
def test_incident_view_sets_sources_side_by_side(page, shots: Path):
    open_view(page, "#/?type=attack")
    page.locator("table.list tr[data-type=attack] td.link a").first.click()
    page.wait_for_selector("#incident-view")
    wait_ready(page)
    cards = page.locator(".source-card")
    assert cards.count() == 2
    killed = sorted(int(card.locator("tr.differs", has_text="killed").locator("td.num").inner_text())
                    for card in cards.all())
    assert killed == [5, 7]
    assert "differ on: killed" in page.locator("#incident-view .warning").inner_text()
    # in publication order, by outlet, the file only as a detail; the later "rises to seven" is the toll shown
    outlets = [card.locator(".outlet b").inner_text() for card in cards.all()]
    assert outlets == ["north-ledger.example", "sahel-wire.example"]
    assert ".jsonl#1" in cards.first.locator(".source-path").inner_text()
    assert page.locator("table.summary tr", has_text="killed").locator("td").inner_text().startswith("7 ")
    assert page.locator("#toll-list li").count() == 2
    assert page.locator("#toll-chart canvas").count() == 1  # the toll across reports, drawn
    tops = [card.bounding_box()["y"] for card in cards.all()]
    assert abs(tops[0] - tops[1]) < 2  # side by side on a laptop screen
    page.screenshot(path=str(shots / "incident.png"), full_page=True)
    page.locator(".source-card h3 a", has_text="Gunmen kill five").click()
    page.wait_for_selector("#story-view")
    wait_ready(page)
    assert page.locator("#story-text .count.focus").first.inner_text().startswith("five")  # its own figure
    page.wait_for_selector(".event-card .incident-link a")  # and the way back to its incident
    page.screenshot(path=str(shots / "story.png"), full_page=True)
    page.locator(".event-card.focus .incident-link a").click()
    page.wait_for_selector("#incident-view")
    wait_ready(page)
    page.locator("#incident-view a", has_text="back to the overview").click()
    wait_ready(page)
    assert page.evaluate("location.hash") == "#/?type=attack"  # the overview as it was left


@pytest.mark.skipif(not HAS_INCIDENTS, reason="store/incidents.py (issue 4) is not in this build")
def test_export_links_say_how_many_rows_and_what_is_left_out(page):
    open_view(page, "#/?type=attack")
    link = page.locator("#exports a", has_text="csv")
    assert "per=incident" in link.get_attribute("href") and "type=attack" in link.get_attribute("href")
    link.focus()
    page.wait_for_function("document.getElementById('export-note').textContent.startsWith('csv:')")
    assert page.locator("#export-note").inner_text() == "csv: 1 row, 0 left out"
    open_view(page, "#/")
    page.locator("#exports a", has_text="acled").focus()
    page.wait_for_function("document.getElementById('export-note').textContent.startsWith('acled:')")
    assert re.fullmatch(r"acled: \d+ rows, [1-9]\d* left out \(.*type ACLED does not code.*\)",
                        page.locator("#export-note").inner_text())


def test_story_view_highlights_and_hostile_page_stays_text(page, shots: Path):
    open_view(page, "#/stories?q=Lyon")
    page.locator("#stories-list a").first.click()
    page.wait_for_selector("#story-view")
    wait_ready(page)
    headline = page.locator("#story-headline").inner_text()
    assert "<img src=x onerror=" in headline
    text = page.locator("#story-text").inner_text()
    assert "<script>window.__pwned='script';alert('script')</script>" in text
    assert "<a href=\"javascript:alert('link')\">our site</a>" in text
    assert page.locator("#story-text .trigger").first.inner_text() == "marched"
    assert page.locator("#story-text .quote").count() >= 1
    assert page.locator("#story-text .ent-person", has_text="Claire Dubois").count() >= 1
    assert page.locator("#removed-lines li").count() >= 1
    assert page.locator("#view script, #view img, #view svg[onload], #view iframe").count() == 0
    assert page.locator("a[href^='javascript' i]").count() == 0
    assert page.locator(".plain-url", has_text="javascript:alert('url')").count() == 1
    assert page.evaluate("window.__pwned") is None
    page.wait_for_timeout(300)
    assert page.dialogs == [] and page.errors == []
    page.screenshot(path=str(shots / "story-hostile.png"), full_page=True)


def test_phone_layout_fits_the_screen(browser, server_url, shots: Path):
    tab = open_tab(browser, server_url, width=390, height=844, device_scale_factor=2, is_mobile=True,
                   has_touch=True)
    open_view(tab, "")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 392
    map_box = tab.locator(".map-panel").bounding_box()
    list_box = tab.locator(".list-panel").bounding_box()
    assert map_box["y"] > list_box["y"] + list_box["height"] - 1  # stacked, the list first
    tab.screenshot(path=str(shots / "phone.png"))
    assert tab.evaluate("window.__violations") == []  # the page runs under its own CSP
    tab.context.close()


def test_chromium_is_found():
    assert shutil.which(str(CHROMIUM))


@pytest.mark.skipif(not HAS_INCIDENTS, reason="store/incidents.py (issue 4) is not in this build")
def test_incidents_show_who_did_it_to_whom_and_filter_by_actor(page):
    open_view(page, "#/?type=attack")
    cell = page.locator("table.list tr[data-type=attack] td.parties").first.inner_text()
    assert cell == "unidentified gunmen (political militia) → civilians (civilians, NG)"
    page.locator("table.list tr[data-type=attack] td.link a").first.click()
    page.wait_for_selector("#incident-view")
    wait_ready(page)
    parties = page.locator("#incident-parties")
    assert parties.locator(".actor").inner_text() == "unidentified gunmen (political militia)"
    assert parties.locator(".target").inner_text() == "civilians (civilians, NG)"
    open_view(page, "#/")
    page.select_option("#filters select[name=actor_kind]", "protesters")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('actor_kind=protesters')")
    wait_ready(page)
    rows = list_rows(page)
    assert len(rows) >= 3 and {r["type"] for r in rows} == {"protest"}
    page.select_option("#filters select[name=actor_kind]", "")
    page.fill("#filters input[name=actor]", "gunmen")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('actor=gunmen')")
    wait_ready(page)
    assert {r["type"] for r in list_rows(page)} == {"attack"}
    assert not page.errors and not page.dialogs
