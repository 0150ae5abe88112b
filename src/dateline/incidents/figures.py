"""An incident's figures from its sources' figures (docs/incidents.md).

    events ──per source (story group)──▶ one figure per source ──▶ Figures(acled, low, best, high)

- A source is a story group: syndicated copies count once. Its figure for a count
  is the one most of its events (copies) give; on a tie, the higher (a later
  copy of a wire story usually carries the updated toll).
- ``acled``: ACLED's rule, the lowest figure reported by any source.
- ``low`` / ``high``: the lowest and highest figure reported.
- ``best``: the figure reported by more sources than any other; when no figure
  leads, the median (the lower middle one, so it is always a figure some source gave).

Sources that give no figure are left out; a source saying "no one was hurt" gives 0.
"""
from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence

from .records import Figures, SourceEvent

COUNTS = ("killed", "injured", "arrested")


def pick_source_figure(values: Iterable[int | None]) -> int | None:
    """One source's figure from its copies' figures: the most given, the higher on a tie."""
    found = Counter(v for v in values if v is not None)
    if not found:
        return None
    return max(found.items(), key=lambda item: (item[1], item[0]))[0]


def combine_figures(values: Sequence[int]) -> Figures:
    """Figures across sources from each source's figure (None-free)."""
    if not values:
        return Figures()
    ranked = Counter(values).most_common()
    leads = len(ranked) == 1 or ranked[0][1] > ranked[1][1]  # one figure most sources gave
    best = ranked[0][0] if leads else statistics.median_low(values)
    low = min(values)
    return Figures(acled=low, low=low, best=best, high=max(values), reported=len(values))


def figure_sources(events: Sequence[SourceEvent], count: str) -> list[int]:
    """Each source's figure for ``count`` (killed, injured or arrested), sources that gave one."""
    by_group: dict[str, list[int | None]] = {}
    for event in events:
        by_group.setdefault(event.group_id, []).append(getattr(event, count))
    figures = (pick_source_figure(values) for values in by_group.values())
    return [value for value in figures if value is not None]


def summarise_figures(events: Sequence[SourceEvent]) -> dict[str, Figures]:
    """Figures for killed, injured and arrested."""
    return {count: combine_figures(figure_sources(events, count)) for count in COUNTS}
