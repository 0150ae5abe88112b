"""Event dates: one matched time expression resolved against the story date.

    resolve_match(rule, match, story=..., previous=..., planned=...) -> (value, end, rule name)

Calendar spans go through dateparser; month, weekday, relative and counted ("two
days later") expressions are placed from the story date or the previous event's
date (see mentions.py for the rules).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Protocol

from dateparser.date import DateDataParser

from ..words import parse_number
from .holidays import place_holiday
from .tables import find_holiday, load_tables

BASE = dt.datetime(2000, 1, 1)  # fixed so parsed calendar spans can be cached


Resolved = tuple[str | None, str | None, str]  # (value, end of a range, rule name)
Groups = dict[str, Any]  # a match's named groups (which ones depends on its pattern)


def resolve_match(rule: str, match: re.Match[str], *, story: dt.date | None, previous: str | None,
                  planned: bool) -> Resolved:
    """(value, end, rule name) for one matched expression (the resolver of its rule, RESOLVERS)."""
    resolver = RESOLVERS.get(rule)
    if resolver is None:
        return None, None, rule
    return resolver(rule, match.groupdict(), story=story, previous=previous, planned=planned)


def resolve_iso(rule: str, groups: Groups, *, story: dt.date | None, previous: str | None, planned: bool) -> Resolved:
    return _iso(groups["y"], groups["m"], groups["d"]), None, "iso"


def resolve_calendar(rule: str, groups: Groups, *, story: dt.date | None, previous: str | None,
                     planned: bool) -> Resolved:
    """ "March 22", "23 April 2022"; a range ("June 15 and 16") with its last day."""
    month, day = _parse_calendar(groups["mon"], groups["d"])
    if month is None or day is None:
        return None, None, rule
    first = _place_day(groups.get("y"), month, day, story=story, planned=planned)
    if first is None or rule == "calendar":
        return first, None, rule
    last = _iso(first[:4], f"{month:02d}", groups["d2"])
    return first, last if last and last > first else None, rule


def resolve_month(rule: str, groups: Groups, *, story: dt.date | None, previous: str | None,
                  planned: bool) -> Resolved:
    month = load_tables().months[groups["mon"]]
    pre = (groups.get("pre") or "").lower()
    value = _place_month(groups.get("y"), month, story=story, planned=planned or pre == "next", pre=pre)
    return value, None, "next" if pre == "next" else "month"


def resolve_year(rule: str, groups: Groups, *, story: dt.date | None, previous: str | None,
                 planned: bool) -> Resolved:
    return groups["y"], None, "year"


def resolve_weekday(rule: str, groups: Groups, *, story: dt.date | None, previous: str | None,
                    planned: bool) -> Resolved:
    mod = (groups.get("mod") or "").lower()
    value = _place_weekday(load_tables().weekdays[groups["wd"]], story=story, planned=planned, mod=mod)
    return value, None, "next" if mod == "next" else "weekday"


def resolve_ago(rule: str, groups: Groups, *, story: dt.date | None, previous: str | None,
                planned: bool) -> Resolved:
    return _count_back(groups, story=story, previous=previous)


def resolve_before_event(rule: str, groups: Groups, *, story: dt.date | None, previous: str | None,
                         planned: bool) -> Resolved:
    """ "came two days after gunmen opened fire": the other event, two days before."""
    flipped = dict(groups, dir="before" if groups["dir"].lower() == "after" else "after")
    # with no event told before, the news is what "came two days after": count from the story day
    anchor = previous or (story.isoformat() if story else None)
    value, last, _ = _count_back(flipped, story=story, previous=anchor)
    return value, last, "before_event"


def resolve_relative(rule: str, groups: Groups, *, story: dt.date | None, previous: str | None,
                     planned: bool) -> Resolved:
    return _relative(load_tables().relative[groups["rel"].lower()], story=story, previous=previous)


def resolve_overnight(rule: str, groups: Groups, *, story: dt.date | None, previous: str | None,
                      planned: bool) -> Resolved:
    """ "overnight Saturday", "Saturday overnight": that day; "overnight into Sunday": the night
    from Saturday to Sunday (the range of both days, as a night straddles two)."""
    weekdays = load_tables().weekdays
    night: str | None = groups.get("wd") or groups.get("wd3")
    into: str | None = groups.get("wd2") or groups.get("wd4") or groups.get("wd5")
    if night is not None:
        value = _place_weekday(weekdays[night], story=story, planned=planned, mod="")
        if value is None or into is None:
            return value, None, "overnight"
        return value, (dt.date.fromisoformat(value) + dt.timedelta(days=1)).isoformat(), "overnight"
    morning = _place_weekday(weekdays[into], story=story, planned=planned, mod="") if into else None
    if morning is None:
        return None, None, "overnight"
    return (dt.date.fromisoformat(morning) - dt.timedelta(days=1)).isoformat(), morning, "overnight"


def resolve_holiday(rule: str, groups: Groups, *, story: dt.date | None, previous: str | None,
                    planned: bool) -> Resolved:
    """ "on Christmas Day", "during Eid": the holiday's day (a range for a festival of several days)."""
    holiday = find_holiday(groups["hol"])
    if holiday is None:
        return None, None, "holiday"
    mod = " ".join((groups.get("hpre") or "").lower().split())
    year = int(groups["y"]) if groups.get("y") else None
    days = place_holiday(holiday, story=story, year=year, planned=planned, mod=mod)
    if days is None:
        return None, None, "holiday"
    first, last = days
    if mod.endswith("eve of"):  # "on the eve of Eid al-Adha": the day before (either day before, for a sighted one)
        hijri = any(rule.startswith("hijri") for rule in holiday.days)
        first, last = first - dt.timedelta(days=1), first if hijri else first - dt.timedelta(days=1)
    return first.isoformat(), last.isoformat() if last > first else None, "next" if mod == "next" else "holiday"


