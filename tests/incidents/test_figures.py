"""An incident's figures: ACLED's lowest, and low, best and high across sources."""
from __future__ import annotations

import pytest

from dateline.incidents import Figures, SourceEvent, combine_figures, summarise_figures


@pytest.mark.parametrize("values, expected", [
    ([], Figures()),
    ([7], Figures(acled=7, low=7, best=7, high=7, reported=1)),
    ([10, 12, 12], Figures(acled=10, low=10, best=12, high=12, reported=3)),   # most reported
    ([3, 5, 9], Figures(acled=3, low=3, best=5, high=9, reported=3)),          # none leads: the median
    ([9, 12], Figures(acled=9, low=9, best=9, high=12, reported=2)),           # even: the lower middle
    ([0, 2, 2, 40], Figures(acled=0, low=0, best=2, high=40, reported=4)),     # "no one died" is a figure
])
def test_figures_across_sources(values: list[int], expected: Figures) -> None:
    assert combine_figures(values) == expected


def source(group: str, n: int, **counts) -> SourceEvent:
    return SourceEvent(page_id=f"{group}{n}", story_position=0, event_id="e", group_id=group, type="attack",
                       family="violence", **counts)


def test_copies_count_once_and_sources_without_a_figure_are_left_out() -> None:
    events = [source("wire", n, killed=20) for n in range(5)] + [
        source("paper", 0, killed=10, injured=3), source("radio", 0, killed=12), source("blog", 0)]
    figures = summarise_figures(events)
    assert figures["killed"] == Figures(acled=10, low=10, best=12, high=20, reported=3)
    assert figures["injured"] == Figures(acled=3, low=3, best=3, high=3, reported=1)
    assert figures["arrested"] == Figures()


def test_copies_that_disagree_give_their_source_the_figure_most_of_them_give() -> None:
    events = [source("wire", 0, killed=5), source("wire", 1, killed=7), source("wire", 2, killed=7)]
    assert summarise_figures(events)["killed"].low == 7
