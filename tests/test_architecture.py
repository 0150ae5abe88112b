"""The shape of src/: module sizes, and the import contracts of pyproject.toml.

- No module in src/dateline is over 400 lines (STYLE.md: split near 400, never past 600).
- Every import-linter contract in pyproject.toml holds: the layers (an import from a lower
  layer into a higher one fails), no import cycle in any package, web imports nothing,
  the stages load no server, database, CLI or cluster library. `make lint` runs the same
  contracts; here each is its own test, so a failure names the contract and lists the
  offending imports.

These tests carry the `architecture` marker and run in every default run (and so in
`make test` and CI); `pytest -m architecture` runs them alone.
"""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "src" / "dateline"
MAX_LINES = 400

pytestmark = pytest.mark.architecture


def list_contract_ids() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return [contract["id"] for contract in config["tool"]["importlinter"]["contracts"]]


def count_lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_400_lines() -> None:
    sizes = {path.relative_to(REPO).as_posix(): count_lines(path) for path in sorted(PACKAGE.rglob("*.py"))}
    assert sizes, f"no module found under {PACKAGE}"
    over = [f"{name} ({lines} lines)" for name, lines in sizes.items() if lines > MAX_LINES]
    assert not over, f"modules over {MAX_LINES} lines, split them by topic: {', '.join(over)}"


@pytest.mark.parametrize("contract", list_contract_ids())
def test_import_contract_holds(contract: str) -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    if not lint_imports.exists():
        pytest.skip("lint-imports is not installed (the dev extra: make install)")
    done = subprocess.run([str(lint_imports), "--no-logo", "--no-cache", "--contract", contract],
                          cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    report = done.stdout[done.stdout.find("Broken contracts"):] if "Broken contracts" in done.stdout else done.stdout
    assert done.returncode == 0, f"import contract {contract!r} is broken:\n{report}{done.stderr[-2000:]}"
