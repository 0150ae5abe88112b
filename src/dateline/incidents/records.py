"""The records incident grouping reads and makes.

    SourceEvent (one coded event of one story, with its story group)
        ──group_incidents──▶ Incident (one happening: an IncidentSummary, its members and combined Figures)

Dates stay ISO strings of any precision ("2024-05-03", "2024-05", "2024"); the first
and last day they may fall on are computed here, as day ordinals, for comparison.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..models import Party

INCIDENTS_VERSION = "incidents-0.3"  # 0.3: best = the latest report's figures (ACLED's rule for updates)

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@lru_cache(maxsize=65536)
def span_days(value: str | None, end: str | None = None) -> tuple[int, int] | None:
    """(first, last) day ordinal an ISO date (and an optional end date) may cover; None if undated."""
    first = _bound(value, last=False)
    if first is None:
        return None
    last = _bound(end or value, last=True)
    return (first, max(first, last if last is not None else first))


def _bound(value: str | None, *, last: bool) -> int | None:
    match = _ISO.match(value or "")
    if not match:
        return None
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    try:
        if month_text is None:
            return date(year, 12, 31).toordinal() if last else date(year, 1, 1).toordinal()
        month = int(month_text)
        if day_text is None:
            return date(year, month, calendar.monthrange(year, month)[1] if last else 1).toordinal()
        return date(year, month, int(day_text)).toordinal()
    except ValueError:  # no such year, month or day
        return None


@dataclass(frozen=True, slots=True)
class SourceEvent:
    """One coded event as grouping reads it: what, where, when, who, how many, and from which story.

    ``group_id`` is the story group (near-duplicate copies share it: they count as one
    source); ``published`` is the story's date, used to bound events the text left undated;
    ``actors``/``targets`` the raw names, ``actor``/``target`` the coded parties.
    """

    page_id: str
    story_position: int
    event_id: str
    group_id: str
    type: str
    family: str
    certainty: str = "reported"
    country: str | None = None
    admin1: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # place, region, country
    date: str | None = None
    date_end: str | None = None
    published: str | None = None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    actor: Party | None = None
    target: Party | None = None

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.page_id, self.story_position, self.event_id)

    @property
    def story_key(self) -> tuple[str, int]:
        return (self.page_id, self.story_position)

    @property
    def days(self) -> tuple[int, int] | None:
        return span_days(self.date, self.date_end)

    @property
    def published_day(self) -> int | None:
        found = span_days((self.published or "")[:10])
        return found[0] if found else None


@dataclass(frozen=True, slots=True)
class Figures:
    """One count (killed, injured or arrested) across an incident's sources.

    ``best`` follows ACLED's rule for updates: the latest report's figure, the lowest where
    reports of the latest day conflict (incidents/figures.py); ``acled`` is the figure the
    incident shows, the same; ``low``/``high`` the extremes;
    ``reported`` how many sources gave a figure at all. All None when no source gave one.
    """

    acled: int | None = None
    low: int | None = None
    best: int | None = None
    high: int | None = None
    reported: int = 0


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    """What an incident is, where and when: the fields an incident has as grouping makes it
    (``Incident``) and as the store gives it back (store/incident_queries.py ``StoredIncident``).
    The summary comes from the members by stated rules (docs/incidents.md); ``actor`` and
    ``target`` are the parties most of its sources give (None when none gives one)."""

    incident_id: str
    type: str
    family: str
    country: str | None
    admin1: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    date: str | None
    date_end: str | None
    certainty: str
    actor: Party | None
    target: Party | None


@dataclass(frozen=True, slots=True)
class Incident(IncidentSummary):
    """One happening told by one or more stories: its summary, figures and every member event.

    ``source_count`` counts story groups, so syndicated copies count once.
    """

    killed: Figures
    injured: Figures
    arrested: Figures
    source_count: int
    events: tuple[SourceEvent, ...]
