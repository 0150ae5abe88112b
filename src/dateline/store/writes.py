"""What one ``add_extractions`` transaction writes, and how it stays right when other
writers (another `dateline ingest`, an API upload) store the same pages at the same time.

    write_extractions(conn, items)   pages, their stories, removed lines, events, quotes,
                                     entities and failures; bumps the pages counter (state.py)
                                     when a page was added or replaced

Every insert is idempotent (``ON CONFLICT DO NOTHING``, on SQLite and PostgreSQL alike), and
a page's row is locked before it is looked at: inserted if absent, else read ``FOR UPDATE``
(PostgreSQL; SQLite's write transaction holds the whole file), so two writers of one page
agree on who stores it and the other finds it stored. Kept apart from sql.py, which decides
when a transaction runs and tries it again.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, Connection, Table, bindparam, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert

from ..models import Extraction, Failure, content_id
from .base import ResultRow
from .coded import entity_id, entity_values, event_values, list_unique, quote_id, quote_values
from .rows import is_newer_reading, now_iso, page_values, story_values
from .schema import entities, events, failures, pages, quotes, removed, stories
from .state import bump_pages

SKIP_STAGE = "skip"
IN_CHUNK = 500  # ids per IN (...) list
PAGE_STATE_COLUMNS = (pages.c.status, pages.c.cleaner_version, pages.c.nlp_version, pages.c.coder_version)


def insert_new(conn: Connection, table: Table) -> Insert:
    """INSERT ... ON CONFLICT DO NOTHING on this connection's backend: a row that is there already stays."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def insert_or_replace(conn: Connection, table: Table, *, key: Sequence[str]) -> Insert:
    """INSERT ... ON CONFLICT (key) DO UPDATE every other column: the row ends as given."""
    if conn.dialect.name == "postgresql":
        pg_statement = postgresql.insert(table)
        return pg_statement.on_conflict_do_update(
            index_elements=list(key),
            set_={c.name: pg_statement.excluded[c.name] for c in table.columns if c.name not in key})
    statement = sqlite.insert(table)
    return statement.on_conflict_do_update(
        index_elements=list(key),
        set_={c.name: statement.excluded[c.name] for c in table.columns if c.name not in key})


def write_extractions(conn: Connection, items: Sequence[Extraction | Failure]) -> Counter[str]:
    """Store pages with their stories, and failures, in the caller's transaction; what changed."""
    tally: Counter[str] = Counter()
    recorded = now_iso()  # one time for the batch: its failures list in the order of their sources
    for item in items:
        if isinstance(item, Extraction):
            _add_extraction(conn, item, tally, recorded)
    tally["failures_added"] += add_read_failures(conn, [item for item in items if isinstance(item, Failure)],
                                                 recorded=recorded)
    if tally["pages_added"] or tally["pages_replaced"]:
        bump_pages(conn)
    return tally


def _claim_page(conn: Connection, extraction: Extraction) -> ResultRow | None:
    """The stored state of the page, its row locked; None when this call has just inserted it."""
    page_id = extraction.page.page_id
    query = select(*PAGE_STATE_COLUMNS).where(pages.c.page_id == page_id).with_for_update()
    row = conn.execute(query).first()
    if row is not None:
        return row
    inserted = conn.execute(insert_new(conn, pages).values(**page_values(extraction)).returning(pages.c.page_id))
    if inserted.first() is not None:
        return None
    # another writer stored it between our look and our insert (PostgreSQL: we waited for its commit)
    return conn.execute(query).first()


def _add_extraction(conn: Connection, extraction: Extraction, tally: Counter[str], recorded: str) -> None:
    page_id = extraction.page.page_id
    row = _claim_page(conn, extraction)
    if row is None:
        tally["pages_added"] += 1
    elif extraction.ok and is_newer_reading(row, extraction):
        for table in (stories, removed, failures, events, quotes, entities):
            conn.execute(delete(table).where(table.c.page_id == page_id))
        conn.execute(update(pages).where(pages.c.page_id == page_id).values(**page_values(extraction)))
        tally["pages_replaced"] += 1
    else:
        tally["pages_unchanged"] += 1
        if row.status == "failed" and extraction.failure is not None:
            _refresh_failure(conn, extraction, recorded)
        return
    if extraction.failure is not None:
        tally["failures_added"] += add_failure(conn, extraction.failure, page_id=page_id, recorded=recorded)
        return
    # A source that failed to read (or to be stored) before and is stored now: its old failure is stale.
    conn.execute(delete(failures).where(failures.c.source == extraction.page.source,
                                        failures.c.page_id.is_(None)))
    if extraction.stories:
        conn.execute(insert_new(conn, stories), [story_values(page_id, i, s)
                                                 for i, s in enumerate(extraction.stories)])
        tally["stories_added"] += len(extraction.stories)
        _add_coded(conn, extraction, tally)
    if extraction.removed:
        conn.execute(insert_new(conn, removed), [
            {"page_id": page_id, "position": i, "text": r.text, "reason": r.reason, "rule": r.note}
            for i, r in enumerate(extraction.removed)
        ])


