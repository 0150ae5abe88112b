"""How many rows an export writes and what it leaves out, counted with the store's queries
without writing the file (what /api/export/{format}/count answers before a download).

    count_rows(store, fmt=, per=, filters=, limit=) -> ExportResult, equal to run_export's

The rows are the ones the export reads: the same filters and order (store/incident_queries.py
``select_incidents``, store/queries.py ``select_events`` and ``order_events``), the first
``limit`` of them; the rest are left out "over the limit". Among those, each format leaves
out what its writer would (export/incidents.py, acled.py, plover.py), here as conditions in
SQL: no coordinates (GeoJSON per incident), no date (ACLED), a type the scheme has no code
for (ACLED, PLOVER). A type whose code depends on its words (an agreement is an ACLED
"Agreement" only where the text says ceasefire or truce, export/schemes.py) is decided in
Python on the words alone: the event's trigger and sentence, or an incident's latest source's.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Subquery, case, func, or_, select

from ..event_types import load_event_types, scheme_rows
from ..models import Event
from ..store.filters import EventFilters
from ..store.incident_queries import read_sources, select_incident_count, select_incidents
from ..store.queries import ReadableStore, order_events, select_events
from ..store.schema import events, incidents
from .incidents import NO_ACLED_TYPE, NO_COORDINATES, NO_DATE, pick_latest_source
from .schemes import choose_scheme_row

OVER_LIMIT = "over the limit"
NO_ACLED_EVENT = "no ACLED type or no date"  # per event, one reason for both
NO_PLOVER_TYPE = "no PLOVER type"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """Rows written, and what was left out: how many, and how many for each reason."""

    written: int
    left_out: int
    reasons: dict[str, int] = field(default_factory=dict)

    def describe_left_out(self) -> str:
        """"3 no date; 2 no coordinates" (empty when nothing was left out)."""
        return "; ".join(f"{count} {reason}" for reason, count in self.reasons.items())


def order_reasons(reasons: Counter[str]) -> dict[str, int]:
    """The reasons with their counts, most first, then by name: an export and its count alike."""
    return dict(sorted((+reasons).items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True, slots=True)
class SchemeTypes:
    """The event types by whether a scheme codes them: always, or only with some words."""

    coded: tuple[str, ...]
    by_words: tuple[str, ...]


@cache
def sort_types(scheme: str) -> SchemeTypes:
    """The types ``scheme`` (``acled_sub_event`` or ``plover``, a SchemeRow field) codes."""
    coded: list[str] = []
    by_words: list[str] = []
    for name in load_event_types():
        known = {bool(getattr(row, scheme)) for row in scheme_rows(name)}
        if known == {True}:
            coded.append(name)
        elif True in known:
            by_words.append(name)
    return SchemeTypes(tuple(coded), tuple(by_words))


def count_rows(store: ReadableStore, *, fmt: str, per: str, filters: EventFilters,
               limit: int | None = None) -> ExportResult:
    """What ``run_export`` with these arguments would write and leave out, without writing it."""
    chosen = (select_incidents(filters, incidents.c.incident_id, incidents.c.type, incidents.c.date,
                               incidents.c.lat, incidents.c.lon) if per == "incident"
              else select_events(filters, events.c.type, events.c.date, events.c.trigger_word, events.c.sentence)
              .order_by(*order_events()))
    counted = select_incident_count(filters) if per == "incident" else select_events(filters, func.count())
    reasons: Counter[str] = Counter()
    with store.reading() as conn:
        total = int(conn.execute(counted).scalar_one())
        read = total if limit is None else min(total, limit)
        if read:
            rows = (chosen.limit(limit) if read < total else chosen.order_by(None)).subquery()
            reasons.update(_count_left_out(conn, rows, fmt=fmt, per=per))
    left_out = sum(reasons.values())
    if read < total:
        reasons[OVER_LIMIT] += total - read
    return ExportResult(read - left_out, sum(reasons.values()), order_reasons(reasons))


def _count_left_out(conn: Connection, rows: Subquery, *, fmt: str, per: str) -> Counter[str]:
    """Of ``rows``, how many the format's writer leaves out, by reason."""
    undated = func.coalesce(rows.c.date, "") == ""
    if per == "incident" and fmt == "geojson":
        return _count_cases(conn, rows, [(or_(rows.c.lat.is_(None), rows.c.lon.is_(None)), NO_COORDINATES)])
    if fmt == "acled":
        types = sort_types("acled_sub_event")
        reason = NO_DATE if per == "incident" else NO_ACLED_EVENT
        found = _count_cases(conn, rows, [(undated, reason),
                                          (rows.c.type.not_in(types.coded + types.by_words),
                                           NO_ACLED_TYPE if per == "incident" else NO_ACLED_EVENT)])
        by_words = select(rows).where(~undated, rows.c.type.in_(types.by_words))
        found[NO_ACLED_TYPE if per == "incident" else NO_ACLED_EVENT] += _count_uncoded(conn, by_words,
                                                                                       "acled_sub_event", per=per)
        return +found
    if per == "event" and fmt == "plover":
        types = sort_types("plover")
        found = _count_cases(conn, rows, [(rows.c.type.not_in(types.coded + types.by_words), NO_PLOVER_TYPE)])
        found[NO_PLOVER_TYPE] += _count_uncoded(conn, select(rows).where(rows.c.type.in_(types.by_words)),
                                                "plover", per=per)
        return +found
    return Counter()  # csv and jsonl per incident, geojson and jsonl per event: every row is written


def _count_cases(conn: Connection, rows: Subquery, cases: list[tuple[ColumnElement[bool], str]]) -> Counter[str]:
    """How many of ``rows`` fall under each reason: the first of ``cases`` whose condition holds."""
    reasons = select(case(*cases, else_=None).label("reason")).select_from(rows).subquery()
    counted = select(reasons.c.reason, func.count()).where(reasons.c.reason.is_not(None)).group_by(reasons.c.reason)
    return Counter({reason: int(n) for reason, n in conn.execute(counted)})


def _count_uncoded(conn: Connection, query: Select[Any], scheme: str, *, per: str) -> int:
    """How many of the rows ``query`` selects (types coded only with some words) the scheme
    leaves out for their words: the event's own, or the incident's latest source's."""
    found = conn.execute(query).all()
    if per == "incident":
        sources = read_sources(conn, [row.incident_id for row in found])
        latest = {key: pick_latest_source(value) for key, value in sources.items()}
        words = [(row.type, *((chosen.trigger, chosen.sentence) if (chosen := latest.get(row.incident_id))
                              else ("", ""))) for row in found]
    else:
        words = [(row.type, row.trigger_word, row.sentence) for row in found]
    return sum(not _is_coded(type, trigger, sentence, scheme) for type, trigger, sentence in words)


def _is_coded(type: str, trigger: str, sentence: str, scheme: str) -> bool:
    event = Event(type=type, trigger=trigger, trigger_span=(0, 0), sentence=sentence, sentence_span=(0, 0))
    row = choose_scheme_row(event)
    return row is not None and bool(getattr(row, scheme))
