"""The floors ratchet (tests/quality_ratchet.py) on tiny git histories made here.

Each history is a temporary repository whose floors file is changed commit by commit;
the checks run on a clean checkout, as CI sees it, unless the test edits the working tree.
"""
from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from quality_ratchet import MARKER, check_ratchet

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PATH = "tests/data/quality_floors.json"
START: dict[str, Any] = {
    "floors": {
        "event_f1": {"direction": "min", "value": 0.6},
        "leaks": {"direction": "max", "value": 3},
    },
    "page_floors": {"some-page": {"dateline_and_date": {"direction": "min", "value": 1.0}}},
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                           "-c", "commit.gpgsign=false", *args],
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip()


def write(repo: Path, document: dict) -> None:
    target = repo / PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def commit(repo: Path, document: dict, message: str) -> str:
    write(repo, document)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "--short=7", "HEAD")


def changed(document: dict[str, Any], *, name: str, value: float, page: str | None = None) -> dict[str, Any]:
    new = copy.deepcopy(document)
    (new["page_floors"][page] if page else new["floors"])[name]["value"] = value
    return new


def check(repo: Path) -> tuple[list[str], bool]:
    """The unrecorded lowerings as 'commit floor from to', and whether the history was cut."""
    current = json.loads((repo / PATH).read_text(encoding="utf-8"))
    verdict = check_ratchet(repo, PATH, current)
    return [f"{lowering.where} {lowering.floor} {lowering.before} {lowering.after}"
            for lowering in verdict.unrecorded], verdict.cut


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    commit(root, START, "Floors pinned")
    return root


def test_raising_a_floor_and_lowering_a_ceiling_pass(repo: Path) -> None:
    better = changed(changed(START, name="event_f1", value=0.7), name="leaks", value=1)
    commit(repo, better, "Quality: event F1 up")
    assert check(repo) == ([], False)


@pytest.mark.parametrize(("name", "value", "page", "expected"), [
    ("event_f1", 0.5, None, "event_f1 0.6 0.5"),
    ("leaks", 5, None, "leaks 3 5"),  # a ceiling raised
    ("dateline_and_date", 0.5, "some-page", "some-page dateline_and_date 1.0 0.5"),
])
def test_a_quiet_lowering_fails_on_a_clean_checkout(repo: Path, name: str, value: float, page: str | None,
                                                    expected: str) -> None:
    lowered = commit(repo, changed(START, name=name, value=value, page=page), "Tidy the floors")
    assert git(repo, "status", "--porcelain") == ""
    assert check(repo) == ([f"{lowered} {expected}"], False)


def test_a_removed_floor_or_a_changed_direction_is_a_lowering(repo: Path) -> None:
    removed = copy.deepcopy(START)
    del removed["floors"]["event_f1"]
    first = commit(repo, removed, "Drop a metric")
    flipped = copy.deepcopy(removed)
    flipped["floors"]["leaks"]["direction"] = "min"
    second = commit(repo, flipped, "Leaks as a floor")
    assert check(repo) == ([f"{second} leaks 3 3", f"{first} event_f1 0.6 None"], False)  # newest first


def test_a_quiet_lowering_still_fails_after_later_commits(repo: Path) -> None:
    lowered = commit(repo, changed(START, name="event_f1", value=0.5), "Tidy the floors")
    commit(repo, changed(changed(START, name="event_f1", value=0.5), name="leaks", value=2), "Fewer leaks")
    (repo / "other.txt").write_text("unrelated\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Unrelated change")
    assert check(repo) == ([f"{lowered} event_f1 0.6 0.5"], False)


def test_the_marker_in_the_lowering_commit_accepts_it(repo: Path) -> None:
    commit(repo, changed(START, name="event_f1", value=0.5), f"{MARKER} the dev set grew from 13 to 43 pages")
    assert check(repo) == ([], False)


