"""Stores keep pages, stories, removed lines and failures; the ``Store`` protocol
says what each offers. ``open_store`` takes a file path or a database URL:

    open_store("dateline.db")                       SQLite file in the working folder
    open_store("sqlite:////data/news.db")           SQLite by URL
    open_store("postgresql://user@host/news")       PostgreSQL (psycopg 3)

The schema is brought up to date by migrations when a store opens.
"""
from __future__ import annotations

from .base import AddResult, Store, StoreCounts, StoredEntity, StoredEvent, StoredQuote, StoredStory
from .sql import SqlStore, database_url

__all__ = ["AddResult", "SqlStore", "Store", "StoreCounts", "StoredEntity", "StoredEvent", "StoredQuote",
           "StoredStory", "database_url", "open_store"]


def open_store(target: str, *, create: bool = True) -> SqlStore:
    """The store at a path or URL; ``create=False`` refuses to make a new SQLite file."""
    return SqlStore(target, create=create)
