"""The floors ratchet: a quality floor may rise freely; lowering one must be recorded.

Read from git, not from the working tree alone, so that it holds on a clean CI checkout:
every commit that changed tests/data/quality_floors.json is compared with its parents
(and uncommitted edits with HEAD). A floor is lowered when it falls (direction "min"),
rises (direction "max": a ceiling such as leaks), changes direction or disappears. A
merge lowers a floor only when it is worse than in every parent: a value taken from one
side was judged where that side made it.

A lowering is accepted when it is recorded, either way:

- the floors file lists it under "lowered": {"floor", "from", "to", "why"} with the exact
  values ("to" null for a floor removed; a page floor is named "<page> <metric>"), so the
  file itself keeps the history of every lowering and why;
- or the commit that made it starts its message with "Quality floors re-pinned:" and
  says why (as fe33290 did when ../shared/dev grew from 13 to 43 pages).

A shallow clone lacks the versions to compare with: when even the latest change of the
file cannot be compared, check_ratchet says so (`cut`) and the test fails, asking for the
full history (.ci/run fetches it). Older changes beyond a shallow cut were checked when
they were the latest.
"""
from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

MARKER = "Quality floors re-pinned:"
WORKING_TREE = "working tree"


@dataclass(frozen=True, slots=True)
class Floor:
    direction: str  # "min": the metric must stay at or above value; "max": at or below
    value: float


@dataclass(frozen=True, slots=True)
class Lowering:
    floor: str  # "event_f1", or "<page> <metric>" for a page floor
    before: float
    after: float | None  # None: the floor was removed
    where: str  # the short commit, or "working tree"

    def describe(self) -> str:
        after = "removed" if self.after is None else f"to {self.after}"
        return f"{self.where}: floor {self.floor} lowered from {self.before} {after}"


@dataclass(frozen=True, slots=True)
class Change:
    """One version of the floors file and the versions it was made from."""

    where: str
    subject: str  # the first line of the commit message ("" for the working tree)
    after: dict
    parents: tuple[dict, ...]  # the file in each parent that holds it
    cut: bool = False  # a parent is beyond a shallow clone's history


@dataclass(frozen=True, slots=True)
class Verdict:
    checked: int  # changes compared with what they were made from
    unrecorded: tuple[Lowering, ...] = ()
    cut: bool = False  # the latest change could not be compared (shallow clone)
    notes: tuple[str, ...] = field(default=())


def read_floors(document: dict) -> dict[str, Floor]:
    """Every floor of a floors document by name: "floors" and "page_floors" together."""
    floors = {name: Floor(floor["direction"], floor["value"]) for name, floor in document.get("floors", {}).items()}
    for page, metrics in document.get("page_floors", {}).items():
        for metric, floor in metrics.items():
            floors[f"{page} {metric}"] = Floor(floor["direction"], floor["value"])
    return floors


def is_worse(after: Floor | None, before: Floor) -> bool:
    if after is None or after.direction != before.direction:
        return True
    return after.value < before.value if before.direction == "min" else after.value > before.value


def find_lowerings(change: Change) -> list[Lowering]:
    """The floors this change made worse than in every version it was made from that held them.

    A merge's "from" is the least strict of its parents' values: the one it could have kept.
    """
    now = read_floors(change.after)
    befores = [read_floors(parent) for parent in change.parents]
    lowerings = []
    for name in sorted(set().union(*befores)):
        olds = [before[name] for before in befores if name in before]
        if all(is_worse(now.get(name), old) for old in olds):
            least = min(olds, key=lambda old: old.value if old.direction == "min" else -old.value)
            after = now.get(name)
            lowerings.append(Lowering(name, least.value, None if after is None else after.value, change.where))
    return lowerings


def is_recorded(lowering: Lowering, subject: str, current: dict) -> bool:
    """The lowering is listed in the current file's "lowered", or its commit says why by the marker."""
    for entry in current.get("lowered", []):
        if (entry.get("floor") == lowering.floor and entry.get("from") == lowering.before
                and entry.get("to") == lowering.after and str(entry.get("why", "")).strip()):
            return True
    return subject.startswith(MARKER) and len(subject) > len(MARKER) + 1


def run_git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, timeout=60, check=False)


def show_file(repo: Path, commit: str, path: str) -> dict | None:
    done = run_git(repo, "show", f"{commit}:{path}")
    return json.loads(done.stdout) if done.returncode == 0 else None


def list_shallow_commits(repo: Path) -> set[str]:
    done = run_git(repo, "rev-parse", "--git-path", "shallow")
    shallow = Path(done.stdout.strip())
    if done.returncode != 0 or not shallow.is_absolute():
        shallow = repo / done.stdout.strip()
    return set(shallow.read_text().split()) if shallow.is_file() else set()


def read_changes(repo: Path, path: str, working: dict | None) -> list[Change]:
    """The changes of the file, newest first: uncommitted edits, then each commit that made one."""
    done = run_git(repo, "log", "--format=%H%x1f%P%x1f%s%x1e", "--", path)
    if done.returncode != 0:
        raise RuntimeError(f"git log failed: {done.stderr.strip()}")
    shallow = list_shallow_commits(repo)
    changes = []
    head = show_file(repo, "HEAD", path)
    if working is not None and head is not None and working != head:
        changes.append(Change(WORKING_TREE, "", working, (head,)))
    for record in filter(None, (line.strip("\n") for line in done.stdout.split("\x1e"))):
        commit, parents, subject = record.split("\x1f")
        after = show_file(repo, commit, path)
        if after is None:  # the commit removed the file
            continue
        found = tuple(version for version in (show_file(repo, parent, path) for parent in parents.split())
                      if version is not None)
        changes.append(Change(commit[:7], subject, after, found, cut=commit in shallow))
    return changes


def check_ratchet(repo: Path, path: str, current: dict) -> Verdict:
    """Every lowering in the file's history (as far as the clone holds it) must be recorded.

    ``current`` is the floors document as it stands (the working tree): its "lowered" list
    is the record. ``path`` is the file relative to the repository root.
    """
    changes = read_changes(repo, path, current)
    if changes and changes[0].cut:
        return Verdict(checked=0, cut=True,
                       notes=(f"{changes[0].where} is the edge of a shallow clone: the floors before it are unknown",))
    unrecorded = [lowering for change in changes if not change.cut
                  for lowering in find_lowerings(change)
                  if not is_recorded(lowering, change.subject, current)]
    notes = tuple(f"{change.where} is the edge of a shallow clone: not compared" for change in changes if change.cut)
    return Verdict(checked=sum(1 for change in changes if change.parents and not change.cut),
                   unrecorded=tuple(unrecorded), notes=notes)
