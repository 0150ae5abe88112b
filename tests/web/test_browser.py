"""The web UI in a real headless Chromium (Debian's, driven by Playwright), served by
uvicorn on a free local port over a store made from the example pages (two outlets
on one attack among them) and the hostile page in tests/web/data (<script>, onerror
attributes, javascript: links and URL) that must render as inert text.

The screenshots in docs/ui/ (shown in docs/ui.md) are taken here: run with
DATELINE_UPDATE_SCREENSHOTS=1 to rewrite them.
"""
from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")
uvicorn = pytest.importorskip("uvicorn")

from dateline.api import create_app  # noqa: E402
from dateline.store import open_store  # noqa: E402
from dateline.store.ingest import ingest_sources  # noqa: E402

HAS_INCIDENTS = importlib.util.find_spec("dateline.store.incidents") is not None


def find_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory, repo_root: Path):
    db = str(tmp_path_factory.mktemp("web") / "demo.db")
    with open_store(db) as store, contextlib.chdir(repo_root):  # sources named as `make demo` names them
        ingest_sources(["examples/pages", "tests/web/data"], store)
        if HAS_INCIDENTS:
            from dateline.store.incidents import refresh_incidents
            refresh_incidents(store)
    port = find_free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server_url):
    """A fresh page that records every dialog and script error instead of letting them pass."""
    # bypass_csp: the page's Content-Security-Policy would stop a script even if the UI let one
    # into the page; without it, these tests prove the UI itself renders page text as text.
    context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=server_url, bypass_csp=True)
    tab = context.new_page()
    tab.dialogs = []
    tab.errors = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


@pytest.fixture(scope="module")
def shots(repo_root: Path, tmp_path_factory) -> Path:
    """Where screenshots go: docs/ui/ with DATELINE_UPDATE_SCREENSHOTS=1, else a temporary
    folder (so that a test run does not rewrite the pictures in the work tree)."""
    if os.environ.get("DATELINE_UPDATE_SCREENSHOTS") == "1":
        folder = repo_root / "docs" / "ui"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


def open_view(page, route: str) -> None:
    page.goto("/" + route)
    wait_ready(page)


def wait_ready(page) -> None:
    """Until the view shows the route in the address bar (not the one before it)."""
    page.wait_for_selector("body[data-ready=true]")
    page.wait_for_function("document.body.dataset.rendered === location.hash"
                           " && document.getElementById('view').getAttribute('aria-busy') === 'false'")


def list_rows(page) -> list[dict]:
    return page.eval_on_selector_all("table.list tbody tr", """rows => rows.map(r => ({
        type: r.dataset.type, date: r.cells[0].firstChild.textContent }))""")


def test_overview_shows_map_timeline_and_list(page, shots: Path):
    open_view(page, "")
    marks = page.locator("svg.map circle.mark")
    assert marks.count() >= 10
    assert page.locator("svg.map .land path").count() > 150  # the shipped world outline
    assert page.locator("svg.timeline .bars rect").count() >= 10
    assert len(list_rows(page)) >= 10
    deadliest = page.eval_on_selector_all("svg.map circle.mark", "cs => Math.max(...cs.map(c => +c.getAttribute('r')))")
    smallest = page.eval_on_selector_all("svg.map circle.mark", "cs => Math.min(...cs.map(c => +c.getAttribute('r')))")
    assert deadliest > smallest  # sized by casualties
    page.screenshot(path=str(shots / "overview.png"), full_page=True)
    page.locator(".map-panel").screenshot(path=str(shots / "map.png"))
    page.locator(".time-panel").screenshot(path=str(shots / "timeline.png"))
    assert not page.errors and not page.dialogs


def test_families_take_the_colours_of_the_types_table(page):
    """The map's key and marks colour each family as /api/types (data/event_types.csv) says."""
    open_view(page, "")
    table = {item["family"]: item["colour"].lower() for item in page.request.get("/api/types").json()["families"]}
    keys = page.eval_on_selector_all(".map-panel .key", """keys => keys.map(k => [k.textContent.trim(),
        getComputedStyle(k.querySelector('.swatch')).backgroundColor])""")
    assert len(keys) >= 2
    for family, rgb in keys:
        red, green, blue = (int(part) for part in re.findall(r"\d+", rgb)[:3])
        assert f"#{red:02x}{green:02x}{blue:02x}" == table[family], family
    fills = set(page.eval_on_selector_all("svg.map circle.mark", "cs => cs.map(c => c.getAttribute('fill'))"))
    assert fills and {fill.lower() for fill in fills} <= set(table.values())
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
    box = page.locator("svg.timeline").bounding_box()
    y = box["y"] + box["height"] * 0.4
    page.mouse.move(box["x"] + box["width"] * 0.85, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.93, y, steps=5)
    page.mouse.move(box["x"] + box["width"] - 1, y, steps=5)
    page.mouse.up()
    page.wait_for_function("location.hash.includes('date_from=')")
    wait_ready(page)
    params = dict(re.findall(r"(date_from|date_to)=([\d-]+)", page.evaluate("location.hash")))
    rows = list_rows(page)
    assert 0 < len(rows) < total
    assert all(params["date_from"] <= r["date"] <= params["date_to"] for r in rows)
    assert float(page.locator("svg.timeline .brush").get_attribute("width")) > 0


@pytest.mark.skipif(not HAS_INCIDENTS, reason="store/incidents.py (issue 4) is not in this build")
def test_incident_view_sets_sources_side_by_side(page, shots: Path):
    open_view(page, "")
    page.locator("svg.map circle.mark", has=page.locator("title", has_text="attack")).first.click()
    page.wait_for_selector("#incident-view")
    wait_ready(page)
    cards = page.locator(".source-card")
    assert cards.count() == 2
    killed = sorted(int(card.locator("tr.differs", has_text="killed").locator("td.num").inner_text())
                    for card in cards.all())
    assert killed == [5, 7]
    assert "differ on: killed" in page.locator("#incident-view .warning").inner_text()
    tops = [card.bounding_box()["y"] for card in cards.all()]
    assert abs(tops[0] - tops[1]) < 2  # side by side on a laptop screen
    page.screenshot(path=str(shots / "incident.png"), full_page=True)
    page.locator(".source-card h3 a", has_text="Gunmen kill five").click()
    page.wait_for_selector("#story-view")
    wait_ready(page)
    assert page.locator("#story-text .count.focus").first.inner_text().startswith("five")  # its own figure
    page.screenshot(path=str(shots / "story.png"), full_page=True)


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
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=server_url,
                                  device_scale_factor=2, is_mobile=True, has_touch=True, bypass_csp=True)
    tab = context.new_page()
    open_view(tab, "")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 392
    map_box = tab.locator(".map-panel").bounding_box()
    list_box = tab.locator(".list-panel").bounding_box()
    assert list_box["y"] > map_box["y"] + map_box["height"] - 1  # stacked, not squeezed side by side
    tab.screenshot(path=str(shots / "phone.png"))
    context.close()


def test_chromium_is_found():
    assert shutil.which(str(CHROMIUM))
