"""Regenerate the cleaner's golden files: tests/data/clean/<page>.expected.json.

    .venv/bin/python tests/data/clean/regenerate.py

Run it after a deliberate change to the cleaner, then review ``git diff
tests/data/clean`` line by line before committing: the diff is the behaviour change.
"""
from __future__ import annotations

import json
from pathlib import Path

from dateline.clean.text import clean_text
from dateline.record import story_record

HERE = Path(__file__).resolve().parent


def render(text: str) -> dict:
    """The part of the extraction record the cleaner decides: stories and removed lines."""
    cleaned = clean_text(text)
    keep = ("headline", "dateline", "published", "updated", "byline", "body", "captions")
    return {
        "stories": [{k: v for k, v in story_record(story).items() if k in keep} for story in cleaned.stories],
        "removed": [{"text": r.text, "reason": r.reason} for r in cleaned.removed],
    }


def main() -> None:
    for page in sorted(HERE.glob("*.txt")):
        expected = page.with_suffix(".expected.json")
        expected.write_text(json.dumps(render(page.read_text(encoding="utf-8")), ensure_ascii=False, indent=2)
                            + "\n", encoding="utf-8")
        print(f"wrote {expected.name}")  # a script for people, not the library


if __name__ == "__main__":
    main()
