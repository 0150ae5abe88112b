"""The cleaner on the annotated dev pages (read from the shared folder, skipped
without it): story count, datelines and dates as a careful reader has them."""
from __future__ import annotations

import json

import pytest

from dateline.clean.text import clean_text


def load_dev(shared_dir):
    for gold_path in sorted((shared_dir / "dev").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        yield gold, (gold_path.parent / gold["input"]).read_text(encoding="utf-8")


def test_dev_pages_split_into_the_right_stories_with_datelines_and_dates(shared_dir):
    wrong = []
    for gold, text in load_dev(shared_dir):
        stories = clean_text(text).stories
        if len(stories) != len(gold["stories"]):
            wrong.append(f"{gold['id']}: {len(stories)} stories, not {len(gold['stories'])}")
            continue
        for number, (want, got) in enumerate(zip(gold["stories"], stories)):
            if want.get("dateline") and (got.dateline is None or got.dateline.place != want["dateline"]["place"]):
                wrong.append(f"{gold['id']} story {number}: dateline {got.dateline}")
            if want.get("published") and (got.published or "")[:10] != want["published"][:10]:
                wrong.append(f"{gold['id']} story {number}: published {got.published}")
    assert wrong == []


def test_dev_pages_leak_no_boilerplate_or_caption_into_the_body(shared_dir):
    leaks = []
    for gold, text in load_dev(shared_dir):
        body = " ".join(p for s in clean_text(text).stories for p in s.body)
        chrome = gold.get("boilerplate", []) + [c for s in gold["stories"] for c in s.get("captions", [])]
        leaks += [f"{gold['id']}: {line[:60]}" for line in chrome if len(line.split()) >= 2 and line in body]
    assert leaks == []


def test_dev_body_paragraphs_are_all_found(shared_dir):
    missing = []
    for gold, text in load_dev(shared_dir):
        body = [p for s in clean_text(text).stories for p in s.body]
        missing += [f"{gold['id']}: {p[:60]}" for s in gold["stories"] for p in s["body"] if p.strip() not in body]
    assert missing == []
