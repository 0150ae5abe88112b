"""/api/summary and /api/export/{format} over one made-up store, on SQLite and PostgreSQL: one
row per incident by default, the totals of an incident CSV equal to the summary's for the same
filter, every filter honoured, and what an export leaves out said in its headers."""
from __future__ import annotations

import csv
import io
import json

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from dateline.models import Event, EventPlace, Extraction, Page, Story  # noqa: E402
from made_up_reports import serve_client  # noqa: E402

MOPTI = EventPlace(name="Mopti", country="ML", admin1="04", lat=14.49, lon=-4.19, precision="place")
BAMAKO = EventPlace(name="Bamako", country="ML", admin1="08", lat=12.65, lon=-8.0, precision="place")
NIAMEY = EventPlace(name="Niamey", country="NE", admin1="08", lat=13.51, lon=2.11, precision="place")
TILLABERI = EventPlace(name="Tillaberi region", country="NE", admin1="06", precision="region")


def report(outlet: str, n: int, sentence: str, trigger: str, *, date: str | None, published: str,
           place: EventPlace | None, kind: str = "attack", killed: int | None = None,
           injured: int | None = None) -> Extraction:
    start = sentence.index(trigger)
    event = Event(type=kind, trigger=trigger, trigger_span=(start, start + len(trigger)), sentence=sentence,
                  sentence_span=(0, len(sentence)), date=date, killed=killed, injured=injured, place=place)
    story = Story(headline=sentence[:40], body=(sentence,), published=published, events=(event,))
    return Extraction(page=Page(f"/feeds/{outlet}.jsonl#{n}", sentence, url=f"https://www.{outlet}.example/{n}"),
                      stories=(story,), nlp_version="nlp-test", coder_version="coder-test")


REPORTS = [
    # one Mopti attack told by three outlets: 5 killed, then the toll rises to 8 (12 in one rumour the day before)
    report("niger-wire", 1, "Gunmen attacked the Mopti cattle market, killing five and wounding six.", "attacked",
           date="2025-01-06", published="2025-01-06", place=MOPTI, killed=5, injured=6),
    report("delta-news", 1, "Twelve people died when gunmen attacked the market in Mopti, a trader said.",
           "attacked", date="2025-01-06", published="2025-01-06T20:00", place=MOPTI, killed=12),
    report("niger-wire", 2, "The toll of Monday's attack on the Mopti market rose to eight.", "attack",
           date="2025-01-06", published="2025-01-07", place=MOPTI, killed=8),
    report("capital-fm", 1, "Soldiers shot two protesters dead in Bamako on Friday.", "shot",
           date="2025-01-10", published="2025-01-10", place=BAMAKO, killed=2),
    report("capital-fm", 2, "Police arrested dozens after a rally in Niamey turned violent.", "rally",
           date="2025-02-03", published="2025-02-03", place=NIAMEY, kind="protest", injured=3),
    report("sahel-radio", 1, "A bomb exploded on a road in Tillaberi region, killing four soldiers.", "exploded",
           date="2025-02-14", published="2025-02-14", place=TILLABERI, kind="bombing", killed=4),
    report("sahel-radio", 2, "Villagers say armed men attacked their village last year, killing one.", "attacked",
           date=None, published="2025-02-20", place=None, killed=1),
]


@pytest.fixture
def client(store_of):
    yield from serve_client(store_of(REPORTS))


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_summary_gives_headline_figures_and_tables_by_country_and_month(client) -> None:
    answer = client.get("/api/summary")
    assert answer.status_code == 200, answer.text
    summary = answer.json()
    # Mopti counts once with the latest report's 8 (not 5, not 5+12+8), injured 6 from the only report giving it
    assert summary["total"] == {"incidents": 5, "events": 7, "killed": 8 + 2 + 4 + 1, "injured": 6 + 3,
                                "arrested": 0, "countries": 2}
    assert [(row["key"], row["name"], row["incidents"], row["killed"]) for row in summary["by_country"]] == [
        ("ML", "Mali", 2, 10), ("NE", "Niger", 2, 4), (None, None, 1, 1)]
    assert [(row["key"], row["incidents"], row["killed"]) for row in summary["by_month"]] == [
        ("2025-01", 2, 10), ("2025-02", 2, 4), (None, 1, 1)]
    niger = client.get("/api/summary", params={"country": "NE", "type": "bombing"}).json()
    assert niger["total"]["incidents"] == 1 and niger["total"]["killed"] == 4


def test_the_summary_exports_as_csv(client) -> None:
    rows = read_csv(client.get("/api/summary.csv", params={"date_from": "2025-01"}).text)
    assert rows[0]["table"] == "total" and rows[0]["killed"] == "14" and rows[0]["incidents"] == "4"
    assert [(r["table"], r["key"], r["name"]) for r in rows[1:]] == [
        ("country", "ML", "Mali"), ("country", "NE", "Niger"), ("month", "2025-01", ""), ("month", "2025-02", "")]


