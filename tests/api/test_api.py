"""The JSON API in-process (FastAPI's TestClient) over a store made from the bundled
example pages (two outlets on one attack among them) and the hostile page under tests/web/data."""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from dateline.api import create_app  # noqa: E402
from dateline.api.app import check_web_built, locate_static  # noqa: E402
from dateline.store import open_store  # noqa: E402
from dateline.store.incidents import refresh_incidents  # noqa: E402
from dateline.store.ingest import ingest_sources  # noqa: E402

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, repo_root: Path) -> str:
    """The demo pages ingested once for this module, with their incidents grouped."""
    path = str(tmp_path_factory.mktemp("api") / "demo.db")
    with open_store(path) as store:
        ingest_sources([str(repo_root / "examples" / "pages"), str(repo_root / "tests" / "web" / "data")], store)
        refresh_incidents(store)
    return path


@pytest.fixture(scope="module")
def client(demo_db: str):
    with TestClient(create_app(demo_db)) as test_client:
        yield test_client


def test_events_filter_by_actor_and_the_parties_kinds(client):
    attacks = client.get("/api/events", params={"actor_kind": "political_militia", "target_kind": "civilians"}).json()
    assert attacks["total"] == 2 and {e["type"] for e in attacks["items"]} == {"attack"}
    assert all(e["actor"]["kind"] == "political_militia" for e in attacks["items"])
    protests = client.get("/api/incidents", params={"actor": "protesters"}).json()
    assert protests["total"] >= 3 and {i["type"] for i in protests["items"]} == {"protest"}
    assert protests["items"][0]["target"]["kind"] == "state_forces"
    refused = client.get("/api/events", params={"actor_kind": "soldiers"})
    assert refused.status_code == 422 and "actor_kind" in refused.json()["error"]["message"]
    assert "civilians" in client.get("/api/vocabulary").json()["actor_kinds"]


def test_events_filter_by_type_and_date(client):
    found = client.get("/api/events", params={"type": "attack"}).json()
    assert found["total"] == 2 and {e["type"] for e in found["items"]} == {"attack"}
    assert {e["place"]["name"] for e in found["items"]} == {"Maiduguri"}
    in_june = client.get("/api/events", params={"date_from": "2025-06-01", "date_to": "2025-06-15"}).json()
    assert in_june["total"] >= 2
    assert all("2025-06-01" <= e["date"][:10] <= "2025-06-15" for e in in_june["items"])
    before = client.get("/api/events", params={"date_to": "2024-12"}).json()
    assert before["items"] and all(e["date"] < "2025" for e in before["items"])


def test_events_bbox_text_and_source_filters(client):
    africa = client.get("/api/events", params={"bbox": "-20,-35,52,20"}).json()["items"]
    assert africa and all(e["place"]["country"] in {"NG", "KE"} for e in africa)
    words = client.get("/api/events", params={"q": "MOTORCYCLES"}).json()["items"]
    assert 5 in [e["killed"] for e in words]  # the raid on motorcycles, with the other events of its story
    for story_id in {e["story_id"] for e in words}:
        assert "motorcycles" in client.get(f"/api/stories/{story_id}").json()["text"].lower()
    by_source = client.get("/api/events", params={"source": "sahel-wire"}).json()["items"]
    assert by_source and all("sahel-wire" in e["url"] for e in by_source)


def test_events_sort_and_pages(client):
    deadliest = client.get("/api/events", params={"sort": "-killed", "limit": 1}).json()
    assert deadliest["items"][0]["killed"] == 7 and deadliest["limit"] == 1
    everything = client.get("/api/events", params={"limit": 1000}).json()
    pages = [client.get("/api/events", params={"limit": 5, "offset": n}).json()
             for n in range(0, everything["total"], 5)]
    assert [e["event_id"] for p in pages for e in p["items"]] == [e["event_id"] for e in everything["items"]]
    assert {p["total"] for p in pages} == {everything["total"]}


def test_text_search_is_data_not_sql(client):
    before = client.get("/api/events").json()["total"]
    hostile = client.get("/api/events", params={"q": "'; DROP TABLE events; --", "place": "%_\\"})
    assert hostile.status_code == 200 and hostile.json()["total"] == 0
    assert client.get("/api/events").json()["total"] == before


def test_timeline_counts_events_per_day_by_family(client):
    days = client.get("/api/timeline").json()["days"]
    june14 = next(d for d in days if d["date"] == "2025-06-14")
    assert june14["families"]["violence"] == 2
    assert sum(d["total"] for d in days) == client.get("/api/events", params={"date_from": "1900"}).json()["total"]


