"""The SQL store: SQLAlchemy Core over SQLite now, PostgreSQL by URL later.

Pages are keyed by their content hash, so adding the same page again adds
nothing; a page that failed before and now succeeds (or was cleaned by another
cleaner version, parsed by another NLP version or coded by another coder
version) is replaced with all its rows: stories, removed lines, events, quotes
and entities. A page that succeeded before and fails now keeps what was stored.
Every ``add_extractions`` call is one transaction.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import StoreError
from ..models import Caption, Dateline, Extraction, Failure, Story, content_id
from .base import AddResult, StoreCounts, StoredEntity, StoredEvent, StoredQuote, StoredStory
from .coded import (check_date_filter, fold_name, entity_id, entity_values, event_values, list_unique, quote_id,
                    quote_values, read_entity, read_event, read_quote)
from .migrations import apply_migrations
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


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _make_sqlite_transactional(engine) -> None:
    """Let SQLite run DDL inside transactions (the driver would commit around it)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
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
            _make_sqlite_transactional(self.engine)
        try:
            apply_migrations(self.engine)
        except StoreError:
            self.engine.dispose()
            raise
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open {target}: {getattr(exc, 'orig', None) or exc}") from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

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
            raise StoreError(f"writing to {self.url} failed: {getattr(exc, 'orig', None) or exc}") from exc
        return AddResult(**tally)

    def _add_extraction(self, conn: Connection, extraction: Extraction, tally: Counter[str]) -> None:
        page_id = extraction.page.page_id
        row = conn.execute(select(pages.c.status, pages.c.cleaner_version, pages.c.nlp_version,
                                  pages.c.coder_version).where(pages.c.page_id == page_id)).first()
        if row is None:
            conn.execute(insert(pages).values(**self._page_values(extraction)))
            tally["pages_added"] += 1
        elif extraction.ok and _is_newer_reading(row, extraction):
            for table in (stories, removed, failures, events, quotes, entities):
                conn.execute(delete(table).where(table.c.page_id == page_id))
            conn.execute(update(pages).where(pages.c.page_id == page_id).values(**self._page_values(extraction)))
            tally["pages_replaced"] += 1
        else:
            tally["pages_unchanged"] += 1
            return
        if extraction.failure is not None:
            tally["failures_added"] += self._add_failure(conn, extraction.failure, page_id=page_id)
            return
        # A source that failed to read before and reads now: its old failure is stale.
        conn.execute(delete(failures).where(failures.c.source == extraction.page.source,
                                            failures.c.page_id.is_(None)))
        if extraction.stories:
            conn.execute(insert(stories), [self._story_values(page_id, i, s)
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
        rows: dict[str, list[dict]] = {"events": [], "quotes": [], "entities": []}
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

    def _add_failure(self, conn: Connection, failure: Failure, *, page_id: str | None) -> int:
        failure_id = content_id(failure.source, failure.stage, failure.reason, str(failure.offset))
        if conn.execute(select(failures.c.failure_id).where(failures.c.failure_id == failure_id)).first():
            return 0
        conn.execute(insert(failures).values(
            failure_id=failure_id, page_id=page_id, source=failure.source, stage=failure.stage,
            reason=failure.reason, byte_offset=failure.offset, recorded_at=_now(),
        ))
        return 1

    @staticmethod
    def _page_values(extraction: Extraction) -> dict:
        page, failure = extraction.page, extraction.failure
        return {
            "page_id": page.page_id, "source": page.source, "url": page.url, "fetched": page.fetched,
            "kind": page.kind, "encoding": page.encoding, "byte_offset": page.offset,
            "cleaner_version": extraction.cleaner_version,
            "status": "ok" if failure is None else "failed",
            "failure_stage": failure.stage if failure else None,
            "failure_reason": failure.reason if failure else None,
            "stored_at": _now(),
            "nlp_version": extraction.nlp_version,
            "coder_version": extraction.coder_version,
        }

    @staticmethod
    def _story_values(page_id: str, position: int, story: Story) -> dict:
        return {
            "page_id": page_id, "position": position, "story_id": story.story_id,
            "headline": story.headline,
            "dateline_place": story.dateline.place if story.dateline else None,
            "dateline_agency": story.dateline.agency if story.dateline else None,
            "byline": story.byline, "published": story.published, "updated": story.updated,
            "body": story.text,
            "body_json": json.dumps(list(story.body), ensure_ascii=False),
            "captions_json": json.dumps([{"text": c.text, "credit": c.credit} for c in story.captions],
                                        ensure_ascii=False),
        }

    # queries

    def stories(self, *, limit: int | None = None, offset: int = 0,
                page_id: str | None = None) -> list[StoredStory]:
        """Stored stories, by source and then by their place on the page."""
        query = (select(stories, pages.c.source, pages.c.url)
                 .join(pages, pages.c.page_id == stories.c.page_id)
                 .order_by(pages.c.source, stories.c.position)
                 .offset(offset))
        if page_id is not None:
            query = query.where(stories.c.page_id == page_id)
        if limit is not None:
            query = query.limit(limit)
        with self._query() as conn:
            return [self._stored_story(row) for row in conn.execute(query)]

    @staticmethod
    def _stored_story(row) -> StoredStory:
        dateline = (Dateline(place=row.dateline_place, agency=row.dateline_agency)
                    if row.dateline_place or row.dateline_agency else None)
        story = Story(
            headline=row.headline, body=tuple(json.loads(row.body_json)), dateline=dateline,
            published=row.published, updated=row.updated, byline=row.byline,
            captions=tuple(Caption(c["text"], c.get("credit")) for c in json.loads(row.captions_json)),
        )
        return StoredStory(page_id=row.page_id, source=row.source, url=row.url, position=row.position,
                           story=story)

    def events(self, *, type: str | None = None, family: str | None = None, country: str | None = None,
               place: str | None = None, since: str | None = None, until: str | None = None,
               certainty: str | None = None, limit: int | None = None) -> list[StoredEvent]:
        """Stored events that pass every filter given, earliest first (undated last).

        ``place`` matches part of the place name, whatever the case and accents; ``since`` and
        ``until`` are ISO dates of any precision and keep events whose days reach into
        the range; ``country`` is ISO 3166-1 alpha-2.
        """
        query = (select(events, pages.c.source, pages.c.url, stories.c.headline, stories.c.published)
                 .join(pages, pages.c.page_id == events.c.page_id)
                 .join(stories, (stories.c.page_id == events.c.page_id)
                       & (stories.c.position == events.c.story_position))
                 .order_by(events.c.date_from.is_(None), events.c.date_from, pages.c.source,
                           events.c.story_position, events.c.position))
        if type is not None:
            query = query.where(events.c.type == type)
        if family is not None:
            query = query.where(events.c.family == family)
        if country is not None:
            query = query.where(events.c.country == country.upper())
        if place is not None:
            query = query.where(_contains(events.c.place_key, fold_name(place)))
        if since is not None:
            query = query.where(events.c.date_to >= check_date_filter(since))
        if until is not None:
            query = query.where(events.c.date_from <= check_date_filter(until, last=True))
        if certainty is not None:
            query = query.where(events.c.certainty == certainty)
        if limit is not None:
            query = query.limit(limit)
        with self._query() as conn:
            return [StoredEvent(page_id=r.page_id, source=r.source, url=r.url, story_position=r.story_position,
                                headline=r.headline, published=r.published, event=read_event(r))
                    for r in conn.execute(query)]

    def quotes(self, *, speaker: str | None = None, page_id: str | None = None,
               limit: int | None = None) -> list[StoredQuote]:
        """Stored quotes, by source and place in the story; ``speaker`` matches part of the name."""
        query = (select(quotes, pages.c.source, pages.c.url)
                 .join(pages, pages.c.page_id == quotes.c.page_id)
                 .order_by(pages.c.source, quotes.c.story_position, quotes.c.position))
        if speaker is not None:
            query = query.where(_contains(func.lower(quotes.c.speaker), speaker.lower()))
        if page_id is not None:
            query = query.where(quotes.c.page_id == page_id)
        if limit is not None:
            query = query.limit(limit)
        with self._query() as conn:
            return [StoredQuote(page_id=r.page_id, source=r.source, url=r.url, story_position=r.story_position,
                                quote=read_quote(r)) for r in conn.execute(query)]

    def entities(self, *, type: str | None = None, name: str | None = None, page_id: str | None = None,
                 limit: int | None = None) -> list[StoredEntity]:
        """Stored entities, by source and place in the story; ``name`` matches part of the name."""
        query = (select(entities, pages.c.source, pages.c.url)
                 .join(pages, pages.c.page_id == entities.c.page_id)
                 .order_by(pages.c.source, entities.c.story_position, entities.c.position))
        if type is not None:
            query = query.where(entities.c.type == type)
        if name is not None:
            query = query.where(_contains(func.lower(entities.c.name), name.lower()))
        if page_id is not None:
            query = query.where(entities.c.page_id == page_id)
        if limit is not None:
            query = query.limit(limit)
        with self._query() as conn:
            return [StoredEntity(page_id=r.page_id, source=r.source, url=r.url,
                                 story_position=r.story_position, entity=read_entity(r))
                    for r in conn.execute(query)]

    def counts(self) -> StoreCounts:
        with self._query() as conn:
            by_status = dict(conn.execute(select(pages.c.status, func.count()).group_by(pages.c.status)).all())
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
        with self._query() as conn:
            return [Failure(source=r.source, stage=r.stage, reason=r.reason, offset=r.byte_offset)
                    for r in conn.execute(query)]

    def _query(self):
        return _QueryConnection(self)


def _is_newer_reading(row, extraction: Extraction) -> bool:
    """Whether a good extraction should replace what is stored for its page."""
    if row.status == "failed" or row.cleaner_version != extraction.cleaner_version:
        return True
    # A run without the NLP stage or the coder (None) never wipes what they stored.
    return any(new is not None and new != old for new, old in (
        (extraction.nlp_version, row.nlp_version), (extraction.coder_version, row.coder_version)))


def _contains(column, text: str):
    """``column LIKE %text%`` with the pattern's own wildcards taken literally."""
    return column.like(f"%{_escape_like(text)}%", escape="\\")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class _QueryConnection:
    """A connection for reads that turns driver errors into StoreError."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store
        self.conn: Connection | None = None

    def __enter__(self) -> Connection:
        self.conn = self.store.engine.connect()
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> bool:
        assert self.conn is not None
        self.conn.close()
        if isinstance(exc, SQLAlchemyError):
            raise StoreError(f"reading {self.store.url} failed: {getattr(exc, 'orig', None) or exc}") from exc
        return False
