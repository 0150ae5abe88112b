"""/api/incidents/clusters and /api/incidents/days (and the events' own): what the map and the
timeline draw on a large store, counted in SQL. The cells add up to what the filters match,
a box keeps only what it holds (across the antimeridian too), a closer zoom splits the cells,
a lone incident's cell names it, and a bad box or zoom is a 422; on SQLite and PostgreSQL."""
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

# name, country, lat, lon: two towns in Kenya 90 km apart, two either side of the antimeridian, one in Peru
TOWNS = (("Nakuru", "KE", -0.3031, 36.08), ("Narok", "KE", -1.0833, 35.8667), ("Suva", "FJ", -18.1416, 178.4419),
         ("Apia", "WS", -13.8333, -171.7667), ("Lima", "PE", -12.0464, -77.0428))
PER_TOWN = 4
UNPLACED = 2


def bus_attack(i: int, town: tuple[str, str, float, float] | None) -> Extraction:
    """Incident ``i``: a bus attack at the town (or nowhere) on its own day, i + 1 killed."""
    name = town[0] if town else "a road nobody named"
    sentence = f"Gunmen attacked a bus near {name}, killing {i + 1} passengers."
    start = sentence.index("attacked")
    place = EventPlace(name=town[0], country=town[1], admin1="01", lat=town[2], lon=town[3],
                       precision="place") if town else None
    day = f"20{10 + i % 12}-{1 + i % 12:02d}-{1 + i % 27:02d}"
    event = Event(type="attack" if i % 3 else "bombing", trigger="attacked", trigger_span=(start, start + 8),
                  sentence=sentence, sentence_span=(0, len(sentence)), date=day, killed=i + 1, place=place)
    story = Story(headline=f"Bus attack near {name}", body=(sentence,), published=day, events=(event,))
    return Extraction(page=Page(f"road-{i}", f"Home\n{sentence}", url=f"https://road-{i}.example/bus"),
                      stories=(story,), nlp_version="nlp-test", coder_version="coder-test")


@pytest.fixture
def client(store_target):
    reports = [bus_attack(i, TOWNS[i % len(TOWNS)]) for i in range(len(TOWNS) * PER_TOWN)]
    reports += [bus_attack(len(reports) + i, None) for i in range(UNPLACED)]
    with open_store(store_target) as store:
        store.add_extractions(reports)
        refresh_incidents(store)
    with TestClient(create_app(store_target)) as served:
        yield served


def listed(client, **params) -> list[dict]:
    return client.get("/api/incidents", params={**params, "limit": 1000}).json()["items"]


def test_the_cells_add_up_to_what_the_filters_match(client):
    incidents = listed(client)
    assert len(incidents) == len(TOWNS) * PER_TOWN + UNPLACED
    by_id = {i["incident_id"]: i for i in incidents}
    counts = []
    for zoom in (0, 2, 6, 12):
        found = client.get("/api/incidents/clusters", params={"zoom": zoom}).json()
        assert found["total"] == len(incidents) and found["unplaced"] == UNPLACED
        assert sum(c["count"] for c in found["cells"]) == found["located"] == len(incidents) - UNPLACED
        assert sum(c["killed"] for c in found["cells"]) == sum(i["killed"] for i in incidents if i["lat"] is not None)
        for cell in found["cells"]:
            assert sum(cell["families"].values()) == cell["count"]
            west, south, east, north = cell["bounds"]
            assert west <= cell["lon"] <= east and south <= cell["lat"] <= north
            assert (cell["id"] is not None) == (cell["count"] == 1)
            if cell["id"]:
                assert (by_id[cell["id"]]["lat"], by_id[cell["id"]]["lon"]) == (cell["lat"], cell["lon"])
        counts.append(len(found["cells"]))
    # the two Kenyan towns share a cell of 90, 22.5 and 1.4 degrees (zoom 0, 2, 6), not of 0.02 (zoom 12)
    assert counts == [len(TOWNS) - 1] * 3 + [len(TOWNS)]


