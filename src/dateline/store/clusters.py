"""What the map and the timeline draw on a large store, counted in SQL instead of sent row by row:
the incidents (or events) that pass the filters in the cells of a grid sized by the map's zoom,
and per first day.

    cluster_incidents(store, filters, *, zoom) -> Clusters (the cells, the total, the unplaced)
    cluster_events(store, filters, *, zoom)    -> Clusters
    count_incidents_by_day(store, filters)     -> [DayCount] (dated ones, by first day)
    count_events_by_first_day(store, filters)  -> [DayCount]

A cell is CELL_PIXELS wide on the map at that zoom (Leaflet's world is 256 * 2**zoom pixels
across): 90 / 2**zoom degrees of latitude and longitude, counted from the south pole and the
antimeridian, so that no cell straddles either. One GROUP BY on both databases: the cell's row
and column, and the family, so a cell can say what it holds. The filters are the listings'
(incident_queries.py, queries.py), ``bbox`` included: a view's box keeps only what it holds.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, Integer, Select, cast, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from .filters import EventFilters
from .incident_queries import incident_conditions
from .queries import ReadableStore, select_events
from .schema import events, incidents

CELL_PIXELS = 64
MAX_ZOOM = 18


class CellIndex(FunctionElement[int]):
    """The whole part of a value that is never negative: floor() on PostgreSQL; on SQLite, whose
    floor() is there only when it was built with its math functions, a CAST (which truncates,
    the same for a value >= 0)."""

    type = Integer()
    inherit_cache = True


@compiles(CellIndex)
def compile_cell_index(element: CellIndex, compiler: SQLCompiler, **kw: Any) -> str:
    return f"floor({compiler.process(element.clauses, **kw)})"


@compiles(CellIndex, "sqlite")
def compile_cell_index_sqlite(element: CellIndex, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS INTEGER)"


@dataclass(frozen=True, slots=True)
class Cell:
    """The incidents of one cell: how many, people killed (of those with a figure), their mean
    place, the box they fill (west, south, east, north), the count of each family, and the id
    when the cell holds one."""

    count: int
    killed: int
    lat: float
    lon: float
    bounds: tuple[float, float, float, float]
    families: dict[str, int]
    id: str | None


@dataclass(frozen=True, slots=True)
class Clusters:
    """The cells of the rows that pass the filters, by count (most first); ``total`` counts every
    row that passes, ``unplaced`` those without coordinates (in no cell: 0 when a box is given)."""

    zoom: int
    cell_degrees: float
    cells: list[Cell]
    total: int
    unplaced: int

    @property
    def located(self) -> int:
        return self.total - self.unplaced


@dataclass(frozen=True, slots=True)
class DayCount:
    """The dated rows of one first day: how many and people killed."""

    date: str
    count: int
    killed: int


def measure_cell(zoom: int) -> float:
    """A cell's side in degrees at ``zoom``: CELL_PIXELS of the map's 256 * 2**zoom."""
    if not 0 <= zoom <= MAX_ZOOM:
        raise ValueError(f"zoom {zoom} is outside 0..{MAX_ZOOM}")
    return 360 * CELL_PIXELS / (256 << zoom)


def cluster_incidents(store: ReadableStore, filters: EventFilters, *, zoom: int) -> Clusters:
    """The incidents that pass the filters in the cells of ``zoom``'s grid."""
    c = incidents.c
    size = measure_cell(zoom)
    query = select(*_cell_columns(c.lat, c.lon, c.killed, c.family, size), func.min(c.incident_id))
    return _read_cells(store, query.where(*incident_conditions(filters)), zoom, size,
                       make_id=lambda row: str(row[-1]))


