"""Full-text search over stories on SQLite (FTS5) and PostgreSQL (tsvector, GIN): the same
answers on both, an index kept in step when a page is replaced, migration 0006 indexing the
stories stored before it, and hostile queries refused or read sanely, never a crash."""
from __future__ import annotations

import shutil

import pytest
from sqlalchemy import create_engine, text

from dateline.errors import InvalidFilter
from dateline.models import Event, Extraction, Page, Story
from dateline.store import database_url, open_store
from dateline.store.filters import EventFilters
from dateline.store.incidents import refresh_incidents
from dateline.store.migrations import apply_migrations, list_migrations
from dateline.store.queries import list_events, list_stories
from dateline.store.sql import make_sqlite_transactional

# (headline, paragraphs): written for these tests
STORIES = {
    "harbour": ("Police shooting at the harbour", ("Officers fired on a crowd at the docks late on Friday.",)),
    "market": ("Market reopens after raid", ("Traders returned on Monday.",
                                             "Police said a shooting near the stalls left two dead; a handgun "
                                             "was found under a cart.")),
    "storm": ("Storm hits the coast", ("No police were seen as the water rose.",)),
    "court": ("Trial opens", ("The accused bought the handgun a week before, the prosecutor said.",)),
    "quiet": ("Quiet weekend", ("Al-Shabaab said nothing. In Kyïv the shootings of last year were remembered.",)),
    "drill": ("Police drill", ("A mock attack with a replica HANDGUN was staged for cadets.",)),
}


def page_of(key: str, *, coder: str = "coder-1", headline: str | None = None,
            body: tuple[str, ...] | None = None) -> Extraction:
    title, paragraphs = STORIES[key]
    paragraphs = body or paragraphs
    sentence = paragraphs[0]
    event = Event(type="attack", trigger=sentence.split()[1], trigger_span=(0, 1), sentence=sentence,
                  sentence_span=(0, len(sentence)), date="2025-03-01", killed=2)
    story = Story(headline=headline or title, body=paragraphs, published="2025-03-01", events=(event,))
    return Extraction(page=Page(source=f"wire/{key}.txt", text=f"The {key} page as fetched.",
                                url=f"https://wire.example/{key}"),
                      stories=(story,), nlp_version="nlp-1", coder_version=coder)


def found(store, q: str) -> list[str]:
    return sorted(item.source.split("/")[1][:-4] for item in list_stories(store, q=q).items)


@pytest.fixture
def store(store_target):
    with open_store(store_target) as opened:
        opened.add_extractions([page_of(key) for key in STORIES])
        yield opened


@pytest.mark.parametrize("q, expected", [
    ("police shooting", ["harbour", "market"]),        # both words, anywhere in headline or body
    ("police AND shooting", ["harbour", "market"]),
    ('"police shooting"', ["harbour"]),                # next to each other
    ("handgun", ["court", "drill", "market"]),         # every story whose body holds it, any case
    ("HandGun -drill", ["court", "market"]),
    ("handgun NOT (drill OR trial)", ["market"]),
    ("storm OR trial", ["court", "storm"]),
    ("handgun police OR storm", ["drill", "market", "storm"]),  # AND binds tighter than OR
    ("shoot*", ["harbour", "market", "quiet"]),
    ("shooting", ["harbour", "market"]),               # whole words: not "shootings"
    ("al-Shabaab", ["quiet"]),
    ("kyïv", ["quiet"]),
    ("kyiv", []),                                      # accents count, on both backends
    ('"police shooting', ["harbour"]),                 # a quote left open closes at the end
    ("'; DROP TABLE stories; --", []),                 # the words drop, table, stories: none holds them all
    ("nothing", ["quiet"]),
])
def test_the_query_language_finds_the_same_stories_on_both_backends(store, q, expected) -> None:
    assert found(store, q) == expected


@pytest.mark.parametrize("q", ["OR", "police OR", "AND police", "NOT", "-drill", "police OR -drill", "(police",
                               "police)", "()", "%", '""', "NOT NOT police", " ".join(f"w{i}" for i in range(40))])
def test_a_query_the_store_cannot_run_is_refused_naming_q(store, q) -> None:
    with pytest.raises(InvalidFilter) as refused:
        list_stories(store, q=q)
    assert refused.value.name == "q"


def test_events_and_incidents_match_through_their_story(store) -> None:
    refresh_incidents(store)
    from dateline.store.incident_queries import find_incidents

    events = list_events(store, EventFilters(q="handgun")).items
    assert sorted(e.source for e in events) == ["wire/court.txt", "wire/drill.txt", "wire/market.txt"]
    # "handgun" is in the market story's second paragraph, not in its event's sentence
    assert find_incidents(store, EventFilters(q="handgun")).total == 3
    assert find_incidents(store, EventFilters(q='"police shooting"')).total == 1


def test_a_replaced_page_is_searched_as_it_now_reads(store) -> None:
    assert found(store, "storm") == ["storm"]
    newer = page_of("storm", coder="coder-2", headline="Flood hits the coast",
                    body=("The river burst its banks; a handgun shop was flooded.",))
    store.add_extractions([newer])
    assert found(store, "storm") == []
    assert found(store, "flood") == ["storm"] and found(store, "handgun") == ["court", "drill", "market", "storm"]
    assert list_stories(store).total == len(STORIES)


def test_migration_0006_indexes_the_stories_stored_before_it(tmp_path, store_target) -> None:
    folder = tmp_path / "before"
    folder.mkdir()
    dialect = "postgresql" if store_target.startswith("postgresql") else "sqlite"
    source = [name for name, _ in list_migrations(dialect=dialect)]
    for name, sql in list_migrations(dialect=dialect):
        if name < "0006":
            (folder / name).write_text(sql, encoding="utf-8")
    engine = create_engine(database_url(store_target))
    if engine.dialect.name == "sqlite":
        make_sqlite_transactional(engine)
    apply_migrations(engine, directory=folder)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO pages (page_id, source, kind, cleaner_version, status, stored_at) "
                          "VALUES ('p1', 'wire/old.txt', 'text', 'c', 'ok', '2025')"))
        conn.execute(text("INSERT INTO stories (page_id, position, story_id, headline, body, body_json, "
                          "captions_json) VALUES ('p1', 0, 's1', 'Old news', 'A handgun was found.', '[]', '[]')"))
    engine.dispose()
    shutil.rmtree(folder)
    with open_store(store_target) as opened:  # applies 0006 (and any later migration)
        assert [s.page_id for s in list_stories(opened, q="handgun").items] == ["p1"]
        assert "0006_search.sql" in source
