"""An incident's figures: the latest report's toll (ACLED's rule for updates), the lowest
where reports of one day conflict, and low and high across sources."""
from __future__ import annotations

import pytest

from dateline.incidents import Figures, SourceEvent, order_reports, summarise_figures


def source(group: str, n: int = 0, published: str | None = None, **counts) -> SourceEvent:
    return SourceEvent(page_id=f"{group}{n}", story_position=0, event_id="e", group_id=group, type="attack",
                       family="violence", published=published, **counts)


def test_a_later_report_revises_the_toll_and_the_pair_stays_one_outlets() -> None:
    """The market attack: 5 killed and 9 injured on Monday, "the death toll rises to seven" on
    Tuesday (no injured given): 7 killed, and the injured of the only report that gives them."""
    events = [source("sahel-wire", published="2025-03-10T09:00", killed=5, injured=9),
              source("river-post", published="2025-03-11T08:30", killed=7)]
    figures = summarise_figures(events)
    assert figures["killed"] == Figures(acled=7, low=5, best=7, high=7, reported=2)
    assert figures["injured"] == Figures(acled=9, low=9, best=9, high=9, reported=1)


def test_a_later_report_giving_both_figures_replaces_both() -> None:
    events = [source("a", published="2025-03-10", killed=5, injured=9),
              source("b", published="2025-03-12", killed=7, injured=4)]
    figures = summarise_figures(events)
    assert (figures["killed"].best, figures["injured"].best) == (7, 4)
    assert (figures["injured"].low, figures["injured"].high) == (4, 9)


def test_reports_of_one_day_that_conflict_give_the_lowest_report_whole() -> None:
    """Same day, 9 killed 2 injured against 12 killed 1 injured: the 9/2 report, never 9/1."""
    events = [source("paper", published="2025-03-11T07:00", killed=9, injured=2),
              source("wire", published="2025-03-11T21:00", killed=12, injured=1),
              source("older", published="2025-03-09", killed=3, injured=0)]
    figures = summarise_figures(events)
    assert (figures["killed"].best, figures["injured"].best) == (9, 2)
    assert (figures["killed"].low, figures["killed"].high) == (3, 12)


def test_undated_reports_decide_only_where_no_dated_report_gives_the_count() -> None:
    events = [source("dated", published="2025-03-11", killed=4),
              source("undated", killed=30, arrested=2), source("undated-too", arrested=5)]
    figures = summarise_figures(events)
    assert figures["killed"].best == 4
    assert figures["arrested"].best == 2  # two undated reports conflict: the lowest


@pytest.mark.parametrize("values, expected", [
    ([7], Figures(acled=7, low=7, best=7, high=7, reported=1)),
    ([10, 12, 12], Figures(acled=10, low=10, best=10, high=12, reported=3)),
    ([0, 2, 2, 40], Figures(acled=0, low=0, best=0, high=40, reported=4)),  # "no one died" is a figure
])
def test_undated_sources_that_conflict_give_the_lowest(values: list[int], expected: Figures) -> None:
    events = [source(f"outlet{n}", killed=value) for n, value in enumerate(values)]
    assert summarise_figures(events)["killed"] == expected


def test_copies_count_once_and_sources_without_a_figure_are_left_out() -> None:
    events = [source("wire", n, published="2025-01-02", killed=20) for n in range(5)] + [
        source("paper", 0, published="2025-01-01", killed=10, injured=3),
        source("radio", 0, published="2025-01-01", killed=12), source("blog", 0, published="2025-01-03")]
    figures = summarise_figures(events)
    assert figures["killed"] == Figures(acled=20, low=10, best=20, high=20, reported=3)
    assert figures["injured"] == Figures(acled=3, low=3, best=3, high=3, reported=1)
    assert figures["arrested"] == Figures()


def test_copies_that_disagree_give_their_source_the_figure_most_of_them_give() -> None:
    events = [source("wire", 0, killed=5), source("wire", 1, killed=7), source("wire", 2, killed=7)]
    assert summarise_figures(events)["killed"].low == 7


def test_reports_come_in_publication_order_with_one_per_source() -> None:
    events = [source("late", published="2025-03-12", killed=7), source("early", published="2025-03-10", killed=5),
              source("early", 1, published="2025-03-10", killed=5), source("undated", killed=6)]
    assert [(r.group_id, r.killed) for r in order_reports(events)] == [("undated", 6), ("early", 5), ("late", 7)]
