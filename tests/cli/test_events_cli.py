"""`dateline events` and `dateline eval` as a user runs them: stored events as a
table, JSON Lines or CSV, narrowed by the filters; clear errors for bad flags;
`eval` prints a row per annotated page and a TOTAL line."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dateline.models import Event, EventPlace, Extraction, Page, Party, Story
from dateline.store import open_store

SENTENCE = "Rockets hit the market in Sallow Bay on Friday, killing two traders, officials said."


def stored_events(db: Path) -> None:
    place = EventPlace("Sallow Bay", "XA", admin1="Lowlands", lat=40.1, lon=20.2)
    rockets = Event("missile_artillery", "Rockets", (0, 7), SENTENCE, (0, len(SENTENCE)), place=place,
                    date="2025-06-13", killed=2, certainty="reported", coder_version="coder-test",
                    actor=Party("Rapid Support Forces", "rebels", "SD"), target=Party("civilians", "civilians", "XA"))
    march = Event("protest", "marched", (11, 18), "Hundreds marched in Grell on Sunday.", (0, 36),
                  place=EventPlace("Grell", "XB"), date="2025-06-15", certainty="claimed",
                  coder_version="coder-test", actor=Party("protesters", "protesters", "XB"))
    story = Story(headline="Rockets hit market", body=(SENTENCE,), events=(rockets, march))
    page = Page(source="pages/market.txt", text=SENTENCE)
    with open_store(str(db)) as store:
        store.add_extractions([Extraction(page=page, stories=(story,), coder_version="coder-test")])


@pytest.fixture
def db(tmp_db) -> Path:
    stored_events(tmp_db)
    return tmp_db


def test_events_are_listed_as_a_table_by_default(run_cli, db) -> None:
    done = run_cli("events", "--db", str(db))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "missile_artillery" in done.stdout and "Sallow Bay" in done.stdout
    rocket_row = next(line for line in lines if "missile_artillery" in line)
    assert "2025-06-13" in rocket_row and " 2 " in rocket_row
    assert "Rapid Support Forces (SD) -> civilians (XA)" in rocket_row  # who did it to whom
    assert "2 events listed (2 stored)" in done.stderr


def test_events_as_json_lines_hold_the_event_record_and_its_source(run_cli, db) -> None:
    done = run_cli("events", "--db", str(db), "--format", "json", "--type", "missile_artillery")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 1
    record = records[0]
    assert (record["source"], record["story"], record["type"], record["killed"]) == (
        "pages/market.txt", 0, "missile_artillery", 2)
    place = {key: record["place"][key] for key in ("name", "country", "admin1", "lat", "lon")}
    assert place == {"name": "Sallow Bay", "country": "XA", "admin1": "Lowlands", "lat": 40.1, "lon": 20.2}
    assert record["sentence"] == SENTENCE and record["certainty"] == "reported"
    assert record["actor"] == {"name": "Rapid Support Forces", "kind": "rebels", "country": "SD"}
    assert record["target"] == {"name": "civilians", "kind": "civilians", "country": "XA"}


def test_events_as_csv_have_a_header_and_a_row_per_event(run_cli, db) -> None:
    done = run_cli("events", "--db", str(db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["type"], r["place"], r["country"], r["killed"]) for r in rows] == [
        ("missile_artillery", "Sallow Bay", "XA", "2"), ("protest", "Grell", "XB", "")]
    assert rows[0]["sentence"] == SENTENCE  # the comma-laden sentence survives quoting
    assert (rows[0]["actor"], rows[0]["actor_kind"], rows[0]["target_kind"]) == (
        "Rapid Support Forces", "rebels", "civilians")
    assert (rows[1]["actor"], rows[1]["target"]) == ("protesters", "")


@pytest.mark.parametrize("flags, expected", [
    (["--country", "XB"], ["protest"]),
    (["--place", "sallow"], ["missile_artillery"]),
    (["--since", "2025-06-14"], ["protest"]),
    (["--until", "2025-06-13"], ["missile_artillery"]),
    (["--certainty", "claimed"], ["protest"]),
    (["--family", "violence"], ["missile_artillery"]),
    (["--limit", "1"], ["missile_artillery"]),
    (["--since", "2026"], []),
    (["--actor", "RSF"], ["missile_artillery"]),  # the dictionary knows the RSF by its acronym
    (["--actor", "support forces"], ["missile_artillery"]),
    (["--actor-kind", "protesters"], ["protest"]),
    (["--target-kind", "civilians"], ["missile_artillery"]),
    (["--min-killed", "1"], ["missile_artillery"]),
    (["--min-killed", "3"], []),
    (["--type", "protest,missile_artillery"], ["missile_artillery", "protest"]),  # a comma list: either
    (["--text", "traders officials"], ["missile_artillery", "protest"]),  # both events of the story holding both
    (["--text", "traders -officials"], []),
    (["--since", "2025-06", "--until", "2025-06-14"], ["missile_artillery"]),
])
def test_event_filters_narrow_the_list(run_cli, db, flags, expected) -> None:
    done = run_cli("events", "--db", str(db), "--format", "json", *flags)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["type"] for line in done.stdout.splitlines()] == expected


@pytest.mark.parametrize("flags, message", [
    (["--format", "xml"], "is not a format"),
    (["--certainty", "rumoured"], "is not a certainty"),
    (["--since", "13/06/2025"], "is not a date"),
    (["--actor-kind", "soldiers"], "is not an actor kind"),
    (["--type", "bogus"], "'bogus' is not a type"),
    (["--since", "2025-07", "--until", "2025-06"], "reversed"),
    (["--since", "2026", "--until", "2025"], "--since"),
    (["--text", "traders OR"], "--text"),
    (["--country", "Atlantis"], "is no country"),
    (["--min-killed", "-1"], "--min-killed"),
])
def test_bad_flags_are_refused_with_a_reason(run_cli, db, flags, message) -> None:
    done = run_cli("events", "--db", str(db), *flags)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_events_without_a_database_says_how_to_make_one(run_cli, tmp_path) -> None:
    done = run_cli("events", "--db", str(tmp_path / "none.db"))
    assert done.returncode == 2
    assert "run `dateline ingest` first" in done.stderr


def test_eval_scores_an_annotated_page_we_wrote(run_cli, tmp_path) -> None:
    page = tmp_path / "ferry.txt"
    page.write_text("Ferry crews strike over pay\n\nPIRAEUS, Greece (Wire) — Ferry crews walked out at dawn "
                    "on Tuesday, stranding thousands of travellers on the islands.\n\n"
                    "The union said talks with the shipping ministry had failed.\n", encoding="utf-8")
    gold = {"id": "ferry", "input": "ferry.txt",
            "stories": [{"headline": "Ferry crews strike over pay", "dateline": {"place": "PIRAEUS"},
                         "body": ["PIRAEUS, Greece (Wire) — Ferry crews walked out at dawn on Tuesday, stranding "
                                  "thousands of travellers on the islands.",
                                  "The union said talks with the shipping ministry had failed."]}],
            "boilerplate": [], "events": [], "quotes": []}
    (tmp_path / "ferry.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    done = run_cli("eval", str(tmp_path), "--json")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("ferry ") and "story_count_right=1/1" in lines[0]
    assert lines[1].startswith("TOTAL pages=1 ")
    assert json.loads(lines[2])["body_f1"] >= 0.9


def test_eval_of_a_folder_without_gold_files_is_an_error(run_cli, tmp_path) -> None:
    done = run_cli("eval", str(tmp_path))
    assert done.returncode == 2 and "no *.gold.json files" in done.stderr