def _add_coded(conn: Connection, extraction: Extraction, tally: Counter[str]) -> None:
    """Each story's events, quotes and entities, each content id once per story."""
    page_id, nlp_version = extraction.page.page_id, extraction.nlp_version
    rows: dict[str, list[dict[str, Any]]] = {"events": [], "quotes": [], "entities": []}
    for n, story in enumerate(extraction.stories):
        rows["events"] += [event_values(page_id, n, i, e)
                           for i, e in list_unique(story.events, lambda e: e.event_id)]
        rows["quotes"] += [quote_values(page_id, n, i, q, nlp_version=nlp_version)
                           for i, q in list_unique(story.quotes, quote_id)]
        rows["entities"] += [entity_values(page_id, n, i, e, nlp_version=nlp_version)
                             for i, e in list_unique(story.entities, entity_id)]
    for table in (events, quotes, entities):
        if rows[table.name]:
            conn.execute(insert_new(conn, table), rows[table.name])
            tally[f"{table.name}_added"] += len(rows[table.name])


def _refresh_failure(conn: Connection, extraction: Extraction, recorded: str) -> None:
    """A page that failed again (a retry): its latest failure replaces the earlier one."""
    failure, page_id = extraction.failure, extraction.page.page_id
    assert failure is not None
    conn.execute(delete(failures).where(failures.c.page_id == page_id,
                                        failures.c.failure_id != failure_id_of(failure)))
    conn.execute(update(pages).where(pages.c.page_id == page_id).values(
        failure_stage=failure.stage, failure_reason=failure.reason))
    add_failure(conn, failure, page_id=page_id, recorded=recorded)


def add_failure(conn: Connection, failure: Failure, *, page_id: str | None, recorded: str | None = None) -> int:
    """Record a failure (1), or nothing when the same failure is recorded already (0)."""
    failure_id = failure_id_of(failure)
    if conn.execute(select(failures.c.failure_id).where(failures.c.failure_id == failure_id)).first():
        return 0
    if page_id is None and failure.stage != SKIP_STAGE:
        # The same source (and record) failing to read again: keep only the latest reason.
        conn.execute(delete(failures).where(
            failures.c.source == failure.source, failures.c.page_id.is_(None),
            failures.c.stage != SKIP_STAGE, failures.c.byte_offset.is_not_distinct_from(failure.offset)))
    added = conn.execute(insert_new(conn, failures).values(
        failure_id=failure_id, page_id=page_id, source=failure.source, stage=failure.stage,
        reason=failure.reason, byte_offset=failure.offset, recorded_at=recorded or now_iso(),
    ).returning(failures.c.failure_id))
    return 1 if added.first() is not None else 0


def add_read_failures(conn: Connection, found: Sequence[Failure], *, recorded: str | None = None) -> int:
    """Record failures that belong to no page (a source or record that could not be read, or a
    page the store refused), a few statements for the lot: a thousand blank lines of an upload
    cost one lookup, one delete and one insert, not three thousand round trips. Each replaces
    the earlier failure of its source and offset (the latest reason is kept); how many are new."""
    wanted = {failure_id_of(f): f for f in found}
    if not wanted:
        return 0
    ids = list(wanted)
    stored: set[str] = set()
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start:start + IN_CHUNK]
        stored.update(conn.execute(select(failures.c.failure_id).where(failures.c.failure_id.in_(chunk))).scalars())
    new = {key: f for key, f in wanted.items() if key not in stored}
    if not new:
        return 0
    stale = [{"s": f.source, "o": f.offset} for f in new.values() if f.stage != SKIP_STAGE]
    if stale:
        conn.execute(delete(failures).where(
            failures.c.source == bindparam("s"), failures.c.page_id.is_(None), failures.c.stage != SKIP_STAGE,
            failures.c.byte_offset.is_not_distinct_from(bindparam("o", type_=BigInteger))), stale)
    recorded = recorded or now_iso()
    rows = [{"failure_id": key, "page_id": None, "source": f.source, "stage": f.stage, "reason": f.reason,
             "byte_offset": f.offset, "recorded_at": recorded} for key, f in new.items()]
    conn.execute(insert_new(conn, failures), rows)
    return len(rows)


def failure_id_of(failure: Failure) -> str:
    return content_id(failure.source, failure.stage, failure.reason, str(failure.offset))
