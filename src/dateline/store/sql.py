"""The SQL store: SQLAlchemy Core over SQLite (a file path or sqlite:///) and
PostgreSQL (postgresql://, through psycopg 3), the same tables and migrations on both.

Pages are keyed by their content hash, so adding the same page again adds
nothing; a page that failed before and now succeeds (or was cleaned by another
cleaner version, parsed by another NLP version or coded by another coder
version) is replaced with all its rows: stories, removed lines, events, quotes
and entities. A page that succeeded before and fails now keeps what was stored;
a page that fails again keeps only its latest failure. Every ``add_extractions``
call is one transaction, so a run killed midway leaves whole batches or nothing,
and ``page_states`` lets a resumed run skip what is stored before any stage runs.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import StoreError
from ..models import Extraction, Failure, content_id
from .base import AddResult, PageState, StoreCounts, StoredEntity, StoredEvent, StoredQuote, StoredStory
from .coded import entity_id, entity_values, event_values, list_unique, quote_id, quote_values
from .filters import EventFilters
from .migrations import apply_migrations, describe_driver_error
from .queries import EVENTS_BY_DATE, list_entities, list_quotes, list_stories, read_events
from .rows import is_newer_reading, now_iso, page_values, read_page_state, story_values
from .schema import entities, events, failures, pages, quotes, removed, stories

log = logging.getLogger(__name__)

SKIP_STAGE = "skip"


def database_url(target: str) -> str:
    """A SQLAlchemy URL from a file path or a URL (postgresql:// uses psycopg 3)."""
    if "://" not in target:
        return f"sqlite:///{Path(target).expanduser()}"
    if target.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    return target


def fold_case(value: object) -> object:
    """lower() for SQLite, as PostgreSQL does it: every script's capitals, not only ASCII."""
    return value.lower() if isinstance(value, str) else value


def make_sqlite_transactional(engine: Engine) -> None:
    """Let SQLite run DDL inside transactions (the driver would commit around it), check
    foreign keys, wait for a busy database, and fold case as PostgreSQL does."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.close()
        # SQLite's own lower() folds ASCII only: "ÉTAT" would not find "état" as on PostgreSQL
        dbapi_connection.create_function("lower", 1, fold_case, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


class SqlStore:
    """A Store on any database SQLAlchemy reaches; see the Store protocol."""

    def __init__(self, target: str, *, create: bool = True) -> None:
        self.url = database_url(target)
        try:
            url = make_url(self.url)
        except ArgumentError as exc:
            raise StoreError(f"{target!r} is neither a file path nor a database URL") from exc
        self.is_sqlite = url.get_backend_name() == "sqlite"
        if self.is_sqlite and url.database and url.database != ":memory:":
            path = Path(url.database)
            if not create and not path.exists():
                raise StoreError(f"no database at {path}: run `dateline ingest` first, or give --db")
            if not path.parent.exists():
                raise StoreError(f"cannot create the database {path}: folder {path.parent} does not exist")
        try:
            self.engine = create_engine(self.url)
        except (ArgumentError, ImportError) as exc:
            raise StoreError(f"cannot open {target}: {exc}") from exc
        if self.is_sqlite:
            make_sqlite_transactional(self.engine)
        try:
            apply_migrations(self.engine)
        except StoreError:
            self.engine.dispose()
            raise
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open {target}: {describe_driver_error(exc)}") from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads (the queries of queries.py and incident_queries.py);
        driver errors become StoreError."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"reading {self.url} failed: {describe_driver_error(exc)}") from exc

    # writes

    def add_extractions(self, extractions: Iterable[Extraction | Failure]) -> AddResult:
        """Store pages, their stories and removed lines, and failures, in one transaction."""
        tally: Counter[str] = Counter()
        try:
            with self.engine.begin() as conn:
                for item in extractions:
                    if isinstance(item, Failure):
                        tally["failures_added"] += self._add_failure(conn, item, page_id=None)
                    else:
                        self._add_extraction(conn, item, tally)
        except SQLAlchemyError as exc:
            raise StoreError(f"writing to {self.url} failed: {describe_driver_error(exc)}") from exc
        return AddResult(**tally)

    def _add_extraction(self, conn: Connection, extraction: Extraction, tally: Counter[str]) -> None:
        page_id = extraction.page.page_id
        row = conn.execute(select(pages.c.status, pages.c.cleaner_version, pages.c.nlp_version,
                                  pages.c.coder_version).where(pages.c.page_id == page_id)).first()
        if row is None:
            conn.execute(insert(pages).values(**page_values(extraction)))
            tally["pages_added"] += 1
        elif extraction.ok and is_newer_reading(row, extraction):
            for table in (stories, removed, failures, events, quotes, entities):
                conn.execute(delete(table).where(table.c.page_id == page_id))
            conn.execute(update(pages).where(pages.c.page_id == page_id).values(**page_values(extraction)))
            tally["pages_replaced"] += 1
        else:
            tally["pages_unchanged"] += 1
            if row.status == "failed" and extraction.failure is not None:
                self._refresh_failure(conn, extraction)
            return
        if extraction.failure is not None:
            tally["failures_added"] += self._add_failure(conn, extraction.failure, page_id=page_id)
            return
        # A source that failed to read before and reads now: its old failure is stale.
        conn.execute(delete(failures).where(failures.c.source == extraction.page.source,
                                            failures.c.page_id.is_(None)))
        if extraction.stories:
            conn.execute(insert(stories), [story_values(page_id, i, s)
                                           for i, s in enumerate(extraction.stories)])
            tally["stories_added"] += len(extraction.stories)
            self._add_coded(conn, extraction, tally)
        if extraction.removed:
            conn.execute(insert(removed), [
                {"page_id": page_id, "position": i, "text": r.text, "reason": r.reason, "rule": r.note}
                for i, r in enumerate(extraction.removed)
            ])

    @staticmethod
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
                conn.execute(insert(table), rows[table.name])
                tally[f"{table.name}_added"] += len(rows[table.name])

    def _refresh_failure(self, conn: Connection, extraction: Extraction) -> None:
        """A page that failed again (a retry): its latest failure replaces the earlier one."""
        failure, page_id = extraction.failure, extraction.page.page_id
        assert failure is not None
        conn.execute(delete(failures).where(failures.c.page_id == page_id,
                                            failures.c.failure_id != _failure_id(failure)))
        conn.execute(update(pages).where(pages.c.page_id == page_id).values(
            failure_stage=failure.stage, failure_reason=failure.reason))
        self._add_failure(conn, failure, page_id=page_id)

    def _add_failure(self, conn: Connection, failure: Failure, *, page_id: str | None) -> int:
        failure_id = _failure_id(failure)
        if conn.execute(select(failures.c.failure_id).where(failures.c.failure_id == failure_id)).first():
            return 0
        if page_id is None and failure.stage != SKIP_STAGE:
            # The same source (and record) failing to read again: keep only the latest reason.
            conn.execute(delete(failures).where(
                failures.c.source == failure.source, failures.c.page_id.is_(None),
                failures.c.stage != SKIP_STAGE, failures.c.byte_offset.is_not_distinct_from(failure.offset)))
        conn.execute(insert(failures).values(
            failure_id=failure_id, page_id=page_id, source=failure.source, stage=failure.stage,
            reason=failure.reason, byte_offset=failure.offset, recorded_at=now_iso(),
        ))
        return 1

    # queries

    def page_states(self, page_ids: Iterable[str]) -> dict[str, PageState]:
        """How each of these pages is stored, in one query per thousand ids."""
        wanted = list(dict.fromkeys(page_ids))
        found: dict[str, PageState] = {}
        columns = (pages.c.page_id, pages.c.status, pages.c.cleaner_version, pages.c.nlp_version,
                   pages.c.coder_version)
        with self.reading() as conn:
            for at in range(0, len(wanted), 1000):
                query = select(*columns).where(pages.c.page_id.in_(wanted[at:at + 1000]))
                found.update((row.page_id, read_page_state(row)) for row in conn.execute(query))
        return found

    def stories(self, *, limit: int | None = None, offset: int = 0,
                page_id: str | None = None) -> list[StoredStory]:
        """Stored stories, by source and then by their place on the page."""
        return list_stories(self, page_id=page_id, sort="source", limit=limit, offset=offset).items

    def events(self, *, type: str | None = None, family: str | None = None, country: str | None = None,
               place: str | None = None, since: str | None = None, until: str | None = None,
               certainty: str | None = None, actor: str | None = None, actor_kind: str | None = None,
               target_kind: str | None = None, limit: int | None = None) -> list[StoredEvent]:
        """Stored events that pass every filter given, earliest first (undated last).

        ``place`` matches part of the place name, whatever the case and accents; ``since`` and
        ``until`` are ISO dates of any precision and keep events whose days reach into
        the range; ``country`` is ISO 3166-1 alpha-2; ``actor`` part of the actor's name or a
        name the actor dictionary knows it by; ``actor_kind`` and ``target_kind`` ACLED actor
        types. The filters are queries.list_events'.
        """
        filters = EventFilters(type=type, family=family, country=country, place=place, date_from=since,
                               date_to=until, certainty=certainty, actor=actor, actor_kind=actor_kind,
                               target_kind=target_kind)
        return read_events(self, filters, order=EVENTS_BY_DATE, limit=limit).items

    def quotes(self, *, speaker: str | None = None, page_id: str | None = None,
               limit: int | None = None) -> list[StoredQuote]:
        """Stored quotes, by source and place in the story; ``speaker`` matches part of the name."""
        return list_quotes(self, speaker=speaker, page_id=page_id, limit=limit).items

    def entities(self, *, type: str | None = None, name: str | None = None, page_id: str | None = None,
                 limit: int | None = None) -> list[StoredEntity]:
        """Stored entities, by source and place in the story; ``name`` matches part of the name."""
        return list_entities(self, type=type, q=name, page_id=page_id, by_mentions=False, limit=limit).items

    def counts(self) -> StoreCounts:
        with self.reading() as conn:
            by_status: dict[str, int] = {status: n for status, n in conn.execute(
                select(pages.c.status, func.count()).group_by(pages.c.status))}
            skipped = failures.c.stage == SKIP_STAGE
            return StoreCounts(
                pages=sum(by_status.values()),
                pages_ok=by_status.get("ok", 0),
                pages_failed=by_status.get("failed", 0),
                stories=conn.execute(select(func.count()).select_from(stories)).scalar_one(),
                removed=conn.execute(select(func.count()).select_from(removed)).scalar_one(),
                failures=conn.execute(select(func.count()).select_from(failures).where(~skipped)).scalar_one(),
                skipped=conn.execute(select(func.count()).select_from(failures).where(skipped)).scalar_one(),
                events=conn.execute(select(func.count()).select_from(events)).scalar_one(),
                quotes=conn.execute(select(func.count()).select_from(quotes)).scalar_one(),
                entities=conn.execute(select(func.count()).select_from(entities)).scalar_one(),
            )

    def failures(self, *, include_skipped: bool = False) -> list[Failure]:
        """Pages that could not be read or cleaned, with their reasons, oldest first."""
        query = select(failures).order_by(failures.c.recorded_at, failures.c.source)
        if not include_skipped:
            query = query.where(failures.c.stage != SKIP_STAGE)
        with self.reading() as conn:
            return [Failure(source=r.source, stage=r.stage, reason=r.reason, offset=r.byte_offset)
                    for r in conn.execute(query)]


def _failure_id(failure: Failure) -> str:
    return content_id(failure.source, failure.stage, failure.reason, str(failure.offset))
