"""The one table of event types (data/event_types.csv): what each part of dateline reads
from it, and a new core type added with data files only."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from dateline.errors import DataError
from dateline.event_types import (core_types, family_colours, is_core, list_families, list_types, name_family,
                                  scheme_rows, violence_types)
from dateline.lexicon import DATA_DIR_ENV, read_table

VIOLENCE = {"armed_clash", "attack", "bombing", "air_drone_strike", "missile_artillery"}


def test_the_table_holds_the_types_and_families_of_the_spec() -> None:
    assert len(list_types()) == 23
    assert violence_types() == VIOLENCE
    assert core_types() == VIOLENCE | {"interception", "territory_change", "abduction", "arrest", "protest",
                                       "riot", "disaster"}
    assert len(list_families()) == 19 and list_families()[0] == "violence"
    assert set(family_colours()) == set(list_families())


@pytest.mark.parametrize("event_type, family", [
    ("bombing", "violence"), ("missile_artillery", "violence"), ("riot", "riot"), ("meet", "meet"),
    ("no_such_type", "no_such_type"), (None, None),
])
def test_a_type_names_its_family(event_type: str | None, family: str | None) -> None:
    assert name_family(event_type) == family


def test_words_choose_a_mapping_before_the_types_own() -> None:
    rows = scheme_rows("bombing")
    assert [row.acled_sub_event for row in rows] == ["Suicide bomb", "Grenade", "Remote explosive/landmine/IED"]
    assert rows[-1].words == () and all(row.words for row in rows[:-1])
    assert scheme_rows("no_such_type") == ()


def test_every_trigger_names_a_type_of_the_table() -> None:
    triggers = read_table("en/coding/event_triggers.txt")
    unknown = [(row.line, row["type"]) for row in triggers.rows if row["type"] not in list_types()]
    assert unknown == []
    assert {row["type"] for row in triggers.rows} == set(list_types())  # and every type has a trigger


def package_table(name: str) -> str:
    return resources.files("dateline").joinpath("data", *name.split("/")).read_text(encoding="utf-8")


def run_with_data_dir(folder: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Python ``code`` in a fresh process whose loaders read ``folder`` before the package."""
    env = {**os.environ, DATA_DIR_ENV: str(folder)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120,
                          check=False)


CODE_SENTENCE = """
import json
from dateline.coding import code_events
from dateline.event_types import is_core, name_family
events = code_events("Hackers crippled the water utility of Rotterdam with a ransomware attack on Tuesday.",
                     story_date="2031-06-12")
print(json.dumps({"events": [[e.type, e.trigger, e.place.name if e.place else None, e.date, e.core]
                             for e in events],
                  "family": name_family("cyberattack"), "core": is_core("cyberattack")}))
"""


def test_a_new_core_type_is_a_row_and_its_triggers(tmp_path: Path) -> None:
    """A type the package does not know, added as data in a folder of our own: no Python edited."""
    (tmp_path / "en" / "coding").mkdir(parents=True)
    (tmp_path / "event_types.csv").write_text(
        package_table("event_types.csv") + "cyberattack,cyberattack,yes,,,,,,#7F7F7F\n", encoding="utf-8")
    (tmp_path / "en" / "coding" / "event_triggers.txt").write_text(
        package_table("en/coding/event_triggers.txt")
        + "cyberattack\tcyber[- ]?attacks?|ransomware attacks?|hackers\tstrong\n", encoding="utf-8")
    done = run_with_data_dir(tmp_path, CODE_SENTENCE)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found == {"events": [["cyberattack", "Hackers", "Rotterdam", "2031-06-10", True]],
                     "family": "cyberattack", "core": True}
    assert not is_core("cyberattack")  # this process reads the package's table


def test_without_its_rows_the_sentence_codes_nothing(tmp_path: Path) -> None:
    """The same sentence with the package's tables ("attack" alone is a weak trigger with no toll):
    the new rows are what made it an event."""
    done = run_with_data_dir(tmp_path, CODE_SENTENCE)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"events": [], "family": "cyberattack", "core": False}


def test_a_family_with_two_colours_is_a_data_error(tmp_path: Path, monkeypatch) -> None:
    from dateline import event_types

    (tmp_path / "event_types.csv").write_text(
        package_table("event_types.csv").replace("attack,violence,yes,Political violence,Violence against civilians,"
                                                 "Attack,ASSAULT,18,#D55E00", "attack,violence,yes,,,,,,#123456"),
        encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    read_table.cache_clear()
    event_types.load_event_types.cache_clear()
    try:
        with pytest.raises(DataError, match=r"event_types.csv:\d+: family violence is #D55E00 on an earlier row"):
            event_types.load_event_types()
    finally:
        monkeypatch.delenv(DATA_DIR_ENV)
        read_table.cache_clear()
        event_types.load_event_types.cache_clear()
    assert is_core("attack")