@pytest.mark.parametrize("params", [{}, {"country": "ML"}, {"q": "market"}, {"date_from": "2025-02"},
                                    {"family": "violence", "bbox": "-10,10,0,20"}])
def test_an_incident_csv_has_one_row_per_listed_incident_and_the_summarys_totals(client, params) -> None:
    answer = client.get("/api/export/csv", params=params)
    assert answer.status_code == 200, answer.text
    rows = read_csv(answer.text)
    listed = client.get("/api/incidents", params={**params, "limit": 1000}).json()
    assert sorted(r["incident_id"] for r in rows) == sorted(i["incident_id"] for i in listed["items"])
    total = client.get("/api/summary", params=params).json()["total"]
    for name in ("killed", "injured", "arrested"):
        assert sum(int(r[name] or 0) for r in rows) == total[name]
    assert len(rows) == total["incidents"] == int(answer.headers["x-dateline-rows"])
    assert answer.headers["x-dateline-left-out"] == "0"


def test_an_incident_names_its_outlets_not_its_files(client) -> None:
    rows = read_csv(client.get("/api/export/csv", params={"place": "mopti"}).text)
    [mopti] = rows
    assert mopti["sources"] == "niger-wire.example; delta-news.example"
    assert (mopti["killed"], mopti["killed_low"], mopti["killed_high"], mopti["injured"]) == ("8", "5", "12", "6")


def test_geojson_and_acled_say_what_they_leave_out_and_why(client) -> None:
    geo = client.get("/api/export/geojson")
    features = json.loads(geo.text)["features"]
    assert len(features) == int(geo.headers["x-dateline-rows"]) == 3  # the region and the unplaced one lack a point
    assert geo.headers["x-dateline-left-out"] == "2"
    assert geo.headers["x-dateline-left-out-reasons"] == "2 no coordinates"
    acled = client.get("/api/export/acled")
    rows = read_csv(acled.text)
    assert len(rows) == 4 and acled.headers["x-dateline-left-out-reasons"] == "1 no date"
    mopti = next(r for r in rows if r["location"] == "Mopti")
    assert (mopti["fatalities"], mopti["source"]) == ("8", "niger-wire.example; delta-news.example")
    count = client.get("/api/export/geojson/count").json()
    assert count == {"per": "incident", "rows": 3, "left_out": 2, "reasons": {"no coordinates": 2}}


def test_per_event_exports_every_source_event_and_a_limit_is_no_silent_cut(client) -> None:
    events = client.get("/api/export/jsonl", params={"per": "event", "country": "ML"})
    assert len(events.text.splitlines()) == 4 == int(events.headers["x-dateline-rows"])
    cut = client.get("/api/export/csv", params={"limit": 2})
    assert len(read_csv(cut.text)) == 2
    assert cut.headers["x-dateline-left-out-reasons"] == "3 over the limit"


def count_rows(fmt: str, text: str) -> int:
    """The rows of an export file, read back from it."""
    if fmt in ("csv", "acled"):
        return len(read_csv(text))
    if fmt in ("geojson", "plover"):
        return len(json.loads(text)["features" if fmt == "geojson" else "events"])
    return len(text.splitlines())


def test_the_count_before_a_download_is_what_the_file_holds_and_its_headers_say(client) -> None:
    views = [{}, {"country": "NE"}, {"date_from": "2025-02", "limit": 1}, {"q": "market"}]
    for per, formats in (("incident", ("csv", "acled", "geojson", "jsonl")),
                         ("event", ("acled", "plover", "geojson", "jsonl"))):
        for fmt, params in ((fmt, {**view, "per": per}) for fmt in formats for view in views):
            answer = client.get(f"/api/export/{fmt}", params=params)
            count = client.get(f"/api/export/{fmt}/count", params=params).json()
            assert count["rows"] == count_rows(fmt, answer.text), (fmt, params)
            assert {name: value for name, value in answer.headers.items() if name.startswith("x-dateline-")} == {
                "x-dateline-rows": str(count["rows"]), "x-dateline-left-out": str(count["left_out"]),
                "x-dateline-left-out-reasons": "; ".join(f"{n} {why}" for why, n in count["reasons"].items())}


@pytest.mark.parametrize("path, params, status", [
    ("/api/export/plover", {}, 422),                    # PLOVER is per event only
    ("/api/export/csv", {"per": "event"}, 422),         # so is the incident CSV per incident only
    ("/api/export/csv", {"per": "story"}, 422),
    ("/api/export/xlsx", {}, 404),
    ("/api/summary", {"date_from": "last week"}, 422),
])
def test_bad_export_and_summary_requests_are_refused(client, path, params, status) -> None:
    answer = client.get(path, params=params)
    assert answer.status_code == status
    assert answer.json()["error"]["status"] == status