class Resolver(Protocol):
    def __call__(self, rule: str, groups: Groups, *, story: dt.date | None, previous: str | None,
                 planned: bool) -> Resolved: ...


RESOLVERS: dict[str, Resolver] = {  # rule of tables.py's patterns -> how its matches are placed
    "iso": resolve_iso, "calendar": resolve_calendar, "range": resolve_calendar, "month": resolve_month,
    "year": resolve_year, "weekday": resolve_weekday, "ago": resolve_ago, "before_event": resolve_before_event,
    "relative": resolve_relative, "overnight": resolve_overnight, "holiday": resolve_holiday,
}


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1)
def calendar_parser() -> DateDataParser:
    """One English dateparser parser per process: ``dateparser.parse`` builds a new one
    (settings, locale) on every call, ten times the cost of the parse itself."""
    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": BASE})


@lru_cache(maxsize=512)
def _parse_calendar(month_name: str, day: str) -> tuple[int | None, int | None]:
    """Month and day of a calendar span through dateparser (a leap year base keeps Feb 29)."""
    parsed = calendar_parser().get_date_data(f"{month_name} {day} 2000").date_obj
    if parsed is None:
        month = load_tables().months.get(month_name.rstrip("."))
        return (month, int(day)) if month and 1 <= int(day) <= 31 else (None, None)
    return parsed.month, parsed.day


def _place_day(year: str | None, month: int, day: int, *, story: dt.date | None, planned: bool) -> str | None:
    """The date of 'March 22': its own year, else the latest not after the story
    (the first not before it for planned events)."""
    if year:
        return _iso(year, str(month), str(day))
    if story is None:
        return None
    candidates = []
    for offset in (-1, 0, 1):
        try:
            candidates.append(dt.date(story.year + offset, month, day))
        except ValueError:
            continue
    chosen = [c for c in candidates if c >= story] if planned else [c for c in candidates if c <= story]
    if not chosen:
        return None
    return (min(chosen) if planned else max(chosen)).isoformat()


def _place_month(year: str | None, month: int, *, story: dt.date | None, planned: bool, pre: str = "") -> str | None:
    if year:
        return f"{int(year):04d}-{month:02d}"
    if story is None:
        return None
    if pre == "last":
        year_of = story.year if month < story.month else story.year - 1
    elif planned:
        year_of = story.year if month >= story.month else story.year + 1
    else:
        year_of = story.year if month <= story.month else story.year - 1
    return f"{year_of:04d}-{month:02d}"


def _place_weekday(weekday: int, *, story: dt.date | None, planned: bool, mod: str) -> str | None:
    if story is None:
        return None
    if mod == "next" or (planned and mod != "last"):
        delta = (weekday - story.weekday()) % 7 or (7 if mod == "next" else 0)
        return (story + dt.timedelta(days=delta)).isoformat()
    delta = (story.weekday() - weekday) % 7 or (7 if mod == "last" else 0)
    return (story - dt.timedelta(days=delta)).isoformat()


def _count_back(groups: dict, *, story: dt.date | None, previous: str | None):
    """'three days ago' from the story; 'two days later' from the event before."""
    amount_text = groups["n"].lower()
    amount = 1 if amount_text in ("a", "an") else parse_number(amount_text)
    unit = groups["unit"].lower().rstrip("s")
    direction = groups["dir"].lower()
    anchor_rule = "ago" if direction == "ago" else "after"
    anchor = story if direction == "ago" else (_day(previous) if previous and len(previous) == 10 else None)
    if amount is None or anchor is None:
        return None, None, anchor_rule
    sign = 1 if direction in ("later", "after", "afterwards") else -1
    if unit in ("day", "week"):
        days = amount * (7 if unit == "week" else 1)
        return (anchor + dt.timedelta(days=sign * days)).isoformat(), None, anchor_rule
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + sign * amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}", None, anchor_rule
    return f"{anchor.year + sign * amount:04d}", None, anchor_rule


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _relative(entry: tuple[str, str, int], *, story: dt.date | None, previous: str | None):
    anchor_name, unit, amount = entry
    rule = "after" if anchor_name == "previous" else "relative"
    anchor = story if anchor_name == "story" else (_day(previous) if previous and len(previous) == 10 else None)
    if anchor is None or unit == "vague":
        return None, None, rule
    if unit == "day":
        return (anchor + dt.timedelta(days=amount)).isoformat(), None, ("next" if amount > 0 and rule == "relative"
                                                                         else rule)
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=7 * amount)
        sunday = monday + dt.timedelta(days=6)
        value = f"{monday.year:04d}-{monday.month:02d}" if monday.month == sunday.month else None
        return value, None, "next" if amount > 0 else rule
    if unit == "weekend":
        saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
        return saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat(), rule
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}", None, "next" if amount > 0 else rule
    return f"{anchor.year + amount:04d}", None, "next" if amount > 0 else rule
