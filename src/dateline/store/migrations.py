"""Schema migrations: numbered SQL files applied in order, each in one
transaction together with its bookkeeping row (as sqlite-utils does), so a
migration that fails leaves the database as it was before it.

    migrations/0001_pages_and_stories.sql
    migrations/0002_....sql            <- add new ones; never edit an applied one
    migrations/0006_search.sqlite.sql          one migration written for each backend:
    migrations/0006_search.postgresql.sql      each database runs its own, both book it as
                                               0006_search.sql

The bookkeeping table ``dateline_migrations`` holds one row per applied migration.
A statement ends at ';', except inside a SQLite ``CREATE TRIGGER ... BEGIN ... END``.
"""
from __future__ import annotations

import logging
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from ..errors import MigrationError
from .engine import describe_driver_error, lock_migrations, writing
from .schema import MIGRATIONS_TABLE

log = logging.getLogger(__name__)


DIALECTS = ("sqlite", "postgresql")


def list_migrations(directory: Path | None = None, *, dialect: str = "sqlite") -> list[tuple[str, str]]:
    """(name, SQL) of every migration for this database (``sqlite`` or ``postgresql``), in the
    order they apply: a portable file, or the file written for this database, named as booked."""
    if directory is None:
        folder = resources.files("dateline.store") / "migrations"
        files = [f for f in folder.iterdir() if f.name.endswith(".sql")]
    else:
        files = list(Path(directory).glob("*.sql"))
    found: dict[str, str] = {}
    for file in files:
        stem, _, written_for = file.name[:-len(".sql")].rpartition(".")
        if written_for in DIALECTS and stem:
            if written_for == dialect:
                found[f"{stem}.sql"] = file.read_text(encoding="utf-8")
        else:
            found[file.name] = file.read_text(encoding="utf-8")
    return sorted(found.items())


def split_statements(sql: str) -> list[str]:
    """The statements of a migration file: ';' ends one (but not inside a trigger's
    BEGIN ... END), '--' starts a comment line."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    statements: list[str] = []
    pending: list[str] = []
    for piece in "\n".join(lines).split(";"):
        pending.append(piece)
        opened = pending[0].strip().upper().startswith("CREATE TRIGGER")
        if not opened or piece.strip().upper() == "END":
            statements.append(";".join(pending).strip())
            pending = []
    statements.append(";".join(pending).strip())
    return [statement for statement in statements if statement]


def applied_migrations(engine: Engine) -> set[str]:
    """The migrations applied so far (none when the bookkeeping table is not there yet)."""
    with engine.connect() as conn:
        return _read_applied(conn)


def _read_applied(conn: Connection) -> set[str]:
    if not inspect(conn).has_table(MIGRATIONS_TABLE):
        return set()
    return {row[0] for row in conn.execute(text(f"SELECT name FROM {MIGRATIONS_TABLE}"))}


def apply_migrations(engine: Engine, *, directory: Path | None = None) -> list[str]:
    """Bring the schema up to date; return the names of the migrations applied now.

    Safe when several processes open a new store at once: each migration is applied in a
    transaction that holds the migration lock (an advisory lock on PostgreSQL, an EXCLUSIVE
    transaction on SQLite) and looks again, under that lock, whether another process has
    applied it meanwhile. A store already up to date is only read.
    """
    wanted = list_migrations(directory, dialect=engine.dialect.name)
    try:
        done = applied_migrations(engine)
    except SQLAlchemyError as exc:
        raise MigrationError(f"cannot read the migration table of the database: {describe_driver_error(exc)}") from exc
    applied: list[str] = []
    for name, sql in wanted:
        if name in done:
            continue
        try:
            with writing(engine, exclusive=True) as conn:
                lock_migrations(conn)
                conn.execute(text(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} "
                                  "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"))
                if name in _read_applied(conn):  # another process applied it while we waited
                    continue
                for statement in split_statements(sql):
                    conn.exec_driver_sql(statement)
                conn.execute(text(f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (:name, :at)"),
                             {"name": name, "at": datetime.now(UTC).isoformat(timespec="seconds")})
        except SQLAlchemyError as exc:
            raise MigrationError(
                f"migration {name} failed and was rolled back ({describe_driver_error(exc)}); "
                "the database is as it was before it"
            ) from exc
        log.info("applied migration %s", name)
        applied.append(name)
    return applied
