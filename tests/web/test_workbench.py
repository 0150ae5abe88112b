"""The overview as an analyst's workbench, in Debian's Chromium, over 1,200 made-up incidents
across ten years and fourteen regions (tests/conftest.py many_incidents_db): every incident is
reachable on the map through the server's cells (more than the map draws one by one), zooming
into a cell shows what it holds down to each incident's circle, "Search
this area" filters by the view, the timeline's brush (mouse and keyboard) sets the dates, the
list keeps its figures at 390 px, no text is under 12 px, and the keyboard meets the list
before the map, and the CSV export of what is on screen has one row per listed incident and the
summary's totals.
"""
from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import MANY_COUNT, MANY_KINDS, MANY_REGIONS, MANY_UNPLACED
import webui
from webui import (POINTS_UNDER, checked_tab, list_rows, list_total, map_counts, open_tab, open_view,
                   skip_without_browser, small_text, wait_map_idle, wait_ready)

skip_without_browser()
browser = webui.browser  # the fixture both modules share

LOCATED = MANY_COUNT - MANY_UNPLACED
DAYS = [date(2015, 1, 1) + timedelta(days=3 * i) for i in range(MANY_COUNT)]  # the fixture's dates


url = webui.serve_many_incidents  # the 1,200 made-up incidents, served
shots = webui.shots


@pytest.fixture
def page(browser, url):
    # bypass_csp: Playwright's waiting functions evaluate strings, which the page's policy forbids;
    # the phone test runs under the policy and checks that the UI breaks none of it
    with checked_tab(browser, url, bypass_csp=True) as tab:
        yield tab


def open_map(page, route: str = "") -> None:
    open_view(page, route)
    page.wait_for_function("document.getElementById('map').dataset.located !== undefined")
    wait_map_idle(page)


def shown_on_map(page) -> int:
    counts = map_counts(page)
    return sum(counts["clusters"]) + len(counts["circles"])


def dates_in_url(page) -> tuple[str, str]:
    params = dict(re.findall(r"(date_from|date_to)=([\d-]+)", page.evaluate("location.hash")))
    return params["date_from"], params["date_to"]


def test_every_incident_is_on_the_map_in_the_servers_cells(page, shots: Path):
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    open_map(page)
    assert list_total(page) == MANY_COUNT > POINTS_UNDER
    counts = map_counts(page)
    assert counts["mode"] == "cells" and counts["circles"] == []  # more than POINTS_UNDER: counted in SQL
    assert sum(counts["clusters"]) == LOCATED  # the cells' counts add up to every placed incident
    assert not any("/points" in u for u in asked) and any("/api/incidents/clusters" in u for u in asked)
    note = page.locator("#map-note").inner_text()
    assert f"{LOCATED} incidents on the map" in note and f"{MANY_UNPLACED} without a place" in note
    page.screenshot(path=str(shots / "overview.png"), full_page=False)
    page.locator(".map-panel").screenshot(path=str(shots / "map.png"))


# The clicked cell's bounds (what it holds, from the server) or the clicked cluster's (Leaflet's
# layer for its icon), and then what the map shows inside them: for each cluster, how many of its
# incidents lie inside (a grid line may split a town's cluster: the cell holds those on its side),
# and 1 for each circle.
REMEMBER_BOUNDS = """count => { const map = document.getElementById('map').leaflet;
    const icon = [...document.querySelectorAll('#map .incident-cluster')].find(e => +e.dataset.count === count);
    const layer = Object.values(map._layers).find(l => l._icon === icon);
    window.__bounds = layer.options.cell ? L.latLngBounds([layer.options.cell.bounds[1], layer.options.cell.bounds[0]],
        [layer.options.cell.bounds[3], layer.options.cell.bounds[2]]) : layer.getBounds(); }"""
SHOWN_IN_BOUNDS = """() => { const map = document.getElementById('map').leaflet, shown = [];
    for (const l of Object.values(map._layers)) {
        const inside = l.getLatLng && window.__bounds.contains(l.getLatLng());
        if (l.getAllChildMarkers && l._icon) {
            const held = l.getAllChildMarkers().filter(m => window.__bounds.contains(m.getLatLng())).length;
            if (held) shown.push(held);
        } else if (inside && l.options.rowId && l._path) shown.push(1);
    }
    return shown; }"""

