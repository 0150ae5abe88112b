"""An incident's figures from its sources' reports (docs/incidents.md, "Figures").

    events ──per source (story group)──▶ Report(published, killed, injured, arrested)
           ──order_reports──▶ reports in publication order (the toll history)
           ──summarise_figures──▶ Figures(acled, low, best, high) for each count

- A source is a story group: syndicated copies count once. Its figure for a count
  is the one most of its copies give; on a tie, the higher (a later copy of a wire
  story usually carries the updated toll). Its time is the latest publication of its copies.
- ``best`` (and ``acled``, the figure the incident shows): ACLED's rule for updates. The
  latest report's figure replaces the earlier ones ("the death toll rises to seven"
  replaces 5). Where several reports of the latest publication day conflict, the one
  with the lowest figures is taken as a whole (killed first, then injured, then arrested),
  so the figures shown are a set one outlet reported; a count that report lacks comes
  from the latest reports that give it (the lowest of them, if they conflict).
  A report with no publication date cannot be known to be later: undated reports decide
  only when no dated report gives the count.
- ``low`` / ``high``: the lowest and highest figure any source reported.

Sources that give no figure are left out; a source saying "no one was hurt" gives 0.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .records import Figures, SourceEvent

COUNTS = ("killed", "injured", "arrested")
NO_FIGURE = 10 ** 9  # ranks a missing figure after every reported one


@dataclass(frozen=True, slots=True)
class Report:
    """One source's figures at its time: what a point of the toll history shows."""

    group_id: str
    published: str | None
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None

    @property
    def day(self) -> str | None:
        return self.published[:10] if self.published else None

    def figure(self, count: str) -> int | None:
        value: int | None = getattr(self, count)
        return value


class Reported(Protocol):
    """What a report is read from: a source event as grouping has it, or as the store gives it back."""

    @property
    def group_id(self) -> str: ...
    @property
    def published(self) -> str | None: ...
    @property
    def killed(self) -> int | None: ...
    @property
    def injured(self) -> int | None: ...
    @property
    def arrested(self) -> int | None: ...


def pick_source_figure(values: Iterable[int | None]) -> int | None:
    """One source's figure from its copies' figures: the most given, the higher on a tie."""
    found = Counter(v for v in values if v is not None)
    if not found:
        return None
    return max(found.items(), key=lambda item: (item[1], item[0]))[0]


def order_reports(events: Sequence[Reported]) -> list[Report]:
    """Each source's report, in publication order (undated reports first, then by group id)."""
    by_group: dict[str, list[Reported]] = {}
    for event in events:
        by_group.setdefault(event.group_id, []).append(event)
    reports = []
    for group_id, copies in by_group.items():
        published = max((e.published for e in copies if e.published), default=None)
        figures = {count: pick_source_figure(getattr(e, count) for e in copies) for count in COUNTS}
        reports.append(Report(group_id=group_id, published=published, **figures))
    return sorted(reports, key=lambda r: (r.published is not None, r.published or "", r.group_id))


def choose_latest(reports: Sequence[Report]) -> Report | None:
    """The report whose figures the incident shows: of the latest publication day's reports
    that give a figure, the one with the lowest figures (None when no report gives one)."""
    given = [r for r in reports if any(r.figure(count) is not None for count in COUNTS)]
    if not given:
        return None
    latest = _latest_day(given)
    return min((r for r in given if r.day == latest),
               key=lambda r: tuple(_rank(r.figure(count)) for count in COUNTS))


def pick_best(reports: Sequence[Report], count: str) -> int | None:
    """One count's best figure: the chosen latest report's, else the lowest of the latest
    reports that give this count."""
    chosen = choose_latest(reports)
    if chosen is not None and chosen.figure(count) is not None:
        return chosen.figure(count)
    given = [r for r in reports if r.figure(count) is not None]
    if not given:
        return None
    latest = _latest_day(given)
    return min(v for r in given if r.day == latest for v in [r.figure(count)] if v is not None)


def _latest_day(reports: Sequence[Report]) -> str | None:
    """The latest publication day among the reports (None when none is dated)."""
    return max((r.day for r in reports if r.day), default=None)


def _rank(value: int | None) -> int:
    return NO_FIGURE if value is None else value


def combine_figures(reports: Sequence[Report], count: str) -> Figures:
    """One count across the reports: the best (ACLED's update rule), the lowest and the highest."""
    values = [v for r in reports for v in [r.figure(count)] if v is not None]
    if not values:
        return Figures()
    best = pick_best(reports, count)
    return Figures(acled=best, low=min(values), best=best, high=max(values), reported=len(values))


def summarise_figures(events: Sequence[SourceEvent]) -> dict[str, Figures]:
    """Figures for killed, injured and arrested."""
    reports = order_reports(events)
    return {count: combine_figures(reports, count) for count in COUNTS}
