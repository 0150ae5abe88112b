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

Any number of writers may share a store: engine.py takes the write lock up front
and tries a transaction again while another writer holds the database; writes.py
makes every insert idempotent; state.py says whether the incidents are up to date.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import StoreError
from ..models import Extraction, Failure
from .base import AddResult, PageState, StoreCounts, StoredEntity, StoredEvent, StoredQuote, StoredStory
from .engine import describe_driver_error, fold_case, make_engine, make_sqlite_transactional, run_writing
from .faults import trip
from .filters import EventFilters
from .migrations import apply_migrations
from .queries import EVENTS_BY_DATE, list_entities, list_quotes, list_stories, read_events
from .rows import read_page_state
from .schema import entities, events, failures, pages, quotes, removed, stories
from .state import StoreState, read_state
from .writes import SKIP_STAGE, write_extractions

__all__ = ["SKIP_STAGE", "SqlStore", "database_url", "fold_case", "make_sqlite_transactional"]

log = logging.getLogger(__name__)


def database_url(target: str) -> str:
    """A SQLAlchemy URL from a file path or a URL (postgresql:// uses psycopg 3)."""
    if "://" not in target:
        return f"sqlite:///{Path(target).expanduser()}"
    if target.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    return target


class SqlStore:
    """A Store on any database SQLAlchemy reaches; see the Store protocol."""

    def __init__(self, target: str, *, create: bool = True) -> None:
        self.url = database_url(target)
        try:
            url = make_url(self.url)
        except ArgumentError as exc:
            raise StoreError(f"{target!r} is neither a file path nor a database URL") from exc
        self.name = url.render_as_string(hide_password=True)  # for messages: they end up in logs and failures
        self.is_sqlite = url.get_backend_name() == "sqlite"
        if self.is_sqlite and url.database and url.database != ":memory:":
            path = Path(url.database)
            if not create and not path.exists():
                raise StoreError(f"no database at {path}: run `dateline ingest` first, or give --db")
            if not path.parent.exists():
                raise StoreError(f"cannot create the database {path}: folder {path.parent} does not exist")
        try:
            self.engine = make_engine(self.url)
        except (ArgumentError, ImportError) as exc:
            raise StoreError(f"cannot open {target}: {exc}") from exc
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
            raise StoreError(f"reading {self.name} failed: {describe_driver_error(exc)}") from exc

    # writes

    def add_extractions(self, extractions: Iterable[Extraction | Failure]) -> AddResult:
        """Store pages, their stories and removed lines, and failures, in one transaction
        (tried again while another writer holds the database: engine.run_writing)."""
        items = list(extractions)

        def write(conn: Connection) -> AddResult:
            tally = write_extractions(conn, items)
            trip("batch-written")
            return AddResult(**tally)

        return run_writing(self.engine, write, what=f"writing to {self.name}")

    def state(self) -> StoreState:
        """The store's counters: whether its incidents are up to date with its pages (state.py)."""
        with self.reading() as conn:
            return read_state(conn)

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