# A circle and a point of it that is on top there (not under another circle or a cluster).
TOPMOST_CIRCLE = """() => { for (const p of document.querySelectorAll('#map path.incident-mark')) {
    const b = p.getBoundingClientRect(), x = b.x + b.width / 2, y = b.y + b.height / 2;
    if (document.elementFromPoint(x, y) === p) return {id: p.dataset.id, x, y}; } return null; }"""


def test_zooming_into_a_cell_shows_what_it_holds_down_to_each_incident(page, shots: Path):
    open_map(page)
    before = map_counts(page)
    assert before["mode"] == "cells"
    biggest = max(before["clusters"])
    page.evaluate(REMEMBER_BOUNDS, biggest)
    page.locator(f"#map .incident-cluster[data-count='{biggest}']").first.click()
    wait_map_idle(page)
    after = map_counts(page)
    assert after["zoom"] > before["zoom"] and after["mode"] == "points"  # the view holds few: its points
    held = page.evaluate(SHOWN_IN_BOUNDS)
    assert sum(held) == biggest and len(held) > 1  # all it held, now split in smaller clusters
    for _ in range(12):  # down to one town: its incidents share a point and fan out as circles
        counts = map_counts(page)
        if counts["circles"]:
            break
        smallest = min(counts["clusters"])
        page.locator(f"#map .incident-cluster[data-count='{smallest}']").first.click()
        wait_map_idle(page)
    circles = map_counts(page)["circles"]
    assert circles and len(set(circles)) == len(circles)
    sizes = page.eval_on_selector_all("#map path.incident-mark", "ps => ps.map(p => p.getBBox().width)")
    assert max(sizes) > min(sizes) >= 9  # sized by killed, never under 10 px across
    page.locator(".map-panel").screenshot(path=str(shots / "map-zoomed.png"))
    target = page.evaluate(TOPMOST_CIRCLE)
    assert target, "no circle can be clicked"
    page.mouse.click(target["x"], target["y"])
    page.wait_for_selector("#incident-view")
    assert page.evaluate("location.hash") == f"#/incident/{target['id']}"


# What the map draws inside its own box on the screen: each cluster's count, each circle as one.
DRAWN_IN_VIEW = """() => { const box = document.getElementById('map').getBoundingClientRect(), counts = [];
    for (const el of document.querySelectorAll('#map .incident-cluster, #map path.incident-mark')) {
        const b = el.getBoundingClientRect(), x = b.x + b.width / 2, y = b.y + b.height / 2;
        if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom)
            counts.push(el.dataset.count ? +el.dataset.count : 1);
    }
    return counts; }"""