def test_types_give_each_type_its_family_mapping_and_colour(client):
    found = client.get("/api/types").json()
    types = {item["type"]: item for item in found["types"]}
    assert len(types) == 23
    assert {name for name, item in types.items() if item["violence"]} == {
        "armed_clash", "attack", "bombing", "air_drone_strike", "missile_artillery"}
    assert types["bombing"]["family"] == "violence" and types["bombing"]["core"] is True
    assert (types["arrest"]["acled_sub_event"], types["arrest"]["plover"], types["arrest"]["cameo"]) == (
        "Arrests", "COERCE", "17")
    assert types["meet"]["core"] is False and types["meet"]["acled_event"] is None
    families = {item["family"]: item["colour"] for item in found["families"]}
    assert len(families) == 19 and list(families)[0] == "violence"
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", colour) for colour in families.values())
    assert len(set(families.values())) == 19  # no two families share a colour
    assert all(families[item["family"]] == item["colour"] for item in types.values())
    assert client.get("/api/vocabulary").json()["families"] == list(families)


def test_story_carries_spans_that_point_at_their_words(client):
    story_id = client.get("/api/stories", params={"q": "motorcycles"}).json()["items"][0]["story_id"]
    story = client.get(f"/api/stories/{story_id}").json()
    text = story["text"]
    assert text == "\n\n".join(story["body"])
    for entity in story["entities"]:
        for mention in entity["spans"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
    event = next(e for e in story["events"] if e["type"] == "attack")
    start, end = event["spans"]["trigger"]
    assert text[start:end] == event["trigger"]
    start, end = event["spans"]["counts"]["killed"]
    assert "five" in text[start:end]
    quote = story["quotes"][0]
    assert quote["text"] in text[quote["span"][0]:quote["span"][1] + 1]
    assert story["removed"] and all({"text", "reason"} <= set(r) for r in story["removed"])


def test_quotes_and_entities(client):
    quotes = client.get("/api/quotes", params={"speaker": "nahum"}).json()["items"]
    assert quotes and "deployed more men" in quotes[0]["text"]
    people = client.get("/api/entities", params={"type": "PERSON", "q": "dubois"}).json()["items"]
    assert [p["name"] for p in people] == ["Claire Dubois"]


def test_incident_lists_every_source_and_where_figures_differ(client):
    found = client.get("/api/incidents", params={"type": "attack"}).json()["items"]
    assert len(found) == 1
    incident = client.get(f"/api/incidents/{found[0]['incident_id']}").json()
    assert incident["source_count"] == 2
    assert sorted(s["killed"] for s in incident["sources"]) == [5, 7]
    # the later report ("Death toll ... rises to seven", 7 killed and 9 wounded) revises the first (5 and 12)
    assert "killed" in incident["differ"] and (incident["killed"], incident["killed_low"]) == (7, 5)
    assert (incident["injured"], incident["injured_high"]) == (9, 12)
    assert [s["outlet"] for s in incident["sources"]] == ["north-ledger.example", "sahel-wire.example"]
    assert [p["killed"] for p in incident["history"]] == [5, 7]
    assert all(s["story_id"].startswith(s["page_id"]) for s in incident["sources"])


def test_export_endpoint_gives_acled_csv(client):
    response = client.get("/api/export/acled", params={"type": "attack", "per": "event"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0].startswith("event_date,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
                               "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,country")
    assert len(lines) == 3 and all(",Violence against civilians,Attack," in line for line in lines[1:])
    assert "attachment" in response.headers["content-disposition"]
    incidents = client.get("/api/export/acled", params={"type": "attack"})  # one row per incident by default
    [row] = incidents.text.splitlines()[1:]
    assert ",7," in row and "north-ledger.example; sahel-wire.example" in row


def test_ui_is_served_with_a_strict_content_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "<script type=\"module\" src=\"/static/app.js\">" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert client.get("/static/basemap/labels.json").json()["countries"]  # the offline basemap (docs/ui.md)


def test_every_error_has_one_envelope(demo_db: str):
    """Every 4xx/5xx answers {"error": {"status", "code", "message"}} with the HTTP status inside."""
    app = create_app(demo_db, ingest_token=TOKEN, max_body_bytes=2048, rate_limit=30, rate_window=60)
    with TestClient(app) as limited, TestClient(create_app(demo_db)) as read_only:
        responses = {
            "no such path": limited.get("/api/nothing-here"),
            "no such story": limited.get("/api/stories/0123-4"),
            "bad date": limited.get("/api/events", params={"date_from": "yesterday"}),
            "limit too big": limited.get("/api/events", params={"limit": 100000}),
            "bad sort": limited.get("/api/events", params={"sort": "-nonsense"}),
            "unknown type": limited.get("/api/events", params={"type": "picnic"}),
            "bad bbox": limited.get("/api/events", params={"bbox": "1,2,3"}),
            "wrong method": limited.delete("/api/events"),
            "no export format": limited.get("/api/export/xlsx"),
            "ingest off": read_only.post("/api/ingest", content=b"a page"),
            "wrong token": limited.post("/api/ingest", content=b"a page", headers={"authorization": "Bearer nope"}),
            "too large": limited.post("/api/ingest", content=b"x" * 4096,
                                      headers={"authorization": f"Bearer {TOKEN}"}),
        }
        for _ in range(40):
            last = limited.get("/api/vocabulary")
        responses["too many requests"] = last
    expected = {"no such path": 404, "no such story": 404, "bad date": 422, "limit too big": 422, "bad sort": 422,
                "unknown type": 422, "bad bbox": 422, "wrong method": 405, "no export format": 404,
                "ingest off": 403, "wrong token": 401, "too large": 413, "too many requests": 429}
    for name, response in responses.items():
        assert response.status_code == expected[name], (name, response.text)
        body = response.json()
        assert set(body) == {"error"}, name
        assert set(body["error"]) == {"status", "code", "message"}, name
        assert body["error"]["status"] == response.status_code, name
        assert body["error"]["code"] and body["error"]["message"], name
    assert int(responses["too many requests"].headers["retry-after"]) >= 1


def wait_for_job(client: TestClient, accepted, *, timeout: float = 120) -> dict:
    """The record of an upload's job once it has finished (polling its status URL)."""
    assert accepted.status_code == 202, accepted.text
    url = accepted.json()["status_url"]
    assert accepted.headers["location"] == url
    deadline = time.monotonic() + timeout
    while True:
        record = client.get(url, headers={"authorization": f"Bearer {TOKEN}"}).json()
        if record["status"] not in ("queued", "running") or time.monotonic() > deadline:
            return record
        time.sleep(0.1)


def test_ingest_with_the_token_stores_the_page(tmp_path: Path, demo_db: str):
    target = tmp_path / "ingest.db"
    open_store(str(target)).close()
    page = ("Dockers strike in Antwerp over pension plans\n\n2025-07-02 09:00\n\n"
            "ANTWERP, Belgium - Hundreds of dock workers walked off the job in Antwerp on Wednesday to protest "
            "against a pension reform, their union said.\n\nThe strike halted loading at two terminals, "
            "port officials said.\n")
    with TestClient(create_app(str(target), ingest_token=TOKEN)) as writer:
        refused = writer.post("/api/ingest", content=page.encode(), headers={"authorization": "Bearer " + TOKEN[:-1]})
        assert refused.status_code == 401
        accepted = writer.post("/api/ingest", params={"name": "antwerp strike.txt"}, content=page.encode(),
                               headers={"authorization": f"Bearer {TOKEN}", "content-type": "text/plain"})
        assert accepted.json()["status"] == "queued" and accepted.json()["records"] == 1
        report = wait_for_job(writer, accepted)
        assert report["status"] == "done", report
        assert report["source"] == "upload:antwerp-strike.txt" and report["stories_added"] == 1
        assert report["incidents"].startswith("regrouped")
        stories = writer.get("/api/stories", params={"q": "dock workers"}).json()["items"]
        assert [s["source"] for s in stories] == ["upload:antwerp-strike.txt"]
        again = wait_for_job(writer, writer.post("/api/ingest", content=page.encode(),
                                                 headers={"authorization": f"Bearer {TOKEN}"}))
        assert again["pages_added"] == 0 and again["pages_unchanged"] == 1 and again["incidents"] == "up to date"
        unknown = writer.get("/api/ingest/jobs/" + "0" * 32, headers={"authorization": f"Bearer {TOKEN}"})
        assert unknown.status_code == 404
        assert writer.get(accepted.json()["status_url"]).status_code == 401  # the token again


def test_api_doc_names_every_endpoint(client, repo_root: Path):
    """docs/api.md cannot drift from the routes: each path of the OpenAPI spec is in its table."""
    text = (repo_root / "docs" / "api.md").read_text(encoding="utf-8")
    for path, methods in client.get("/openapi.json").json()["paths"].items():
        for method in methods:
            assert f"`{method.upper()} {path}`" in text, f"docs/api.md does not describe {method.upper()} {path}"


def test_interactive_docs_load_without_a_cdn(client):
    """/docs is Swagger UI built with the web UI (swagger-ui-dist), served from here, under the
    page's own Content-Security-Policy; a server whose UI was never built points to the spec.
    That it renders the spec's operations is tested in a browser (tests/web/test_navigation.py)."""
    response = client.get("/docs")
    if not check_web_built(locate_static()):
        assert response.status_code == 503 and "/openapi.json" in response.text
        return
    page = response.text
    assert "/static/docs/swagger-ui-bundle.js" in page and "/static/docs/docs.js" in page
    assert "cdn" not in page.lower() and "<script>" not in page  # no inline script: the CSP holds
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "dateline"