@pytest.mark.parametrize("message", [
    f"{MARKER}",  # the marker without a reason
    f"Tidy floors. {MARKER} the set grew",  # not at the start of the first line
    f"Tidy floors\n\n{MARKER} the set grew",  # in the body only
])
def test_the_marker_counts_only_at_the_start_with_a_reason(repo: Path, message: str) -> None:
    lowered = commit(repo, changed(START, name="event_f1", value=0.5), message)
    assert check(repo) == ([f"{lowered} event_f1 0.6 0.5"], False)


def test_a_lowering_recorded_in_the_file_passes_and_its_record_cannot_be_dropped(repo: Path) -> None:
    recorded = changed(START, name="event_f1", value=0.5)
    recorded["lowered"] = [{"floor": "event_f1", "from": 0.6, "to": 0.5, "why": "the gold set was re-annotated"}]
    lowered = commit(repo, recorded, "Floors: event F1 re-pinned")
    assert check(repo) == ([], False)
    forgotten = copy.deepcopy(recorded)
    forgotten["lowered"] = []
    commit(repo, forgotten, "Shorter floors file")
    assert check(repo) == ([f"{lowered} event_f1 0.6 0.5"], False)


@pytest.mark.parametrize("entry", [
    {"floor": "event_f1", "from": 0.6, "to": 0.4, "why": "the gold set was re-annotated"},  # not the value set
    {"floor": "event_f1", "from": 0.6, "to": 0.5, "why": " "},  # no reason
    {"floor": "leaks", "from": 0.6, "to": 0.5, "why": "the gold set was re-annotated"},  # another floor
])
def test_a_record_must_name_the_floor_its_values_and_why(repo: Path, entry: dict) -> None:
    recorded = changed(START, name="event_f1", value=0.5)
    recorded["lowered"] = [entry]
    lowered = commit(repo, recorded, "Floors: event F1 re-pinned")
    assert check(repo) == ([f"{lowered} event_f1 0.6 0.5"], False)


def test_an_uncommitted_lowering_fails_unless_recorded(repo: Path) -> None:
    lowered = changed(START, name="event_f1", value=0.5)
    write(repo, lowered)
    assert check(repo) == (["working tree event_f1 0.6 0.5"], False)
    lowered["lowered"] = [{"floor": "event_f1", "from": 0.6, "to": 0.5, "why": "the gold set was re-annotated"}]
    write(repo, lowered)
    assert check(repo) == ([], False)


def test_a_merge_is_judged_by_what_it_adds(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "side")
    side = commit(repo, changed(START, name="leaks", value=9), "Side: more leaks allowed")
    git(repo, "checkout", "-q", "-")
    commit(repo, changed(START, name="event_f1", value=0.7), "Main: event F1 up")
    subprocess.run(["git", "-C", str(repo), "merge", "-q", "--no-ff", "--no-commit", "side"],
                   capture_output=True, timeout=60, check=False)  # a conflict or not: the file is written next
    # leaks as the side made it; event F1 below both sides: the merge's own lowering
    write(repo, changed(changed(START, name="event_f1", value=0.4), name="leaks", value=9))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Merge side")
    merge = git(repo, "rev-parse", "--short=7", "HEAD")
    assert check(repo) == ([f"{merge} event_f1 0.6 0.4", f"{side} leaks 3 9"], False)


def test_a_shallow_clone_that_cannot_see_the_previous_floors_is_cut(repo: Path, tmp_path: Path) -> None:
    commit(repo, changed(START, name="event_f1", value=0.5), "Tidy the floors")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)],
                   check=True, capture_output=True, timeout=60)
    assert check(shallow) == ([], True)
    deeper = tmp_path / "deeper"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(deeper)],
                   check=True, capture_output=True, timeout=60)
    lowered = git(repo, "rev-parse", "--short=7", "HEAD")
    assert check(deeper) == ([f"{lowered} event_f1 0.6 0.5"], False)
