"""/api/incidents over a store of made-up reports, on SQLite and PostgreSQL: the filters and
sorts the events take, pages with the total, every source with its figures, and errors in
the envelope."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from made_up_reports import report, serve_client  # noqa: E402


KADUNA = ("Kaduna", "NG", 10.52, 7.44)
REPORTS = [
    report("savanna-post", town=KADUNA, date="2025-03-11", killed=9, trigger="attacked",
           sentence="Bandits attacked a cattle market in Kaduna, killing nine traders, police said."),
    report("wire-service", town=KADUNA, date="2025-03-11", killed=12, trigger="stormed",
           sentence="Twelve people died after gunmen stormed a Kaduna market on Tuesday, a nurse said."),
    report("reef-herald", town=("Suva", "FJ", -18.14, 178.44), date="2025-05-10", kind="protest",
           trigger="marched", sentence="Nurses marched through central Suva to demand overdue wages."),
    report("atoll-fm", town=("Apia", "WS", -13.83, -171.76), date="2025-05-12", kind="protest",
           trigger="rallied", sentence="Fishermen rallied outside parliament in Apia over new quotas."),
    report("harbour-news", town=("Valparaiso", "CL", -33.05, -71.62), date="2025-06-20", killed=2,
           trigger="shot", sentence="Two dock workers were shot dead in Valparaiso overnight."),
]


@pytest.fixture
def client(store_of):
    yield from serve_client(store_of(REPORTS))


def places(client, **params) -> list[str]:
    answer = client.get("/api/incidents", params=params)
    assert answer.status_code == 200, answer.text
    return [item["place_name"] for item in answer.json()["items"]]


def test_filters_bbox_across_the_antimeridian_words_and_outlets(client):
    assert places(client, bbox="170,-30,-165,0") == ["Suva", "Apia"]
    assert places(client, bbox="-80,-40,10,20") == ["Kaduna", "Valparaiso"]
    assert places(client, q="GUNMEN") == ["Kaduna"]           # said by one of Kaduna's two sources
    assert places(client, source="wire-service") == ["Kaduna"]
    assert places(client, source="atoll-fm.example/2025") == ["Apia"]
    assert places(client, family="violence", q="killing") == ["Kaduna"]
    assert places(client, type="protest", date_from="2025-05-11") == ["Apia"]


def test_sort_and_pages_with_the_total(client):
    assert places(client, sort="-killed") == ["Kaduna", "Valparaiso", "Suva", "Apia"]
    assert places(client, sort="-sources") == ["Kaduna", "Suva", "Apia", "Valparaiso"]
    first = client.get("/api/incidents", params={"limit": 3}).json()
    second = client.get("/api/incidents", params={"limit": 3, "offset": 3}).json()
    assert (first["total"], second["total"], first["limit"], second["offset"]) == (4, 4, 3, 3)
    assert [i["place_name"] for i in first["items"] + second["items"]] == ["Kaduna", "Suva", "Apia", "Valparaiso"]
    narrowed = client.get("/api/incidents", params={"family": "violence", "limit": 1}).json()
    assert (len(narrowed["items"]), narrowed["total"]) == (1, 2)


def test_each_item_lists_its_sources_and_where_their_figures_differ(client):
    [kaduna] = client.get("/api/incidents", params={"place": "kaduna"}).json()["items"]
    assert (kaduna["killed"], kaduna["killed_high"], kaduna["source_count"], kaduna["differ"]) == (9, 12, 2, ["killed"])
    assert sorted((s["source"], s["killed"]) for s in kaduna["sources"]) == [("savanna-post", 9), ("wire-service", 12)]
    assert all(s["story_id"] == f"{s['page_id']}-{s['story_position']}" for s in kaduna["sources"])
    assert client.get(f"/api/incidents/{kaduna['incident_id']}").json() == kaduna


@pytest.mark.parametrize("params, words", [
    ({"sort": "source"}, "cannot sort by 'source'"),
    ({"bbox": "1,2,3"}, "west,south,east,north"),
    ({"date_from": "yesterday"}, "is not a date"),
])
def test_bad_parameters_answer_422_in_the_envelope_naming_the_parameter(client, params, words):
    answer = client.get("/api/incidents", params=params)
    assert answer.status_code == 422
    message = answer.json()["error"]["message"]
    assert answer.json()["error"]["code"] == "invalid_parameter" and words in message
    assert message.startswith(f"{next(iter(params))}: ")


def test_an_unknown_incident_is_a_404(client):
    answer = client.get("/api/incidents/no-such-incident")
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"
