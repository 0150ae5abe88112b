"""Start-up: `dateline --help` and the store listings do not load the language model, the
HTML extractor, the web server or the near-duplicate machinery; each command loads what
it needs when it runs. Checked by the modules a fresh interpreter holds, never by timing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Loaded by the pipeline (spaCy, trafilatura), the readers (warcio), the API (FastAPI,
# uvicorn), the duplicate finder (datasketch, numpy) and the parallel drivers (Dask).
PIPELINE = ("spacy", "thinc", "trafilatura", "warcio")
SERVER = ("fastapi", "uvicorn", "starlette")
GROUPING = ("datasketch", "numpy", "dask", "distributed")
STORE = ("sqlalchemy", "psycopg")

RUN_AND_LIST = """
import json, sys
names = json.loads(sys.argv[1])
args = json.loads(sys.argv[2])
if args is None:
    import dateline.cli.main
else:
    from dateline.cli.main import app
    try:
        app(args, prog_name="dateline")
    except SystemExit as exc:
        if exc.code not in (0, None):
            raise
loaded = sorted(n for n in names if any(m == n or m.startswith(n + ".") for m in list(sys.modules)))
sys.stderr.write("\\nLOADED " + json.dumps(loaded) + "\\n")
"""


def list_loaded(args: list[str] | None, names: tuple[str, ...]) -> list[str]:
    """Which of these top-level packages a fresh interpreter holds after importing the CLI
    (args None) or after running `dateline ARGS`."""
    done = subprocess.run([sys.executable, "-c", RUN_AND_LIST, json.dumps(names), json.dumps(args)],
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "TYPER_USE_RICH": "0", "COLUMNS": "80", "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    marker = [line for line in done.stderr.splitlines() if line.startswith("LOADED ")]
    assert marker, done.stderr
    return json.loads(marker[-1].removeprefix("LOADED "))


def test_importing_the_cli_loads_no_pipeline_store_server_or_grouping() -> None:
    assert list_loaded(None, PIPELINE + SERVER + GROUPING + STORE) == []


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["ingest", "--help"],
                                  ["incidents", "--help"], ["export", "--help"], ["serve", "--help"]])
def test_help_loads_nothing_heavy(args: list[str]) -> None:
    assert list_loaded(args, PIPELINE + SERVER + GROUPING + STORE) == []


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory) -> Path:
    from dateline.store import open_store

    path = tmp_path_factory.mktemp("startup") / "empty.db"
    with open_store(str(path)):
        pass
    return path


@pytest.mark.parametrize("command", [["stories"], ["failures"], ["events", "--format", "json"],
                                     ["incidents", "--format", "json"]])
def test_listing_a_store_loads_neither_the_model_nor_the_grouping(command: list[str], empty_db: Path) -> None:
    loaded = list_loaded([*command, "--db", str(empty_db)], PIPELINE + SERVER + GROUPING + STORE)
    assert loaded == ["sqlalchemy"]


def test_incident_sort_names_in_the_help_are_the_stores() -> None:
    from dateline.cli.incident_commands import INCIDENT_SORT_NAMES
    from dateline.store.incident_queries import INCIDENT_SORTS

    assert tuple(INCIDENT_SORTS) == INCIDENT_SORT_NAMES


def test_export_format_names_in_the_help_are_the_exporters() -> None:
    from dateline.cli.export_command import EXPORT_FORMAT_NAMES, EXPORT_UNIT_FORMATS
    from dateline.export import EXPORT_FORMATS, EXPORT_UNITS

    assert tuple(EXPORT_FORMATS) == EXPORT_FORMAT_NAMES
    assert EXPORT_UNITS == EXPORT_UNIT_FORMATS
