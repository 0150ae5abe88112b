"""The demo database's ACLED export, as an analyst loads it: pandas when it is installed
(else the standard csv module), ACLED's column names, and inter codes ACLED defines."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

# ACLED's own names for the columns the export shares with ACLED's data (its codebook's order)
ACLED_NAMES = ("event_date", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
               "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "country", "admin1",
               "location", "latitude", "longitude", "geo_precision", "time_precision", "source", "notes",
               "fatalities")


def load_table(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """(columns, rows) of a CSV text: through pandas where it is installed, as analysts read ACLED's files."""
    try:
        import pandas
    except ImportError:
        reader = csv.DictReader(io.StringIO(text))
        return list(reader.fieldnames or []), list(reader)
    frame = pandas.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    return list(frame.columns), frame.to_dict("records")


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory, run_cli, examples_dir: Path, nlp) -> str:
    """`make demo`'s database (examples/pages ingested), exported as ACLED CSV by the CLI."""
    db = str(tmp_path_factory.mktemp("demo") / "dateline.db")
    done = run_cli("ingest", str(examples_dir / "pages"), "--db", db)
    assert done.returncode in (0, 1), done.stderr  # bad-download.txt fails on purpose, as in `make demo`
    exported = run_cli("export", "acled", "--db", db)
    assert exported.returncode == 0, exported.stderr
    return exported.stdout


def test_the_demo_export_has_acleds_columns_and_inter_codes(demo_export: str) -> None:
    columns, rows = load_table(demo_export)
    assert [name for name in columns if name in ACLED_NAMES] == list(ACLED_NAMES)
    assert rows, "the demo pages give events ACLED codes"
    for row in rows:
        inter1, inter2 = int(row["inter1"]), int(row["inter2"])
        assert 1 <= inter1 <= 8 and 0 <= inter2 <= 8, row
        assert row["actor1"], row
        assert bool(row["actor2"]) == (inter2 != 0), row
        expected = inter1 * 10 if not inter2 else min(inter1, inter2) * 10 + max(inter1, inter2)
        assert int(row["interaction"]) == expected, row
