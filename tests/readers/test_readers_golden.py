"""Golden files for the readers: each input under tests/data/readers/inputs and
what the readers make of it (pages and failures) side by side in expected/.

Regenerate after a deliberate change, then review the diff:
    DATELINE_REGEN_GOLDEN=1 .venv/bin/pytest tests/readers/test_readers_golden.py
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dateline.models import Failure, Page
from dateline.readers import read_sources

DATA = Path(__file__).resolve().parent.parent / "data" / "readers"
INPUTS = sorted((DATA / "inputs").iterdir())


def describe(item: Page | Failure, *, prefix: str) -> dict:
    source = item.source[len(prefix):] if item.source.startswith(prefix) else item.source
    if isinstance(item, Failure):
        return {"failure": {"source": source, "stage": item.stage, "reason": item.reason, "offset": item.offset}}
    return {"page": {"source": source, "kind": item.kind, "encoding": item.encoding, "url": item.url,
                     "fetched": item.fetched, "offset": item.offset, "lines": item.text.splitlines()}}


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_reader_output_matches_its_golden_file(path: Path) -> None:
    prefix = str(path.parent) + os.sep
    found = [describe(item, prefix=prefix) for item in read_sources([str(path)])]
    golden = DATA / "expected" / f"{path.name}.json"
    if os.environ.get("DATELINE_REGEN_GOLDEN"):
        golden.write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.is_file(), f"no golden file for {path.name}: regenerate (see the module docstring)"
    assert found == json.loads(golden.read_text(encoding="utf-8"))
