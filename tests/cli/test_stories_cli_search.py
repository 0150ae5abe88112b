"""`dateline stories --text/--since/--until`: the full-text query and the date range of
/api/stories, checked as the API checks them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.models import Extraction, Page, Story
from dateline.store import open_store

STORIES = (("harbour", "Police shooting at the docks", "Officers fired on a crowd.", "2025-03-02"),
           ("market", "Market reopens", "Police said a shooting near the stalls left two dead.", "2025-05-20"),
           ("storm", "Storm hits the coast", "No police were seen.", "2025-06-01"))


@pytest.fixture
def db(tmp_db) -> Path:
    with open_store(str(tmp_db)) as store:
        store.add_extractions([Extraction(page=Page(source=f"wire/{key}.txt", text=f"The {key} page."),
                                          stories=(Story(headline=headline, body=(body,), published=day),))
                               for key, headline, body, day in STORIES])
    return tmp_db


@pytest.mark.parametrize("flags, expected", [
    (["--text", "police shooting"], ["harbour", "market"]),
    (["--text", '"police shooting"'], ["harbour"]),
    (["--text", "storm OR docks"], ["harbour", "storm"]),
    (["--text", "police", "--since", "2025-05", "--until", "2025-05"], ["market"]),
])
def test_stories_narrow_by_text_and_date(run_cli, db, flags, expected) -> None:
    done = run_cli("stories", "--db", str(db), "--json", *flags)
    assert done.returncode == 0, done.stderr
    assert sorted(json.loads(line)["source"][5:-4] for line in done.stdout.splitlines()) == expected


@pytest.mark.parametrize("flags, message", [
    (["--text", "police OR"], "--text"),
    (["--since", "2025-06", "--until", "2025-05"], "reversed"),
])
def test_a_bad_query_or_range_is_a_usage_error(run_cli, db, flags, message) -> None:
    done = run_cli("stories", "--db", str(db), *flags)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
