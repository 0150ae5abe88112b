"""Migrations: applied once, in order, each with its bookkeeping row in one
transaction; a failing one leaves the database as it was. On SQLite and on
PostgreSQL (see the ``store_target`` fixture)."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text

from dateline.errors import MigrationError
from dateline.store import database_url, open_store
from dateline.store.migrations import apply_migrations, list_migrations
from dateline.store.schema import BACKEND_COLUMNS, MIGRATIONS_TABLE, metadata
from dateline.store.sql import make_sqlite_transactional


def open_engine(target: str):
    """An engine on the store's database, as the store makes it (SQLite runs DDL in transactions)."""
    engine = create_engine(database_url(target))
    if engine.dialect.name == "sqlite":
        make_sqlite_transactional(engine)
    return engine


def migration_names(engine) -> list[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY name"))]


def test_opening_a_store_applies_every_migration_once(store_target) -> None:
    open_store(store_target).close()
    open_store(store_target).close()
    engine = open_engine(store_target)
    assert migration_names(engine) == [name for name, _ in list_migrations()]
    assert apply_migrations(engine) == []
    engine.dispose()


def test_the_migrated_tables_match_the_schema_the_code_queries(store_target) -> None:
    open_store(store_target).close()
    engine = open_engine(store_target)
    found = inspect(engine)
    own = BACKEND_COLUMNS.get(engine.dialect.name, {})
    for table in metadata.tables.values():
        columns = [c["name"] for c in found.get_columns(table.name)]
        assert columns == [c.name for c in table.columns] + list(own.get(table.name, ())), table.name
        assert found.get_pk_constraint(table.name)["constrained_columns"] == [c.name for c in table.primary_key]
    engine.dispose()


def test_a_failing_migration_is_rolled_back_with_its_bookkeeping_row(tmp_path, store_target) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_first.sql").write_text("CREATE TABLE first (id TEXT PRIMARY KEY);\n")
    (folder / "0002_broken.sql").write_text(
        "-- makes a table, then fails: neither may remain\n"
        "CREATE TABLE second (id TEXT PRIMARY KEY);\n"
        "INSERT INTO second (id) VALUES ('a');\n"
        "CREATE TABLE broken (;\n")
    engine = open_engine(store_target)
    with pytest.raises(MigrationError, match="0002_broken.sql failed and was rolled back"):
        apply_migrations(engine, directory=folder)
    tables = set(inspect(engine).get_table_names())
    assert "first" in tables and "second" not in tables
    assert migration_names(engine) == ["0001_first.sql"]
    (folder / "0002_broken.sql").write_text("CREATE TABLE second (id TEXT PRIMARY KEY);\n")  # fixed
    assert apply_migrations(engine, directory=folder) == ["0002_broken.sql"]
    engine.dispose()