@pytest.mark.parametrize(("bbox", "towns"), [
    ("30,-5,40,5", {"Nakuru", "Narok"}),
    ("170,-25,-170,-10", {"Suva", "Apia"}),   # across the antimeridian
    ("-180,-90,180,90", {town[0] for town in TOWNS}),
])
def test_a_box_keeps_what_it_holds(client, bbox, towns):
    found = client.get("/api/incidents/clusters", params={"zoom": 8, "bbox": bbox, "type": "attack"}).json()
    expected = listed(client, bbox=bbox, type="attack")
    assert {i["place_name"] for i in expected} == towns
    assert found["total"] == sum(c["count"] for c in found["cells"]) == len(expected) > 0
    assert found["unplaced"] == 0  # a box holds placed incidents only
    west, south, east, north = (float(v) for v in bbox.split(","))
    for cell in found["cells"]:
        assert south <= cell["lat"] <= north
        assert (west <= cell["lon"] <= east) if west <= east else (cell["lon"] >= west or cell["lon"] <= east)


def test_the_days_count_every_dated_incident_and_its_dead(client):
    days = client.get("/api/incidents/days", params={"type": "bombing"}).json()
    bombings = listed(client, type="bombing")
    assert days["total"] == sum(days["count"]) == len(bombings) > 0
    assert days["date"] == sorted(days["date"]) and len(set(days["date"])) == len(days["date"])
    assert sum(days["killed"]) == sum(i["killed"] for i in bombings)
    assert set(days["date"]) == {i["date"][:10] for i in bombings}


@pytest.mark.parametrize("params", [
    {"zoom": 2, "bbox": "1,2,3"},
    {"zoom": 2, "bbox": "10,5,20,-5"},     # south above north
    {"zoom": 19},
    {"zoom": -1},
    {"zoom": "near"},
    {},                                     # no zoom
    {"zoom": 2, "zoom_level": 3},           # a parameter it does not take
])
def test_a_bad_box_or_zoom_is_refused(client, params):
    answer = client.get("/api/incidents/clusters", params=params)
    assert answer.status_code == 422
    message = answer.json()["error"]["message"]
    assert ("bbox" in message) if "bbox" in params else ("zoom" in message)


@pytest.fixture(scope="module")
def many(many_incidents_db: str):
    with TestClient(create_app(many_incidents_db)) as served:
        yield served


def test_the_world_view_of_many_incidents_is_a_few_cells(many):
    world = many.get("/api/incidents/clusters", params={"zoom": 1}).json()
    assert world["total"] == MANY_COUNT and world["unplaced"] == MANY_UNPLACED
    assert sum(c["count"] for c in world["cells"]) == MANY_COUNT - MANY_UNPLACED
    assert len(world["cells"]) < 20  # what the browser draws, not 1,176 points
    closer = many.get("/api/incidents/clusters", params={"zoom": 7}).json()
    assert len(closer["cells"]) > len(world["cells"]) and closer["located"] == world["located"]


def test_a_lone_event_is_named_as_the_points_name_it(many):
    first_day = {"date_from": "2015-01-01", "date_to": "2015-01-01"}  # the fixture's first event alone
    found = many.get("/api/events/clusters", params={"zoom": 2, **first_day}).json()
    points = many.get("/api/events/points", params=first_day).json()
    assert found["total"] == points["total"] == len(found["cells"]) == 1
    assert found["cells"][0]["id"] == points["id"][0]
    story_id, event_id = found["cells"][0]["id"].split("/")
    assert event_id in {e["event_id"] for e in many.get(f"/api/stories/{story_id}").json()["events"]}
    days = many.get("/api/events/days", params={"type": "riot"}).json()
    assert days["total"] == many.get("/api/events", params={"type": "riot", "limit": 1}).json()["total"]