def many_places() -> list[tuple[float, float]]:
    """(lat, lon) of the fixture's placed incidents, as tests/conftest.py places them."""
    placed = []
    for i in range(MANY_COUNT):
        if i % (MANY_COUNT // MANY_UNPLACED) != 7:
            _, _, lat, lon = MANY_REGIONS[i % len(MANY_REGIONS)]
            town_no = (i // len(MANY_REGIONS)) % 5
            placed.append((lat + 0.6 * town_no - 1.2, lon + 0.45 * town_no - 0.9))
    return placed


def test_a_view_across_the_antimeridian_draws_both_sides(page):
    # centred on the Pacific: Papua New Guinea and the Philippines west of the line, Mexico and
    # the Andes east of it, where the view's longitudes run past 180
    open_map(page)
    page.evaluate("void document.getElementById('map').leaflet.setView([5, 175], 2, {animate: false})")
    wait_map_idle(page)
    view = page.evaluate("""() => { const b = document.getElementById('map').leaflet.getBounds();
        return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }""")
    west, south, east, north = view
    assert west < 180 < east
    shifted = [(lat, lon + 360 if lon < west else lon) for lat, lon in many_places()]
    assert all(abs(lon - edge) > 2 for _, lon in shifted for edge in (west, east))  # none on an edge
    expected = sum(west <= lon <= east and south <= lat <= north for lat, lon in shifted)
    assert sum(lon > 180 for lat, lon in shifted if west <= lon <= east) > 50  # east of the line
    assert sum(page.evaluate(DRAWN_IN_VIEW)) == expected


def test_search_this_area_filters_by_the_view(page):
    open_map(page)
    page.locator("#map .incident-cluster").first.click()
    wait_map_idle(page)
    page.evaluate("() => { window.__bounds = document.getElementById('map').leaflet.getBounds(); }")
    in_view = sum(page.evaluate(SHOWN_IN_BOUNDS))  # the incidents inside the view (more are drawn round it)
    page.click("#search-area")
    page.wait_for_function("location.hash.includes('bbox=')")
    wait_ready(page)
    wait_map_idle(page)
    assert 0 < list_total(page) < MANY_COUNT
    assert list_total(page) == shown_on_map(page) == in_view  # the list is what the map shows, what the view held
    assert page.locator("#area-chip").is_visible()
    page.click("#clear-area")
    page.wait_for_function("!location.hash.includes('bbox=')")
    wait_ready(page)
    assert list_total(page) == MANY_COUNT


def test_the_timeline_brush_sets_the_dates(page, shots: Path):
    open_map(page)
    chart = page.locator("#timeline-chart")
    assert chart.get_attribute("data-bin") == "month"  # ten years: a bar a month
    assert int(chart.get_attribute("data-bins")) == 119
    page.locator(".time-panel").screenshot(path=str(shots / "timeline.png"))
    box = page.locator("#timeline-chart .u-over").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.30, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=8)
    page.mouse.up()
    page.wait_for_function("location.hash.includes('date_from=')")
    wait_ready(page)
    start, end = (date.fromisoformat(d) for d in dates_in_url(page))
    assert start.day == 1 and (end + timedelta(days=1)).day == 1  # whole months
    assert date(2017, 6, 1) < start < end < date(2020, 1, 1)
    expected = sum(start <= d <= end for d in DAYS)
    assert list_total(page) == expected
    assert all(start.isoformat() <= r["date"] <= end.isoformat() for r in list_rows(page))
    page.click("#timeline-zoom")  # zoom to the chosen months: now a bar a week
    page.wait_for_function("location.hash.includes('zoom=dates')")
    wait_ready(page)
    assert page.locator("#timeline-chart").get_attribute("data-bin") == "week"
    assert list_total(page) == expected


def test_the_timeline_brush_works_from_the_keyboard(page):
    open_map(page)
    page.locator("#timeline-chart").focus()
    for key in ("End", "ArrowLeft", "ArrowLeft", "Shift+ArrowRight"):  # the last month, two back, one wider
        page.keyboard.press(key)
    status = page.locator("#timeline-status").inner_text()
    assert status.startswith("2024-09-01 to 2024-10-31 (2 months)") and "Enter sets the dates" in status
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.includes('date_from=')")
    wait_ready(page)
    assert dates_in_url(page) == ("2024-09-01", "2024-10-31")
    assert list_total(page) == sum(date(2024, 9, 1) <= d <= date(2024, 10, 31) for d in DAYS) == 21
    page.locator("#timeline-chart").focus()
    page.keyboard.press("Shift+ArrowLeft")  # narrower, then dropped with Escape: the filter stays
    page.keyboard.press("Escape")
    assert page.locator("#timeline-status").inner_text().startswith("2024-09-01 to 2024-10-31")


def summary_figures(page) -> dict[str, int]:
    page.wait_for_selector("#summary .summary-figures")
    return {name: int(value) for name, value in page.eval_on_selector_all(
        "#summary [data-figure]", "spans => spans.map(s => [s.dataset.figure, s.dataset.value])")}


def test_the_exported_csv_is_the_listed_incidents_with_the_summarys_totals(page, tmp_path: Path):
    # attacks (killed) and arrests (arrested) over four years, a few of them without a place
    open_view(page, "#/?type=attack,arrest&date_from=2018&date_to=2021")
    shown = list_total(page)
    expected = sum(date(2018, 1, 1) <= d <= date(2021, 12, 31) for i, d in enumerate(DAYS)
                   if MANY_KINDS[(i // len(MANY_REGIONS)) % len(MANY_KINDS)][0] in ("attack", "arrest"))
    assert shown == expected > 50  # more than one page of the list
    summary = summary_figures(page)
    assert summary["incidents"] == summary["events"] == shown  # one report each
    assert summary["killed"] > 0 and summary["arrested"] > 0
    listed = {href.rpartition("/")[2] for href in page.eval_on_selector_all(
        "table.list tbody td.link a", "links => links.map(a => a.getAttribute('href'))")}
    assert len(listed) == 50
    link = page.locator("#exports a", has_text="csv")
    with page.expect_download() as download:
        link.click()
    path = tmp_path / "incidents.csv"
    download.value.save_as(path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == shown  # one row per incident, not per source event
    assert listed <= {row["incident_id"] for row in rows}  # the page on screen is in it
    for figure in ("killed", "injured", "arrested"):
        assert sum(int(row[figure] or 0) for row in rows) == summary[figure], figure
    assert len({row["country"] for row in rows if row["country"]}) == summary["countries"]
    page.wait_for_function("document.getElementById('export-note').textContent.startsWith('csv:')")
    assert page.locator("#export-note").inner_text() == f"csv: {shown} rows, 0 left out"
    # the tables by country and by month add up to the same
    page.locator("#summary details summary").click()
    by_country = page.locator("#summary table.summary-table").first.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => Number(r.cells[1].innerText.replace(/,/g, '')))")
    assert sum(by_country) == shown
    page.locator("#list .list-tools").last.locator("button", has_text="next").click()
    page.wait_for_function("location.hash.includes('offset=50')")
    wait_ready(page)
    assert summary_figures(page) == summary  # paging keeps the figures of the whole filter


def test_a_phone_shows_the_list_with_its_figures(browser, url, shots: Path):
    tab = open_tab(browser, url, width=390, height=844, device_scale_factor=2, is_mobile=True, has_touch=True)
    open_view(tab, "#/?sort=-killed")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 392
    figures = tab.eval_on_selector_all("table.list tbody td.figures", """cells => cells.map(c => {
        const box = c.getBoundingClientRect();
        return {text: c.innerText.trim(), left: box.left, right: box.right, height: box.height}; })""")
    assert len(figures) == 50
    assert all(f["left"] >= 0 and f["right"] <= 390 and f["height"] > 0 for f in figures)
    assert figures[0]["text"] == "killed / injured / arrested: 22 / – / –"  # the deadliest first
    assert small_text(tab) == []
    tab.screenshot(path=str(shots / "phone.png"))
    assert tab.evaluate("window.__violations") == [] and not tab.errors  # under the page's own CSP
    tab.context.close()


def test_no_text_under_12_px(page):
    open_map(page)
    assert small_text(page) == []
    fonts = page.evaluate("document.getElementById('timeline-chart').uplot.axes.map(a => a.font[0])")
    assert fonts and all(float(re.match(r"([\d.]+)px", font).group(1)) >= 12 for font in fonts)
    page.locator(f"#map .incident-cluster[data-count='{max(map_counts(page)['clusters'])}']").first.click()
    wait_map_idle(page)
    assert page.locator("#map .map-label").count() > 0 and small_text(page) == []  # the basemap's labels


def test_keyboard_meets_the_filters_then_the_list_then_the_map(page):
    open_map(page)
    page.locator("#clear-filters").focus()
    regions = []
    for _ in range(120):
        page.keyboard.press("Tab")
        region = page.evaluate("""() => { const el = document.activeElement;
            return el.closest('.map-panel') ? 'map' : el.closest('.list-panel') ? 'list'
                 : el.closest('.time-panel') ? 'timeline' : el.closest('#filters') ? 'filters' : 'other'; }""")
        if not regions or regions[-1] != region:
            regions.append(region)
        if region == "map":
            break
    assert regions[:3] == ["timeline", "list", "map"], regions
    assert page.locator("#map .incident-cluster[tabindex]").count() > 0  # the clusters themselves are reachable