def cluster_events(store: ReadableStore, filters: EventFilters, *, zoom: int) -> Clusters:
    """The events that pass the filters in the cells of ``zoom``'s grid; a lone event's id is
    ``<story_id>/<event_id>``, as /api/events/points gives it."""
    c = events.c
    size = measure_cell(zoom)
    query = select_events(filters, *_cell_columns(c.lat, c.lon, c.killed, c.family, size), func.min(c.page_id),
                          func.min(c.story_position), func.min(c.event_id))
    return _read_cells(store, query, zoom, size, make_id=lambda row: f"{row[-3]}-{row[-2]}/{row[-1]}")


def _cell_columns(lat: Any, lon: Any, killed: Any, family: Any, size: float) -> list[Any]:
    """The cell's row and column (NULL for a row without a place), the family, then per group:
    count, killed, the sums of lat and lon (for the mean) and the box."""
    side = cast(size, Float)
    return [CellIndex((lat + 90) / side).label("cell_y"), CellIndex((lon + 180) / side).label("cell_x"),
            family.label("cell_family"), func.count(), func.coalesce(func.sum(killed), 0), func.sum(lat),
            func.sum(lon), func.min(lon), func.min(lat), func.max(lon), func.max(lat)]


def _read_cells(store: ReadableStore, query: Select[Any], zoom: int, size: float, *,
                make_id: Callable[[Any], str]) -> Clusters:
    """One GROUP BY (by the labels: PostgreSQL takes a bound value in SELECT and GROUP BY for two
    different expressions), then the families of each cell merged here."""
    query = query.group_by("cell_y", "cell_x", "cell_family")
    with store.reading() as conn:
        rows = conn.execute(query).all()
    unplaced = total = 0
    merged: dict[tuple[int, int], dict[str, Any]] = {}
    for row in rows:
        y, x, family, count, killed, lat_sum, lon_sum, west, south, east, north = row[:11]
        total += count
        if y is None or x is None:
            unplaced += count
            continue
        cell = merged.setdefault((int(y), int(x)), {"count": 0, "killed": 0, "lat": 0.0, "lon": 0.0, "families": {},
                                                    "bounds": [west, south, east, north], "id": None})
        cell["count"] += count
        cell["killed"] += int(killed)
        cell["lat"] += lat_sum
        cell["lon"] += lon_sum
        cell["families"][family] = count
        box = cell["bounds"]
        cell["bounds"] = [min(box[0], west), min(box[1], south), max(box[2], east), max(box[3], north)]
        cell["id"] = make_id(row) if count == 1 else None
    cells = [Cell(count=c["count"], killed=c["killed"], lat=c["lat"] / c["count"], lon=c["lon"] / c["count"],
                  bounds=tuple(c["bounds"]), families=c["families"], id=c["id"] if c["count"] == 1 else None)
             for c in merged.values()]
    cells.sort(key=lambda cell: (-cell.count, cell.lat, cell.lon))
    return Clusters(zoom=zoom, cell_degrees=size, cells=cells, total=total, unplaced=unplaced)


def count_incidents_by_day(store: ReadableStore, filters: EventFilters) -> list[DayCount]:
    """How many incidents that pass the filters begin on each day, and people killed in them."""
    c = incidents.c
    query = select(c.date_from, func.count(), func.coalesce(func.sum(c.killed), 0)).where(
        *incident_conditions(filters), c.date_from.is_not(None))
    return _read_days(store, query.group_by(c.date_from).order_by(c.date_from))


def count_events_by_first_day(store: ReadableStore, filters: EventFilters) -> list[DayCount]:
    """How many events that pass the filters begin on each day, and people killed in them."""
    c = events.c
    query = select_events(filters, c.date_from, func.count(), func.coalesce(func.sum(c.killed), 0))
    return _read_days(store, query.where(c.date_from.is_not(None)).group_by(c.date_from).order_by(c.date_from))


def _read_days(store: ReadableStore, query: Select[Any]) -> list[DayCount]:
    with store.reading() as conn:
        return [DayCount(date=str(row[0]), count=int(row[1]), killed=int(row[2])) for row in conn.execute(query)]
