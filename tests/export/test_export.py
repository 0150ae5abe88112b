"""Exports: ACLED CSV columns and sub-event choices, PLOVER JSON, GeoJSON, JSON Lines,
and `dateline export` as a user runs it."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from dateline.export import ExportResult, write_export
from dateline.export.acled import ACLED_COLUMNS, measure_time_precision
from dateline.event_types import list_types
from dateline.models import Event, EventPlace, Extraction, Page, Party, Story
from dateline.store import open_store
from dateline.store.base import StoredEvent

KYIV = EventPlace(name="Kyiv", country="UA", admin1="12", lat=50.45, lon=30.52, precision="place")


def make_event(type: str, sentence: str, *, trigger: str = "struck", place: EventPlace | None = KYIV,
               date: str | None = "2024-05-02", date_end: str | None = None, killed: int | None = None,
               injured: int | None = None, actors: tuple[str, ...] = (), targets: tuple[str, ...] = (),
               actor: Party | None = None, target: Party | None = None) -> StoredEvent:
    event = Event(type=type, trigger=trigger, trigger_span=(0, len(trigger)), sentence=sentence,
                  sentence_span=(0, len(sentence)), place=place, date=date, date_end=date_end, killed=killed,
                  injured=injured, actors=actors, targets=targets, actor=actor, target=target)
    return StoredEvent(page_id="p1", source="page.txt", url="https://news.example/a", story_position=0,
                       headline="Headline", published="2024-05-03", event=event)


def export_acled(events: list[StoredEvent]) -> tuple[list[dict[str, str]], ExportResult]:
    out = io.StringIO()
    result = write_export(events, "acled", out)
    out.seek(0)
    return list(csv.DictReader(out)), result


@pytest.mark.parametrize("type, sentence, sub_event, event_type", [
    ("bombing", "A suicide bomber blew himself up at a checkpoint.", "Suicide bomb", "Explosions/Remote violence"),
    ("bombing", "Attackers threw a grenade into the crowd.", "Grenade", "Explosions/Remote violence"),
    ("bombing", "A roadside bomb hit a bus.", "Remote explosive/landmine/IED", "Explosions/Remote violence"),
    ("territory_change", "Government forces recaptured the town.", "Government regains territory", "Battles"),
    ("territory_change", "The rebels seized the town.", "Non-state actor overtakes territory", "Battles"),
    ("protest", "Police fired tear gas at the marchers.", "Protest with intervention", "Protests"),
    ("protest", "Thousands marched peacefully.", "Peaceful protest", "Protests"),
    ("riot", "A mob set fire to the police station.", "Mob violence", "Riots"),
    ("air_drone_strike", "A drone struck a depot.", "Air/drone strike", "Explosions/Remote violence"),
    ("arrest", "Police detained four men.", "Arrests", "Strategic developments"),
])
def test_acled_sub_event_follows_the_mapping_and_the_words(type, sentence, sub_event, event_type):
    rows, _ = export_acled([make_event(type, sentence)])
    assert rows[0]["sub_event_type"] == sub_event and rows[0]["event_type"] == event_type


def test_acled_columns_names_and_figures():
    rows, result = export_acled([
        make_event("missile_artillery", "Missiles killed 3 and wounded 10.", killed=3, injured=10,
                   actors=("Russian forces",), targets=("civilians",),
                   actor=Party("Military Forces of Russia", "state_forces", "RU"),
                   target=Party("civilians", "civilians", "UA")),
        make_event("attack", "Gunmen opened fire.", place=None),
    ])
    assert tuple(rows[0]) == ACLED_COLUMNS
    first = rows[0]
    assert first["country"] == "Ukraine" and first["admin1"] == "Kyiv" and first["location"] == "Kyiv"
    assert (first["fatalities"], first["injured"], first["arrested"]) == ("3", "10", "")
    assert (first["actor1"], first["actor2"]) == ("Military Forces of Russia (2000-)", "Civilians (Ukraine)")
    assert (first["inter1"], first["inter2"], first["interaction"]) == ("1", "7", "17")
    assert first["civilian_targeting"] == "Civilian targeting"
    assert (rows[1]["actor1"], rows[1]["inter1"], rows[1]["actor2"], rows[1]["inter2"], rows[1]["interaction"]) == (
        "Unidentified Armed Group", "3", "", "0", "30")  # no doer named, no place: ACLED's unnamed armed group
    assert (first["latitude"], first["longitude"], first["geo_precision"]) == ("50.45", "30.52", "1")
    assert first["source"] == "https://news.example/a" and first["notes"] == "Missiles killed 3 and wounded 10."
    assert rows[1]["fatalities"] == "0" and rows[1]["country"] == ""  # ACLED's 0 for no reported figure
    assert result.written == 2 and result.left_out == 0


def test_acled_leaves_out_what_acled_does_not_code():
    rows, result = export_acled([
        make_event("disaster", "A flood killed two.", killed=2),
        make_event("warn", "Officials warned of more rain."),
        make_event("attack", "Gunmen opened fire.", date=None),
        make_event("attack", "Gunmen opened fire on Monday."),
    ])
    assert [r["notes"] for r in rows] == ["Gunmen opened fire on Monday."]
    assert result.left_out == 3


@pytest.mark.parametrize("start, end, precision", [
    ("2024-05-02", None, 1), ("2024-05-02", "2024-05-02", 1), ("2024-05-02", "2024-05-05", 2),
    ("2024-05-02", "2024-05-20", 3), ("2024-05", None, 3), ("2024", None, 3),
])
def test_acled_time_precision(start, end, precision):
    assert measure_time_precision(start, end) == precision


def test_every_type_of_the_spec_has_a_mapping(shared_dir: Path):
    spec = (shared_dir / "spec" / "events.md").read_text(encoding="utf-8")
    types = set(re.findall(r"^\| `([a-z_]+)` \|", spec, flags=re.MULTILINE))
    assert len(types) == 23
    assert types == set(list_types())


def test_plover_json_maps_types_and_leaves_out_the_rest():
    out = io.StringIO()
    result = write_export([make_event("air_drone_strike", "A drone struck.", killed=1, actors=("army",)),
                           make_event("interception", "Air defences downed a drone."),
                           make_event("meet", "The ministers met.")], "plover", out)
    document = json.loads(out.getvalue())
    assert [e["event_type"] for e in document["events"]] == ["ASSAULT", "CONSULT"]
    assert document["events"][0]["actor_name"] == ["army"] and document["events"][0]["country"] == "Ukraine"
    assert document["events"][0]["killed"] == 1 and result.left_out == 1


def test_geojson_points_are_lon_lat_and_unplaced_events_have_no_geometry():
    out = io.StringIO()
    write_export([make_event("attack", "Shots.", killed=2), make_event("attack", "Shots.", place=None)], "geojson", out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    located, unplaced = collection["features"]
    assert located["geometry"] == {"type": "Point", "coordinates": [30.52, 50.45]}
    assert located["properties"]["killed"] == 2 and located["properties"]["family"] == "violence"
    assert unplaced["geometry"] is None


def test_json_lines_one_record_per_event():
    out = io.StringIO()
    write_export([make_event("attack", "One."), make_event("protest", "Two.")], "jsonl", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["sentence"] for r in records] == ["One.", "Two."]
    assert records[0]["story_id"] == "p1-0" and records[0]["place"]["name"] == "Kyiv"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="acled, plover, geojson, jsonl"):
        write_export([], "xlsx", io.StringIO())


def fill_store(path: Path) -> None:
    text = "KHARKIV, Ukraine - A missile strike killed three people on Monday. Police arrested two men."
    events = (
        Event(type="missile_artillery", trigger="missile strike", trigger_span=(21, 35), sentence=text,
              sentence_span=(0, len(text)), date="2025-03-03", killed=3,
              place=EventPlace(name="Kharkiv", country="UA", lat=49.98, lon=36.25, precision="place")),
        Event(type="arrest", trigger="arrested", trigger_span=(74, 82), sentence=text, sentence_span=(0, len(text)),
              date="2025-03-04", arrested=2,
              place=EventPlace(name="Kharkiv", country="UA", lat=49.98, lon=36.25, precision="place")),
    )
    story = Story(headline="Strike on Kharkiv", body=(text,), published="2025-03-04", events=events)
    with open_store(str(path)) as store:
        store.add_extractions([Extraction(page=Page(source="kharkiv.txt", text=text), stories=(story,),
                                          nlp_version="test", coder_version="test")])


def test_export_command_writes_a_file_with_the_filters(run_cli, tmp_path: Path):
    db = tmp_path / "store.db"
    fill_store(db)
    out = tmp_path / "events.csv"
    done = run_cli("export", "acled", "--per", "event", "--db", str(db), "--type", "arrest", "--output", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["sub_event_type"], r["arrested"]) for r in rows] == [("Arrests", "2")]
    assert "1 events exported as acled" in done.stderr
    geo = run_cli("export", "geojson", "--per", "event", "--db", str(db), "--since", "2025-03-04")
    assert len(json.loads(geo.stdout)["features"]) == 1


def test_export_command_writes_one_row_per_incident_by_default(run_cli, tmp_path: Path):
    db = tmp_path / "store.db"
    fill_store(db)
    done = run_cli("export", "csv", "--db", str(db), "--since", "2025-03-04")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["type"], r["arrested"], r["sources"]) for r in rows] == [("arrest", "2", "kharkiv.txt")]
    assert "1 incidents exported as csv" in done.stderr
    plover = run_cli("export", "plover", "--db", str(db))
    assert plover.returncode == 2 and "per incident" in plover.stderr


def test_export_command_refuses_bad_input(run_cli, tmp_path: Path):
    db = tmp_path / "store.db"
    fill_store(db)
    assert run_cli("export", "xlsx", "--db", str(db)).returncode == 2
    assert run_cli("export", "acled", "--db", str(db), "--since", "last week").returncode == 2
    missing = run_cli("export", "acled", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2 and "no database" in missing.stderr


@pytest.mark.parametrize("actor, target, expected", [
    (Party("Rapid Support Forces", "rebels", "SD"), Party("villagers", "civilians", "SD"),
     ("Rapid Support Forces", "", "2", "Civilians (Sudan)", "Villagers (Sudan)", "7", "27")),
    (Party("protesters", "protesters", "KE"), Party("Police Forces of Kenya", "state_forces", "KE"),
     ("Protesters (Kenya)", "", "6", "Police Forces of Kenya", "", "1", "16")),
    (Party("Kyauk Lone Gyi militia", "political_militia", "MM"), None,
     ("Kyauk Lone Gyi militia", "", "3", "", "", "0", "30")),
    (Party("journalists", "civilians", "SO"), None,
     ("Civilians (Somalia)", "Journalists (Somalia)", "7", "", "", "0", "70")),
])
def test_acled_actors_by_acled_names_with_their_inter_codes(actor, target, expected):
    rows, _ = export_acled([make_event("attack", "They attacked.", actor=actor, target=target)])
    columns = ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction")
    assert tuple(rows[0][name] for name in columns) == expected


def test_plover_gives_the_actor_and_the_recipient():
    out = io.StringIO()
    write_export([make_event("air_drone_strike", "An RSF drone hit a market.", actors=("RSF",), targets=("a market",),
                             actor=Party("Rapid Support Forces", "rebels", "SD"),
                             target=Party("civilians", "civilians", "SD"))], "plover", out)
    [record] = json.loads(out.getvalue())["events"]
    assert record["actor"] == {"name": "Rapid Support Forces", "country": "SD", "sector": "rebels", "cameo": "SDNREB"}
    assert record["recipient"] == {"name": "civilians", "country": "SD", "sector": "civilians", "cameo": None}
    assert record["actor_name"] == ["RSF"] and record["recipient_name"] == ["a market"]


def test_summary_command_gives_the_apis_summary(run_cli, tmp_path: Path):
    db = tmp_path / "store.db"
    fill_store(db)
    done = run_cli("summary", "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["total"] == {"incidents": 2, "events": 2, "killed": 3, "injured": 0, "arrested": 2, "countries": 1}
    assert [(row["key"], row["name"]) for row in summary["by_country"]] == [("UA", "Ukraine")]
    rows = list(csv.DictReader(io.StringIO(run_cli("summary", "--db", str(db), "--format", "csv",
                                                   "--type", "arrest").stdout)))
    assert [(r["table"], r["key"], r["arrested"]) for r in rows] == [("total", "", "2"), ("country", "UA", "2"),
                                                                      ("month", "2025-03", "2")]
    table = run_cli("summary", "--db", str(db))
    assert table.returncode == 0 and "Ukraine" in table.stdout
