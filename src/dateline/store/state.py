"""What the store knows about itself: whether its incidents are up to date with its pages.

Two counters in the ``dateline_state`` table (migration 0005):

    pages       bumped by every transaction that adds or replaces pages, in that transaction
    incidents   set by a refresh, in its transaction, to the ``pages`` value it was built from

so that a run killed after its last page and before the refresh, a refresh that failed
(disk full, a lock) or an ingest run with --no-refresh all leave the store saying that its
incidents are stale, and the next ingest or `dateline incidents` rebuilds them.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select, update

from .schema import dateline_state


@dataclass(frozen=True, slots=True)
class StoreState:
    pages: int
    incidents: int

    @property
    def incidents_stale(self) -> bool:
        """Whether pages were added or replaced since the incidents were last built."""
        return self.incidents != self.pages


def read_state(conn: Connection) -> StoreState:
    values = dict(conn.execute(select(dateline_state.c.name, dateline_state.c.value)).all())
    return StoreState(pages=int(values.get("pages", 0)), incidents=int(values.get("incidents", 0)))


def bump_pages(conn: Connection) -> None:
    """Inside the transaction that wrote pages: the incidents no longer cover every page."""
    conn.execute(update(dateline_state).where(dateline_state.c.name == "pages")
                 .values(value=dateline_state.c.value + 1))


def mark_incidents_built(conn: Connection, state: StoreState) -> None:
    """Inside a refresh's transaction: the incidents now cover the pages as ``state`` saw them."""
    conn.execute(update(dateline_state).where(dateline_state.c.name == "incidents").values(value=state.pages))
