"""Getting about the workbench, in Debian's Chromium over the 1,200 made-up incidents
(tests/conftest.py many_incidents_db): /docs renders the API's operations offline; every filter
stays in the URL across paging, sorting, Filter, back and Clear (a year-only date included);
paging fetches no map data again; countries are chosen by name; the Stories view says which
filters apply and pages from above and below; the list fits a laptop screen; each family has a
colour of its own; facet counts show when the server gives them and nothing breaks when not.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
import webui
from conftest import MANY_COUNT, MANY_KINDS, MANY_REGIONS, MANY_UNPLACED
from webui import checked_tab, list_rows, list_total, open_tab, open_view, skip_without_browser, small_text, wait_ready

skip_without_browser()
browser = webui.browser  # the fixture the browser test modules share

METHODS = {"get", "post", "put", "patch", "delete"}


url = webui.serve_many_incidents  # the 1,200 made-up incidents, served
shots = webui.shots


@pytest.fixture
def page(browser, url):
    with checked_tab(browser, url, bypass_csp=True) as tab:  # Playwright's waits evaluate strings (test_workbench.py)
        tab.requested = []
        tab.on("request", lambda request: tab.requested.append(request.url))
        yield tab


def hash_params(page) -> dict[str, str]:
    return dict(parse_qsl(page.evaluate("location.hash").partition("?")[2]))


def submit_filters(page) -> None:
    before = page.evaluate("location.hash")
    page.click("#filters button[type=submit]")
    page.wait_for_function("h => location.hash !== h", arg=before)
    wait_ready(page)


def click_and_wait(page, selector: str) -> None:
    before = page.evaluate("location.hash")
    page.locator(selector).first.click()
    page.wait_for_function("h => location.hash !== h", arg=before)
    wait_ready(page)


def points_requests(page) -> int:
    """Requests for the map's and the timeline's data (points, cells, days) so far."""
    return sum(any(part in u for part in ("/points", "/clusters", "/days")) for u in page.requested)


def test_docs_render_every_operation_offline(browser, url, shots: Path):
    tab = open_tab(browser, url)  # under the page's own Content-Security-Policy
    spec = tab.request.get("/openapi.json").json()
    operations = sum(method in METHODS for item in spec["paths"].values() for method in item)
    assert spec["openapi"].startswith("3.1")
    outside = []
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) else None)
    tab.goto("/docs")
    tab.wait_for_selector("body[data-ready=true] .opblock")
    assert tab.locator(".opblock").count() == operations
    assert tab.locator(".opblock-summary-path", has_text="/api/incidents/points").count() == 1
    assert "Unable to render" not in tab.content()
    tab.locator(".opblock-summary", has_text="/api/incidents/points").click()  # an operation opened
    tab.wait_for_selector(".opblock.is-open .parameters")
    assert small_text(tab) == []
    tab.screenshot(path=str(shots / "docs.png"))
    assert outside == [] and tab.evaluate("window.__violations") == [] and not tab.errors
    tab.context.close()


def test_filters_survive_paging_sorting_filter_back_and_clear(page):
    open_view(page, "#/")
    page.select_option("#filters select[name=type]", "attack")
    page.fill("#filters input[name=date_from]", "2019")  # a year only
    submit_filters(page)
    assert hash_params(page) == {"type": "attack", "date_from": "2019"}
    total = list_total(page)
    assert 50 < total < MANY_COUNT
    assert page.locator("#filters input[name=date_from]").input_value() == "2019"

    click_and_wait(page, "table.list th button.sort:has-text('killed')")  # sort by a column head
    assert hash_params(page)["sort"] == "killed"
    fetched = points_requests(page)
    click_and_wait(page, ".list-panel .list-tools:last-child button:has-text('next')")  # the pager below the list
    assert hash_params(page) == {"type": "attack", "date_from": "2019", "sort": "killed", "offset": "50"}
    assert list_total(page) == total and points_requests(page) == fetched  # the map's data is not fetched again
    assert {r["type"] for r in list_rows(page)} == {"attack"}

    submit_filters_same = page.evaluate("location.hash")
    page.fill("#filters input[name=place]", "Town 2")
    submit_filters(page)  # Filter keeps the order and the year, and starts the list over
    params = hash_params(page)
    assert params == {"type": "attack", "date_from": "2019", "sort": "killed", "place": "Town 2"}
    assert page.locator("#filters input[name=date_from]").input_value() == "2019"

    page.go_back()
    wait_ready(page)
    assert page.evaluate("location.hash") == submit_filters_same
    assert page.locator("#filters input[name=place]").input_value() == ""
    assert page.locator("#filters select[name=type]").input_value() == "attack"
    assert list_total(page) == total

    page.click("#clear-filters")
    page.wait_for_function("!location.hash.includes('type=')")
    wait_ready(page)
    assert hash_params(page) == {"sort": "killed"}  # Clear drops the filters, keeps the order and the view
    assert page.locator("#filters select[name=type]").input_value() == ""
    assert list_total(page) == MANY_COUNT


def test_back_to_the_overview_keeps_the_filters(page):
    open_view(page, "#/?country=NG&sort=-killed")
    page.locator("table.list td.link a").first.click()
    page.wait_for_selector("#incident-view")
    wait_ready(page)
    page.locator("#incident-view a", has_text="back to the overview").click()
    wait_ready(page)
    assert hash_params(page) == {"country": "NG", "sort": "-killed"}
    assert page.locator("#filters input[name=country]").input_value() == "Nigeria"


def test_country_is_chosen_by_name(page):
    open_view(page, "#/")
    page.fill("#filters input[name=country]", "nigeria")
    submit_filters(page)
    assert hash_params(page) == {"country": "NG"}
    nigeria = [n for n, region in enumerate(MANY_REGIONS) if region[1] == "NG"][0]
    placed = [i for i in range(MANY_COUNT) if i % (MANY_COUNT // MANY_UNPLACED) != 7]  # as the fixture places them
    assert list_total(page) == sum(i % len(MANY_REGIONS) == nigeria for i in placed)
    assert all(text.endswith(", NG") for text in page.locator("table.list td.where").all_inner_texts())
    assert page.locator("#filters input[name=country]").input_value() == "Nigeria"
    assert page.locator("#country-names option[value='Somalia']").count() == 1  # offered by name
    page.fill("#filters input[name=country]", "Atlantis")
    page.click("#filters button[type=submit]")
    assert "No country is called" in page.locator("#filters input[name=country]").evaluate("e => e.validationMessage")
    assert hash_params(page) == {"country": "NG"}  # nothing was sent


def kinds_of_incidents(*kinds: str) -> int:
    """How many of the fixture's incidents are of these kinds (as conftest deals them out)."""
    return sum(MANY_KINDS[(i // len(MANY_REGIONS)) % len(MANY_KINDS)][0] in kinds for i in range(MANY_COUNT))


@pytest.mark.parametrize(("words", "kinds"), [
    ('"roadside bomb"', ("bombing",)),                     # a phrase
    ('"roadside bomb" OR teachers', ("bombing", "protest")),  # either
    ("police -looting", ("attack",)),                      # both words are in arrests; NOT leaves the market attacks
])
def test_words_find_what_the_stories_say(page, words: str, kinds: tuple[str, ...]):
    open_view(page, "#/")
    page.fill("#filters input[name=q]", words)
    submit_filters(page)
    assert hash_params(page) == {"q": words}
    assert list_total(page) == kinds_of_incidents(*kinds)
    assert {row["type"] for row in list_rows(page)} == set(kinds)


def test_several_types_are_chosen_at_once(page):
    open_view(page, "#/")
    page.select_option("#filters select[name=type]", ["attack", "bombing"])
    submit_filters(page)
    assert hash_params(page) == {"type": "attack,bombing"}
    assert list_total(page) == kinds_of_incidents("attack", "bombing")
    assert {row["type"] for row in list_rows(page)} == {"attack", "bombing"}
    page.reload()
    wait_ready(page)
    chosen = page.eval_on_selector("#filters select[name=type]", "s => [...s.selectedOptions].map(o => o.value)")
    assert chosen == ["attack", "bombing"]  # the form shows what the URL holds
    page.select_option("#filters select[name=type]", "")
    submit_filters(page)
    assert "type" not in hash_params(page) and list_total(page) == MANY_COUNT


def test_stories_say_which_filters_apply_and_page_from_below(page):
    open_view(page, "#/stories?type=attack&date_from=2016&date_to=2017")
    note = page.locator("#stories-filters").inner_text()
    assert "publication dates (From, To)" in note and "type apply to incidents and events only" in note
    heading = page.locator("#view h2").inner_text()
    shown = int(re.search(r"\((\d+)\)", heading).group(1))
    assert 50 < shown < MANY_COUNT  # two years of stories, whatever their type
    page.locator(".list-tools").last.locator("button", has_text="next").click()
    page.wait_for_function("location.hash.includes('offset=50')")
    wait_ready(page)
    assert hash_params(page)["date_from"] == "2016"
    assert page.locator(".list-tools").first.locator("button", has_text="previous").is_enabled()
    page.click("#clear-filters")
    page.wait_for_function("!location.hash.includes('date_from')")
    wait_ready(page)
    assert page.evaluate("location.hash") == "#/stories"  # Clear stays on the stories


def test_the_list_fits_a_laptop_screen(page):
    open_view(page, "#/?sort=-killed")
    wrap = page.evaluate("""() => { const w = document.querySelector('.list-panel .table-wrap');
        return {scroll: w.scrollWidth, client: w.clientWidth}; }""")
    assert wrap["scroll"] <= wrap["client"] + 1  # nothing clipped or scrolled sideways at 1280 px
    figures = page.locator("table.list td.figures").first.bounding_box()
    panel = page.locator(".list-panel").bounding_box()
    assert figures["x"] + figures["width"] <= panel["x"] + panel["width"]


def test_every_family_has_a_colour_of_its_own(page):
    families = {f["family"]: f["colour"].lower() for f in page.request.get("/api/types").json()["families"]}
    assert len(families) >= 12 and len(set(families.values())) == len(families)
    open_view(page, "#/")
    page.wait_for_selector("#map-legend .key .swatch")
    keys = page.eval_on_selector_all("#map-legend .key", """keys => keys.filter(k => k.querySelector('.swatch'))
        .map(k => [k.textContent.trim(), getComputedStyle(k.querySelector('.swatch')).backgroundColor])""")
    assert len(keys) == 5  # the fixture's seven types are five families, told apart
    assert len({rgb for _, rgb in keys}) == len(keys)
    for family, rgb in keys:
        red, green, blue = (int(part) for part in re.findall(r"\d+", rgb)[:3])
        assert f"#{red:02x}{green:02x}{blue:02x}" == families[family.replace(" ", "_")]


FACETS = {"country": [{"value": "NG", "count": 86}, {"value": "ML", "count": 85}],
          "type": [{"value": "attack", "count": 171}], "family": {"violence": 500, "protest": 171}}


def test_without_facets_the_form_shows_no_counts(page):
    if page.request.get("/api/facets").status != 404:
        pytest.skip("this server has /api/facets")
    open_view(page, "#/")
    assert page.locator("#filters select[name=type] option[value=attack]").inner_text() == "attack"
    assert page.locator("#country-names option[value='Nigeria']").count() == 1
    assert page.locator("#filters.with-facets").count() == 0


def test_facet_counts_show_next_to_the_choices(page):
    page.route("**/api/facets*", lambda route: route.fulfill(json=FACETS))  # the shape docs/ui.md gives
    open_view(page, "#/")
    page.wait_for_selector("#filters.with-facets")
    assert page.locator("#filters select[name=type] option[value=attack]").inner_text() == "attack (171)"
    assert page.locator("#filters select[name=family] option[value=protest]").inner_text() == "protest (171)"
    first = page.locator("#country-names option").first
    assert (first.get_attribute("value"), first.get_attribute("data-count")) == ("Nigeria", "86")


def test_a_reversed_date_range_is_refused_in_the_form(page):
    open_view(page, "#/?type=attack")
    page.fill("#filters input[name=date_from]", "2020")
    page.fill("#filters input[name=date_to]", "2019-06")
    page.click("#filters button[type=submit]")
    message = page.locator("#filters input[name=date_to]").evaluate("e => e.validationMessage")
    assert "is before From (2020)" in message
    assert hash_params(page) == {"type": "attack"}  # nothing was sent
    page.fill("#filters input[name=date_to]", "2020-06")
    submit_filters(page)
    assert hash_params(page) == {"type": "attack", "date_from": "2020", "date_to": "2020-06"}


def declare_min_killed(route) -> None:
    spec = route.fetch().json()
    for path in ("/api/incidents", "/api/incidents/points", "/api/events"):
        parameters = spec["paths"][path]["get"]["parameters"]
        if not any(p["name"] == "min_killed" for p in parameters):
            parameters.append({"name": "min_killed", "in": "query", "schema": {"type": "integer"}})
    route.fulfill(json=spec)


def test_min_killed_is_offered_only_when_the_api_declares_it(page):
    box = "#filters input[name=min_killed]"
    open_view(page, "#/")
    declared = page.evaluate("""async () => { const spec = await (await fetch('/openapi.json')).json();
        return spec.paths['/api/incidents'].get.parameters.some(p => p.name === 'min_killed'); }""")
    assert page.locator(box).is_visible() == declared
    page.route("**/openapi.json", declare_min_killed)
    page.reload()
    wait_ready(page)
    assert page.locator(box).is_visible()
