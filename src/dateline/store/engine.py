"""How a store talks to its database: the engine, set up per backend, and the one writer
discipline both backends follow, so that any number of `dateline ingest` runs, API
uploads and incident refreshes may write to one store at once.

    writing(engine)              a write transaction, its lock taken first:
                                   SQLite      BEGIN IMMEDIATE (the write lock, waited for up to
                                               LOCK_WAIT_SECONDS by the busy timeout, up front)
                                   PostgreSQL  a shared advisory lock: writers go side by side,
                                               their rows made safe by ON CONFLICT (writes.py)
    writing(engine, exclusive=True)  the same, alone: SQLite BEGIN EXCLUSIVE; PostgreSQL the
                                   advisory lock in exclusive mode, so no page is written while
                                   a refresh reads the store or a migration changes it
    run_writing(engine, work)    ``work(conn)`` in a write transaction, run again after a pause
                                   that doubles (RETRY_DELAYS) while the database says it is
                                   locked, busy or deadlocked; then a StoreError

Every SQLite connection is in WAL mode (readers never wait for a writer, nor a writer for
readers), checks foreign keys, waits LOCK_WAIT_SECONDS for a lock (the busy timeout, set on
every connection and on the driver) and folds case as PostgreSQL does.
"""
from __future__ import annotations

import logging
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from ..errors import StoreBusy, StoreError

log = logging.getLogger(__name__)

T = TypeVar("T")

LOCK_WAIT_SECONDS = 30
# Pauses between the attempts of a write the database refused as locked or deadlocked
# (each SQLite attempt has already waited LOCK_WAIT_SECONDS); jitter keeps two runs apart.
RETRY_DELAYS = (0.2, 0.5, 1.0, 2.0, 4.0, 8.0)
# PostgreSQL advisory locks: (class, key) pairs, the key being the schema's hash, so that
# stores in other schemas of one database do not wait for each other.
WRITERS_LOCK = 0x64617465    # page writers share it; a refresh takes it alone
MIGRATIONS_LOCK = 0x6D696772  # taken alone by whoever migrates the schema
# PostgreSQL SQLSTATEs worth another attempt: serialization failure, deadlock, lock not available
RETRY_SQLSTATES = {"40001", "40P01", "55P03"}
SQLITE_LOCK_WORDS = ("database is locked", "database table is locked", "database is busy")


def fold_case(value: object) -> object:
    """lower() for SQLite, as PostgreSQL does it: every script's capitals, not only ASCII."""
    return value.lower() if isinstance(value, str) else value


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite set up as the module docstring says."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": LOCK_WAIT_SECONDS})
        make_sqlite_transactional(engine)
        return engine
    return create_engine(url)


def make_sqlite_transactional(engine: Engine) -> None:
    """Let SQLite run DDL inside transactions (the driver would commit around it), begin write
    transactions with the lock they need, check foreign keys, wait for a busy database, keep a
    write-ahead log and fold case as PostgreSQL does."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_SECONDS * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        try:  # kept in the file once set; a read-only file or folder keeps its journal
            cursor.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            log.warning("SQLite could not switch to WAL mode (%s); readers will wait for writers", exc)
        cursor.close()
        # SQLite's own lower() folds ASCII only: "ÉTAT" would not find "état" as on PostgreSQL
        dbapi_connection.create_function("lower", 1, fold_case, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get('dateline_begin', '')}".strip())


@contextmanager
def writing(engine: Engine, *, exclusive: bool = False) -> Iterator[Connection]:
    """A write transaction with its lock taken before anything is read (module docstring)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.execution_options(dateline_begin="EXCLUSIVE" if exclusive else "IMMEDIATE")
        with conn.begin():
            if engine.dialect.name == "postgresql":
                lock = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
                conn.execute(text(f"SELECT {lock}(:kind, hashtext(current_schema()))"), {"kind": WRITERS_LOCK})
            yield conn


def lock_migrations(conn: Connection) -> None:
    """Inside a transaction: wait until no one else migrates this schema (PostgreSQL; SQLite's
    EXCLUSIVE transaction is the lock there)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:kind, hashtext(current_schema()))"),
                     {"kind": MIGRATIONS_LOCK})


def check_lock_error(exc: BaseException) -> bool:
    """Whether the database refused for a lock, a busy file or a deadlock: worth another try."""
    if isinstance(exc, DBAPIError):
        sqlstate = getattr(exc.orig, "sqlstate", None)
        if sqlstate in RETRY_SQLSTATES:
            return True
        message = str(exc.orig).lower()
        return any(words in message for words in SQLITE_LOCK_WORDS)
    return False


def describe_driver_error(exc: BaseException) -> str:
    """The database's own message when the driver gave one (``orig``), else the error's."""
    found = getattr(exc, "orig", None) or exc
    if isinstance(found, OSError) and found.strerror:
        return found.strerror
    return str(found).strip().splitlines()[0] if str(found).strip() else type(found).__name__


def run_writing(engine: Engine, work: Callable[[Connection], T], *, what: str, exclusive: bool = False,
                delays: tuple[float, ...] | None = None) -> T:
    """``work(conn)`` in one write transaction, tried again while the database is locked.

    Each attempt is a whole transaction: one that failed was rolled back, so ``work`` must
    compute what it writes from what it reads in its transaction. ``what`` names the write
    in the StoreError raised when every attempt failed, or at once for any other error.
    """
    pauses = RETRY_DELAYS if delays is None else delays
    for attempt in range(len(pauses) + 1):
        try:
            with writing(engine, exclusive=exclusive) as conn:
                return work(conn)
        except (SQLAlchemyError, OSError) as exc:
            if attempt < len(pauses) and check_lock_error(exc):
                pause = pauses[attempt] * (1 + random.random())  # noqa: S311 - jitter, not secrecy
                log.info("%s: the database is busy (%s); trying again in %.1f s", what,
                         describe_driver_error(exc), pause)
                time.sleep(pause)
                continue
            if check_lock_error(exc):
                raise StoreBusy(f"{what} failed: the database stayed busy through {len(pauses) + 1} tries "
                                f"({describe_driver_error(exc)})") from exc
            raise StoreError(f"{what} failed: {describe_driver_error(exc)}") from exc
    raise AssertionError("unreachable: the last attempt returns or raises")
