"""Fixtures for the whole suite (the one conftest.py).

- ``repo_root``: the checkout the tests run from.
- ``shared_dir``: the read-only shared material (annotated dev pages, corpora,
  scorers). Found at ``$DATELINE_SHARED`` or ``../shared`` next to the checkout;
  tests that need it are skipped, with the reason, when it is absent.
- ``examples_dir``: the bundled example pages that ``make demo`` ingests.
- ``dateline_cli``: the installed ``dateline`` console script as a command list,
  so tests run what a user runs; ``run_cli`` runs it and returns the result.
- ``tmp_db``: a path for a fresh SQLite store that disappears after the test.
- ``nlp``: the spaCy pipeline, loaded once per session; skipped with the reason when
  the model package is absent.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def locate_shared() -> Path | None:
    """The shared folder, or None when this machine does not have it."""
    candidates = [os.environ.get("DATELINE_SHARED"), REPO_ROOT.parent / "shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "tools" / "score.py").is_file():
            return Path(candidate)
    return None


def locate_cli() -> list[str]:
    """The console script installed next to this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("dateline")
    if script.is_file():
        return [str(script)]
    found = shutil.which("dateline")
    if found:
        return [found]
    return [sys.executable, "-c", "from dateline.cli.main import app; app()"]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    shared = locate_shared()
    if shared is None:
        pytest.skip("shared material (../shared or $DATELINE_SHARED) is absent on this machine")
    return shared


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO_ROOT / "examples"


@pytest.fixture(scope="session")
def dateline_cli() -> list[str]:
    return locate_cli()


@pytest.fixture(scope="session")
def run_cli(dateline_cli):
    """Run ``dateline ARGS...`` as a user would; returns the CompletedProcess."""

    def run(*args: str, stdin: str | None = None, cwd: Path | None = None,
            timeout: int = 600) -> subprocess.CompletedProcess:
        env = {**os.environ, "TYPER_USE_RICH": "0", "COLUMNS": "80", "NO_COLOR": "1"}
        return subprocess.run([*dateline_cli, *args], input=stdin, capture_output=True, text=True,
                              cwd=cwd, env=env, timeout=timeout)

    return run


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    return tmp_path / "dateline-test.db"


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp.model import ModelMissing, load_nlp
    try:
        return load_nlp()
    except ModelMissing as e:
        pytest.skip(str(e))
