"""`dateline incidents`: two outlets' reports of one made-up attack, with different
figures, and a syndicated copy of one of them, become one incident with two sources."""
from __future__ import annotations

import csv
import io
import json

import pytest

OUTLET_A = """Home | World | Africa | Sport | Business
Gunmen kill 9 at cattle market in northern Nigeria
Published: 2025-03-12 14:05
By Staff Reporter
KADUNA, Nigeria — Gunmen on motorcycles attacked a cattle market in Kaduna on Tuesday, killing nine traders \
and wounding 14 others, police said.
Witnesses said the attackers arrived shortly after noon and fired into the crowd before fleeing toward the forest.
"We counted nine bodies," a police spokesman, Mansir Hassan, told reporters on Wednesday.
The state governor condemned the attack and ordered more patrols along the market roads.
Share this article | Follow us on X
© 2025 Northern Daily Mail. All rights reserved.
"""

OUTLET_B = """MENU  SEARCH  SUBSCRIBE
Nigeria: death toll rises after attack on Kaduna market
12 March 2025
KADUNA (Reuters) - At least 12 people were killed and 20 wounded when gunmen stormed a busy cattle market in \
Kaduna on Tuesday, residents and hospital officials said.
Local officials had earlier put the toll at nine.
Mansir Hassan, a police spokesman, said security forces were searching the area.
No group has claimed responsibility for the attack.
Reporting by a correspondent; Editing by the desk
Our Standards: The Trust Principles.
"""

# The wire story again on a portal with its own chrome: a copy, not a third source.
PORTAL_COPY = """Skip to content
NEWS WIRE PORTAL | Latest | Most read
Nigeria: death toll rises after attack on Kaduna market
12 March 2025
KADUNA (Reuters) - At least 12 people were killed and 20 wounded when gunmen stormed a busy cattle market in \
Kaduna on Tuesday, residents and hospital officials said.
Local officials had earlier put the toll at nine.
Mansir Hassan, a police spokesman, said security forces were searching the area.
No group has claimed responsibility for the attack.
Advertisement
Sign up for our morning newsletter
"""


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, run_cli, nlp):
    tmp_path = tmp_path_factory.mktemp("incidents")
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, text in (("daily.txt", OUTLET_A), ("wire.txt", OUTLET_B), ("portal.txt", PORTAL_COPY)):
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "news.db")
    done = run_cli("ingest", str(folder), "--db", db)
    assert done.returncode == 0, done.stderr
    return db


def test_two_outlets_one_attack_is_one_incident_with_both_figures(ingested, run_cli) -> None:
    done = run_cli("incidents", "--db", ingested, "--refresh", "--family", "violence", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "3 stories into 2 groups" in done.stderr
    [incident] = [json.loads(line) for line in done.stdout.splitlines()]
    assert (incident["place_name"], incident["country"], incident["date"]) == ("Kaduna", "NG", "2025-03-11")
    assert incident["source_count"] == 2
    assert (incident["killed"], incident["killed_low"], incident["killed_high"]) == (9, 9, 12)
    assert (incident["injured_low"], incident["injured_high"]) == (14, 20)
    by_source = {s["source"].rsplit("/", 1)[-1]: s for s in incident["sources"]}
    assert {name: s["killed"] for name, s in by_source.items()} == {"daily.txt": 9, "wire.txt": 12,
                                                                    "portal.txt": 12}
    assert by_source["wire.txt"]["group_id"] == by_source["portal.txt"]["group_id"]


def test_the_table_and_csv_show_acled_figure_and_range(ingested, run_cli) -> None:
    table = run_cli("incidents", "--db", ingested, "--refresh", "--place", "kaduna", "--type", "attack")
    assert table.returncode == 0, table.stderr
    [row] = [line for line in table.stdout.splitlines() if "Kaduna" in line]
    assert row.split()[:6] == ["2025-03-11", "attack", "Kaduna", "NG", "9", "9-12"]
    listed = run_cli("incidents", "--db", ingested, "--format", "csv", "--since", "2025-03-11",
                     "--until", "2025-03-11", "--country", "NG", "--type", "attack", "--limit", "1")
    [record] = list(csv.DictReader(io.StringIO(listed.stdout)))
    assert (record["killed"], record["killed_best"], record["source_count"]) == ("9", "9", "2")


@pytest.mark.parametrize("args, message", [
    (("--since", "yesterday"), "is not a date"),
    (("--certainty", "sure"), "is not a certainty"),
    (("--format", "xml"), "is not a format"),
])
def test_bad_options_are_refused_with_the_reason(tmp_path, run_cli, args, message) -> None:
    done = run_cli("incidents", "--db", str(tmp_path / "none.db"), *args)
    assert done.returncode == 2 and message in done.stderr


def test_a_bulk_load_groups_incidents_once_at_the_end(tmp_path, run_cli, nlp):
    first, second = tmp_path / "monday", tmp_path / "tuesday"
    first.mkdir(), second.mkdir()
    (first / "daily.txt").write_text(OUTLET_A, encoding="utf-8")
    (second / "wire.txt").write_text(OUTLET_B, encoding="utf-8")
    db = str(tmp_path / "bulk.db")
    for folder in (first, second):
        done = run_cli("ingest", str(folder), "--db", db, "--no-refresh")
        assert done.returncode == 0, done.stderr
        assert "not regrouped (--no-refresh)" in done.stdout
    # the two runs only stored their pages: the store knows its incidents are stale, and the
    # first listing groups them, once
    done = run_cli("incidents", "--db", db, "--format", "json", "--type", "attack")
    assert "incidents are stale" in done.stderr and "grouped 2 stories" in done.stderr
    [incident] = [json.loads(line) for line in done.stdout.splitlines()]
    assert incident["source_count"] == 2
    again = run_cli("incidents", "--db", db, "--format", "json", "--type", "attack")
    assert "stale" not in again.stderr and again.stdout == done.stdout
