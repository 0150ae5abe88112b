"""/api/incidents/points and /api/events/points: every match at once for the map and the
timeline (past the listings' 1000 a page), the same matches as the listings for every filter,
and a cut that is said, never silent; on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from conftest import MANY_COUNT, MANY_UNPLACED  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from dateline.api import create_app  # noqa: E402
from dateline.models import Event, EventPlace, Extraction, Page, Story  # noqa: E402
from dateline.store import open_store  # noqa: E402
from dateline.store.incidents import refresh_incidents  # noqa: E402


@pytest.fixture(scope="module")
def many(many_incidents_db: str):
    with TestClient(create_app(many_incidents_db)) as client:
        yield client


def listed_ids(client, path: str, key, **params) -> list[str]:
    """Every id the listing gives, a page of 1000 at a time."""
    ids: list[str] = []
    while True:
        page = client.get(path, params={**params, "limit": 1000, "offset": len(ids)}).json()
        ids += [key(item) for item in page["items"]]
        if len(ids) >= page["total"]:
            return ids


def test_points_reach_every_incident_not_just_a_page(many):
    points = many.get("/api/incidents/points").json()
    assert points["total"] == points["count"] == MANY_COUNT and not points["truncated"]
    assert len(points["id"]) == MANY_COUNT > 1000  # more than one page of /api/incidents
    assert sorted(points["id"]) == sorted(listed_ids(many, "/api/incidents", lambda i: i["incident_id"]))
    assert sum(lat is None for lat in points["lat"]) == MANY_UNPLACED
    assert points["date"][0] == "2015-01-01" and points["date"][-1] == "2024-11-06"  # by first day
    families = [points["families"][n] for n in points["family"]]
    types = [points["types"][n] for n in points["type"]]
    assert families.count("violence") == sum(t in ("attack", "armed_clash", "bombing") for t in types) > 0


@pytest.mark.parametrize("params", [
    {"bbox": "-20,0,50,20"},                       # the Sahel, Lake Chad and the Horn
    {"bbox": "140,-20,-60,60"},                    # across the antimeridian
    {"type": "protest", "date_from": "2019", "date_to": "2020-06"},
    {"family": "violence", "country": "ua"},
    {"q": "roadside", "place": "town 3"},
    {"source": "wire-4.example", "certainty": "reported"},
])
def test_points_match_the_listing_for_every_filter(many, params):
    points = many.get("/api/incidents/points", params=params).json()
    listed = listed_ids(many, "/api/incidents", lambda i: i["incident_id"], **params)
    assert 0 < points["total"] == len(points["id"]) == len(listed) < MANY_COUNT
    assert sorted(points["id"]) == sorted(listed)


def test_event_points_name_the_story_and_event(many):
    points = many.get("/api/events/points", params={"type": "riot"}).json()
    expected = listed_ids(many, "/api/events", lambda e: f"{e['story_id']}/{e['event_id']}", type="riot")
    assert sorted(points["id"]) == sorted(expected) and points["types"] == ["riot"]
    story_id, event_id = points["id"][0].split("/")
    assert event_id in {e["event_id"] for e in many.get(f"/api/stories/{story_id}").json()["events"]}


def test_a_cut_is_said_with_the_total(many):
    points = many.get("/api/incidents/points", params={"limit": 10, "country": "SY"}).json()
    assert points["count"] == len(points["id"]) == 10 and points["truncated"]
    assert points["total"] == many.get("/api/incidents", params={"country": "SY", "limit": 1}).json()["total"] > 10
    bad = many.get("/api/incidents/points", params={"limit": 0})
    assert bad.status_code == 422 and "limit" in bad.json()["error"]["message"]
    assert many.get("/api/incidents/points", params={"bbox": "1,2,3"}).status_code == 422


def town_report(i: int, town: str, lat: float | None, lon: float | None) -> Extraction:
    sentence = f"Gunmen attacked a bus near {town}, killing {i + 2} passengers."
    start = sentence.index("attacked")
    place = EventPlace(name=town, country="KE", admin1="01", lat=lat, lon=lon, precision="place") if lat else None
    event = Event(type="attack", trigger="attacked", trigger_span=(start, start + 8), sentence=sentence,
                  sentence_span=(0, len(sentence)), date=f"2025-0{i + 1}-10", killed=i + 2, place=place)
    story = Story(headline=f"Bus attack near {town}", body=(sentence,), published=f"2025-0{i + 1}-11", events=(event,))
    return Extraction(page=Page(f"rift-{i}", f"Home\n{sentence}", url=f"https://rift-{i}.example/bus"),
                      stories=(story,), nlp_version="nlp-test", coder_version="coder-test")


def test_points_on_both_backends(store_target):
    with open_store(store_target) as store:
        store.add_extractions([town_report(0, "Nakuru", -0.3031, 36.08), town_report(1, "Eldoret", 0.5143, 35.2698),
                               town_report(2, "nowhere", None, None)])
        refresh_incidents(store)
    with TestClient(create_app(store_target)) as client:
        points = client.get("/api/incidents/points").json()
        assert points["date"] == ["2025-01-10", "2025-02-10", "2025-03-10"]
        assert points["lat"] == [-0.3031, 0.5143, None] and points["killed"] == [2, 3, 4]
        assert points["types"] == ["attack"] and points["type"] == [0, 0, 0]
        near = client.get("/api/incidents/points", params={"bbox": "35,0,36,1"}).json()
        assert near["total"] == 1 and near["lon"] == [35.2698]
