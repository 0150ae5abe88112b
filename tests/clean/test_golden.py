"""Golden files for the flat-text cleaner: each page under tests/data/clean/ beside the
record it must give. After a deliberate change, run tests/data/clean/regenerate.py
and review the diff."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from dateline.clean.text import clean_text

DATA = Path(__file__).resolve().parent.parent / "data" / "clean"
PAGES = sorted(DATA.glob("*.txt"))


def load_render():
    spec = importlib.util.spec_from_file_location("regenerate_clean", DATA / "regenerate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.render


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_matches_its_golden_record(page: Path):
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert load_render()(page.read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_every_line_is_kept_or_recorded_as_removed(page: Path):
    text = page.read_text(encoding="utf-8")
    cleaned = clean_text(text)
    kept = " ".join([*(p for s in cleaned.stories for p in s.body), *(s.headline or "" for s in cleaned.stories),
                     *(c.text for s in cleaned.stories for c in s.captions)])
    dropped = " ".join(r.text for r in cleaned.removed)
    for line in (raw.strip() for raw in text.splitlines()):
        if line:
            assert line in kept or line in dropped or all(part in kept + dropped for part in line.split()), line


def test_golden_pages_exist():
    assert len(PAGES) >= 4
