"""The SQLite store: what goes in comes out, twice in adds nothing, a page that
failed and now succeeds is replaced, and failures are kept with their reasons."""
from __future__ import annotations

import pytest

from dateline.errors import StoreError
from dateline.models import Caption, Dateline, Extraction, Failure, Page, Removed, Story
from dateline.store import Store, database_url, open_store

STORY = Story(
    headline="Ferry crews strike over safety rules",
    body=("PIRAEUS, Greece (AP) — Ferry crews walked out at dawn.", "The union said talks had failed."),
    dateline=Dateline("PIRAEUS", "AP"),
    published="2025-03-19T11:20",
    updated="2025-03-19T12:05",
    captions=(Caption("Passengers wait at the port.", "Photo: A. Writer/AP"),),
    byline="By A. Writer",
)
SECOND = Story(headline=None, body=("NAIROBI, Kenya (AP) — Floods closed the road.",), published="2025-04-23")


def page(text: str = "PIRAEUS, Greece (AP) — Ferry crews walked out.", source: str = "pages/ferry.txt") -> Page:
    return Page(source=source, text=text, kind="text", url="https://news.example/ferry",
                fetched="2025-03-19T12:00:00Z", encoding="utf-8")


def ok(p: Page | None = None, *stories: Story) -> Extraction:
    return Extraction(page=p or page(), stories=stories or (STORY, SECOND),
                      removed=(Removed("Share on Facebook", "boilerplate", "share line"),))


def failed(p: Page | None = None) -> Extraction:
    p = p or page()
    return Extraction(page=p, failure=Failure(p.source, "clean", "cleaner crashed: ValueError: bad"))


@pytest.fixture
def store(store_target):
    with open_store(store_target) as opened:
        yield opened


def test_store_meets_the_protocol(store) -> None:
    assert isinstance(store, Store)


def test_stories_come_back_as_they_went_in_with_their_source(store) -> None:
    result = store.add_extractions([ok()])
    assert (result.pages_added, result.stories_added) == (1, 2)
    first, second = store.stories()
    assert first.story == STORY and second.story == SECOND
    assert (first.source, first.url, first.position, second.position) == (
        "pages/ferry.txt", "https://news.example/ferry", 0, 1)
    assert first.page_id == page().page_id
    assert store.counts().removed == 1


def test_adding_the_same_pages_twice_adds_nothing(store) -> None:
    store.add_extractions([ok(), Failure("bad.png", "read", "binary file (looks like PNG image), not a page")])
    before = store.counts()
    again = store.add_extractions([ok(), ok(page(source="copy/of/ferry.txt")),
                                   Failure("bad.png", "read", "binary file (looks like PNG image), not a page")])
    assert (again.pages_added, again.pages_unchanged, again.stories_added, again.failures_added) == (0, 2, 0, 0)
    assert store.counts() == before
    assert before.pages == 1 and before.stories == 2 and before.failures == 1


def test_a_page_that_failed_and_now_succeeds_is_replaced(store) -> None:
    store.add_extractions([failed()])
    assert store.counts().pages_failed == 1
    assert [f.reason for f in store.failures()] == ["cleaner crashed: ValueError: bad"]
    result = store.add_extractions([ok()])
    assert result.pages_replaced == 1
    counts = store.counts()
    assert (counts.pages_ok, counts.pages_failed, counts.stories, counts.failures) == (1, 0, 2, 0)
    assert store.failures() == []


def test_a_stored_page_is_not_lost_when_it_later_fails(store) -> None:
    store.add_extractions([ok()])
    store.add_extractions([failed()])
    assert store.counts().pages_ok == 1 and len(store.stories()) == 2


def test_a_new_cleaner_version_replaces_the_stories(store) -> None:
    store.add_extractions([ok()])
    newer = Extraction(page=page(), stories=(SECOND,), cleaner_version="clean-9.9")
    assert store.add_extractions([newer]).pages_replaced == 1
    assert [s.story for s in store.stories()] == [SECOND]


def test_failures_keep_source_stage_reason_and_offset_and_skips_apart(store) -> None:
    store.add_extractions([
        Failure("crawl.warc.gz#1219", "read", "WARC file is cut short", 1219),
        Failure("crawl.warc.gz#597", "skip", "payload is image/png, not HTML or text", 597),
        failed(page(text="another page", source="pages/other.txt")),
    ])
    found = store.failures()
    assert [(f.source, f.stage, f.offset) for f in found] == [
        ("crawl.warc.gz#1219", "read", 1219), ("pages/other.txt", "clean", None)]
    assert len(store.failures(include_skipped=True)) == 3
    counts = store.counts()
    assert (counts.failures, counts.skipped, counts.pages_failed) == (2, 1, 1)


def test_a_read_failure_is_cleared_when_its_source_reads_later(store) -> None:
    store.add_extractions([Failure("pages/ferry.txt", "read", "empty page: nothing but whitespace")])
    store.add_extractions([ok()])
    assert store.failures() == []


def test_a_failed_write_rolls_back_the_whole_batch(store) -> None:
    store.add_extractions([ok()])
    broken = Extraction(page=page(text="new page", source="pages/new.txt"),
                        stories=(Story(headline="x", body=("y",)),),
                        removed=(Removed(None, "boilerplate"),))  # type: ignore[arg-type] - NOT NULL text
    with pytest.raises(StoreError):
        store.add_extractions([ok(page(text="third page", source="pages/third.txt")), broken])
    counts = store.counts()
    assert (counts.pages, counts.stories) == (1, 2)  # what was stored before is intact, nothing half-written


def test_stories_limit_offset_and_page(store) -> None:
    other = page(text="second page", source="pages/a-first-by-name.txt")
    store.add_extractions([ok(), ok(other, SECOND)])
    assert [s.source for s in store.stories()] == ["pages/a-first-by-name.txt", "pages/ferry.txt", "pages/ferry.txt"]
    assert len(store.stories(limit=2)) == 2
    assert [s.position for s in store.stories(offset=1)] == [0, 1]
    assert [s.source for s in store.stories(page_id=other.page_id)] == ["pages/a-first-by-name.txt"]


def test_data_survives_reopening(store_target) -> None:
    with open_store(store_target) as first:
        first.add_extractions([ok()])
    with open_store(store_target, create=False) as again:
        assert again.counts().stories == 2


def test_opening_a_missing_database_without_create_says_what_to_do(tmp_path) -> None:
    with pytest.raises(StoreError, match="run `dateline ingest` first"):
        open_store(str(tmp_path / "none.db"), create=False)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no-such-folder" / "x.db"))


@pytest.mark.parametrize(("target", "url"), [
    ("dateline.db", "sqlite:///dateline.db"),
    ("/data/news.db", "sqlite:////data/news.db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
    ("postgresql://u@db/news", "postgresql+psycopg://u@db/news"),
    ("postgres://u@db/news", "postgresql+psycopg://u@db/news"),
])
def test_db_takes_a_path_or_a_url(target, url) -> None:
    assert database_url(target) == url
