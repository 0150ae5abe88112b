"""What the API takes in its query strings, on SQLite and PostgreSQL: unknown and repeated
parameters, bad vocabulary values and reversed date ranges are 422s in the envelope that name
the parameter; comma lists, country names, min_killed and full-text q narrow the lists; the
facets count each facet without its own filter."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from made_up_reports import report, serve_client  # noqa: E402


KADUNA = ("Kaduna", "NG", 10.52, 7.44)

REPORTS = [
    report("savanna-post", town=KADUNA, date="2025-03-11", killed=9, trigger="attacked",
           sentence="Bandits attacked a cattle market in Kaduna, killing nine traders with a handgun, police said."),
    report("reef-herald", town=("Suva", "FJ", -18.14, 178.44), date="2025-05-10", kind="protest",
           trigger="marched", sentence="Nurses marched through central Suva to demand overdue wages."),
    report("harbour-news", town=("Valparaiso", "CL", -33.05, -71.62), date="2025-06-20", killed=2,
           trigger="shot", sentence="Two dock workers were shot dead in Valparaiso overnight by police."),
    report("lake-times", town=("Chicago", "US", 41.88, -87.63), date="2024-11-02", killed=4, kind="attack",
           trigger="opened", sentence="A man opened fire at a Chicago bus stop with a handgun, killing four."),
]


@pytest.fixture
def client(store_of):
    yield from serve_client(store_of(REPORTS))


def refused(client, path: str, pairs: list[tuple[str, str]] | None = None, **params) -> str:
    answer = client.get(path, params=pairs or params)
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "invalid_parameter"
    return error["message"]


def places(client, path: str = "/api/incidents", **params) -> list[str]:
    answer = client.get(path, params=params)
    assert answer.status_code == 200, answer.text
    return sorted(item["place_name"] if "place_name" in item else item["place"]["name"]
                  for item in answer.json()["items"])


def test_an_unknown_parameter_is_named_with_what_the_endpoint_takes(client) -> None:
    message = refused(client, "/api/incidents", min_killed_typo="5")
    assert "min_killed_typo" in message and "min_killed" in message.replace("min_killed_typo", "")
    assert "limit" in refused(client, "/api/stories", country="US")  # stories take no country
    assert "type=attack,bombing" in refused(client, "/api/incidents", [("type", "attack"), ("type", "protest")])


@pytest.mark.parametrize("path, params, named", [
    ("/api/entities", {"type": "bogus"}, "PERSON"),
    ("/api/incidents", {"sort": "-bogus"}, "killed"),
    ("/api/events", {"type": "attack,bogus"}, "'bogus'"),
    ("/api/incidents", {"family": "nonsense"}, "violence"),
    ("/api/incidents", {"certainty": "sure"}, "reported"),
    ("/api/incidents", {"country": "Atlantis"}, "Atlantis"),
    ("/api/facets", {"of": "pages"}, "incidents"),
    ("/api/incidents", {"q": "police OR"}, "OR"),
    ("/api/incidents", {"min_killed": "-1"}, "min_killed"),
])
def test_a_bad_value_is_a_422_naming_the_choices(client, path, params, named) -> None:
    assert named in refused(client, path, **params)


@pytest.mark.parametrize("path, date_from, date_to", [
    ("/api/incidents", "2025-06-02", "2025-06-01"),
    ("/api/events", "2021", "2020"),
    ("/api/incidents/points", "2025-07", "2025-06"),
    ("/api/timeline", "2025-06", "2024"),
    ("/api/facets", "2025", "2024-12-31"),
    ("/api/stories", "2025-02", "2025-01-31"),
])
def test_a_reversed_date_range_is_a_422(client, path, date_from, date_to) -> None:
    assert "reversed" in refused(client, path, date_from=date_from, date_to=date_to)


@pytest.mark.parametrize("date_from, date_to, expected", [
    ("2025-06", "2025", ["Valparaiso"]),                        # June to December 2025
    ("2025", "2025-05-31", ["Kaduna", "Suva"]),                 # January to May 2025
    ("2025-06-20", "2025-06", ["Valparaiso"]),                  # one day to the end of its month
    ("2024", "2024", ["Chicago"]),
])
def test_a_range_inside_one_period_is_no_reversed_range(client, date_from, date_to, expected) -> None:
    assert places(client, date_from=date_from, date_to=date_to) == expected


@pytest.mark.parametrize("params, expected", [
    ({"min_killed": "3"}, ["Chicago", "Kaduna"]),
    ({"min_killed": "9"}, ["Kaduna"]),
    ({"type": "attack,protest"}, ["Chicago", "Kaduna", "Suva", "Valparaiso"]),
    ({"type": "protest"}, ["Suva"]),
    ({"country": "United States"}, ["Chicago"]),
    ({"country": "usa"}, ["Chicago"]),
    ({"country": "Nigeria, Fiji"}, ["Kaduna", "Suva"]),
    ({"country": "cl"}, ["Valparaiso"]),
    ({"q": "handgun"}, ["Chicago", "Kaduna"]),
    ({"q": "police shot"}, ["Valparaiso"]),          # both words, in one story
    ({"q": "nurses OR workers"}, ["Suva", "Valparaiso"]),
    ({"q": "handgun -chicago"}, ["Kaduna"]),
    ({"q": "x'; DROP TABLE incidents; --"}, []),
])
def test_filters_narrow_incidents_and_events_alike(client, params, expected) -> None:
    assert places(client, **params) == expected
    assert places(client, "/api/events", **params) == expected


def test_hostile_queries_are_never_a_server_error(client) -> None:
    for q in ['"', "((", "))", "NOT", "-", "*", "a*b*", "OR OR", '"unclosed phrase', "\\", "NEAR(a b)", "a:b",
              "col:word", "^start", "{x}", "😀", "ﷺ", "a" * 200]:
        for path in ("/api/incidents", "/api/events", "/api/stories", "/api/facets"):
            answer = client.get(path, params={"q": q})
            assert answer.status_code in (200, 422), (q, path, answer.text)


def test_each_facet_counts_without_its_own_filter(client) -> None:
    answer = client.get("/api/facets", params={"type": "attack", "country": "US"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["total"] == 1 and body["of"] == "incidents"
    facets = body["facets"]
    # type: every type in the US (only attacks there); country: every country's attacks
    assert facets["type"] == [{"value": "attack", "count": 1}]
    assert {(c["value"], c["name"], c["count"]) for c in facets["country"]} == {
        ("US", "United States", 1), ("NG", "Nigeria", 1), ("CL", "Chile", 1)}
    assert facets["family"] == [{"value": "violence", "count": 1}]
    everything = client.get("/api/facets", params={"of": "events"}).json()
    assert everything["total"] == 4
    assert {t["value"]: t["count"] for t in everything["facets"]["type"]} == {"attack": 3, "protest": 1}
