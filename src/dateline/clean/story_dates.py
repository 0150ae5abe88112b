"""The dates of one story: published and updated, from every clue the page gives.

In order of trust: the agency's filing date that a dateline prints ("ABUJA, Jan. 27
(Xinhua) --") where the story's stamp puts it days later (a repost); the story's own
stamp (of two, the one nearest the dates its text mentions); the page's metadata; the
dates and weekdays its text mentions; the page's stamp; the day its captions say its
pictures were taken. A stamp printed without a year takes one from the page (copyright
lines, the fetch date).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .stamps import Stamp, find_full_dates, find_lead_weekday, infer_story_date, parse_iso_date, resolve_year
from .stories import Draft

FILING_SLACK_DAYS = 2  # a stamp this close after the dateline's day is the same story's


@dataclass(frozen=True, slots=True)
class PageContext:
    """What the whole page says that helps date and place each story."""

    years: list[int]  # copyright and fetch years, for stamps printed without one
    fetched: dt.date | None
    agency: str | None  # named in a stamp or byline, for datelines that name none


def choose_stamp(stamps: list[Stamp], *, years: list[int], weekday: int | None,
                 mentioned: list[dt.date]) -> tuple[str, str | None] | None:
    """Published and updated from a story's own stamps.

    A page may print two dates above a story: today's date in its masthead and the
    story's own stamp. Where they differ, the story's is the one nearest the latest
    full date its text mentions; where the text mentions none, the one with a time
    of day (mastheads print none); else the first.
    """
    dated = []
    for stamp in stamps:
        year = stamp.year or resolve_year(stamp, years=years, weekday=weekday)
        published = stamp.published(year)
        if published:
            dated.append((published, stamp.updated(year), stamp.time is not None))
    if not dated:
        return None
    if len({published[:10] for published, _, _ in dated}) > 1:
        if mentioned:
            latest = max(mentioned)
            dated.sort(key=lambda d: abs((dt.date.fromisoformat(d[0][:10]) - latest).days))
        else:
            dated.sort(key=lambda d: not d[2])
    return dated[0][0], dated[0][1]


def resolve_filing_date(filed: tuple[int | None, int, int], *, before: dt.date | None, years: list[int],
                        fetched: dt.date | None) -> dt.date | None:
    """The day of a dateline's "Jan. 27": its own year where it prints one, else the last
    such day on or before the story's stamp, else in the latest year the page names that
    is not after its fetch date."""
    year, month, day = filed
    if year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    candidates = [before.year, before.year - 1] if before is not None else sorted(set(years), reverse=True)
    for year in candidates:
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        limit = before + dt.timedelta(days=FILING_SLACK_DAYS) if before is not None else fetched
        if limit is None or found <= limit:
            return found
    return None


def date_story(draft: Draft, *, context: PageContext, page_stamps: list[Stamp], published: str | None,
               lead: str, texts: list[str], captions: Sequence[str] = (),
               filed: tuple[int | None, int, int] | None = None) -> tuple[str | None, str | None]:
    """Published and updated of one story: the dateline's own date where a stamp
    puts the story days after it (a repost), else its own stamp, else the page's
    metadata, else what its own dated mentions and weekdays fix, else the page's stamp,
    else the day its captions say its pictures were taken."""
    weekday = find_lead_weekday(lead)
    mentioned = [d for t in texts for d in find_full_dates(t)]
    chosen = choose_stamp(draft.stamps, years=context.years, weekday=weekday, mentioned=mentioned)
    if filed is not None:
        anchor = parse_iso_date(chosen[0] if chosen else published)
        day = resolve_filing_date(filed, before=anchor, years=context.years + [d.year for d in mentioned],
                                  fetched=context.fetched)
        if day is not None and (anchor is None or (anchor - day).days > FILING_SLACK_DAYS):
            return day.isoformat(), None  # a repost stamped long after the agency filed it
    if chosen is not None:
        return chosen
    if published:
        return published, None
    inferred = infer_story_date(mentioned=mentioned, weekday=weekday, fetched=context.fetched)
    if inferred:
        return inferred, None
    return date_from_page(context=context, page_stamps=page_stamps, weekday=weekday, captions=captions)


def date_from_page(*, context: PageContext, page_stamps: list[Stamp], weekday: int | None,
                   captions: Sequence[str]) -> tuple[str | None, str | None]:
    """The last resorts of ``date_story``, for a story that dates itself in no way: the
    page's stamp, else the day its captions say its pictures were taken."""
    for stamp in page_stamps:
        year = stamp.year or resolve_year(stamp, years=context.years, weekday=weekday)
        if stamp.published(year):
            return stamp.published(year), stamp.updated(year)
    pictured = [d for caption in captions for d in find_full_dates(caption)
                if context.fetched is None or d <= context.fetched]
    if pictured:
        return max(pictured).isoformat(), None  # the day its pictures were taken
    return None, None
