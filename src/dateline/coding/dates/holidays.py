"""Event dates: the days a holiday falls on ("on Christmas Day", "during Eid"), placed by the story date.

    place_holiday(holiday, story=..., year=..., planned=..., mod=...) -> (first day, last day) or None

A holiday names a day of some year: its own year when the text gives one ("Christmas Day
2019"), else the latest such day on or before the story date ("last": strictly before), or
the first on or after it for planned events ("next": strictly after). The days are the rows
of ``date_holidays.txt``:

    fixed:12-25    the same day every year
    easter:-2      days from Western Easter Sunday (Good Friday)
    nth:11:4:3     the 4th Thursday of November (N -1: the last such weekday of the month)
    hijri:10-01    1 Shawwal: Eid al-Fitr, by the tabular Islamic calendar

The tabular Islamic calendar is arithmetic (30-year cycle, 11 leap years): it falls on the
day the new moon is sighted or one day after it (checked against the Eid al-Fitr and Eid
al-Adha dates of 2010-2024), so an Islamic holiday is the range from the day before the
tabular day to its last day; a festival of several days ends ``length`` days on.
"""
from __future__ import annotations

import datetime as dt

from .tables import Holiday

HIJRI_EPOCH = dt.date(622, 7, 19).toordinal()  # 1 Muharram AH 1 (civil epoch), proleptic Gregorian
HIJRI_CYCLE_DAYS, HIJRI_CYCLE_YEARS = 10631, 30


def place_holiday(holiday: Holiday, *, story: dt.date | None, year: int | None, planned: bool,
                  mod: str = "") -> tuple[dt.date, dt.date] | None:
    """The first and last day of the holiday the text names, or None when nothing places it."""
    if year is not None:
        years = [year]
    elif story is not None:
        years = [story.year - 1, story.year, story.year + 1]
    else:
        return None
    spans = sorted({span for rule in holiday.days for y in years for span in list_days(rule, y, holiday.length)})
    if year is not None or story is None:
        return spans[0] if spans else None
    if mod == "next" or planned and mod != "last":
        later = [span for span in spans if span[0] > story or span[0] == story and mod != "next"]
        return later[0] if later else None
    earlier = [span for span in spans if span[0] < story or span[0] <= story and mod != "last"]
    return earlier[-1] if earlier else None


def list_days(rule: str, year: int, length: int) -> list[tuple[dt.date, dt.date]]:
    """(first, last) of each time one row's rule falls in the Gregorian ``year``."""
    kind, _, value = rule.partition(":")
    if kind == "hijri":
        month, day = (int(part) for part in value.split("-"))
        found = []
        for hijri_year in range(to_hijri_year(dt.date(year, 1, 1)) - 1, to_hijri_year(dt.date(year, 12, 31)) + 2):
            tabular = from_hijri(hijri_year, month, day)
            if tabular.year == year:
                found.append((tabular - dt.timedelta(days=1), tabular + dt.timedelta(days=length - 1)))
        return found
    first = read_gregorian(kind, value, year)
    return [] if first is None else [(first, first + dt.timedelta(days=length - 1))]


def read_gregorian(kind: str, value: str, year: int) -> dt.date | None:
    """The day a fixed, Easter or nth-weekday rule gives in ``year``."""
    if kind == "fixed":
        month, day = (int(part) for part in value.split("-"))
        return dt.date(year, month, day)
    if kind == "easter":
        return find_easter(year) + dt.timedelta(days=int(value))
    if kind == "nth":
        month, nth, weekday = (int(part) for part in value.split(":"))
        return find_nth_weekday(year, month, nth, weekday)
    return None


def find_easter(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian computus."""
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_century, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_century - moon + 15) % 30
    quarter, quarter_rest = divmod(rest, 4)
    weekday = (32 + 2 * century_rest + 2 * quarter - epact - quarter_rest) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return dt.date(year, month, day + 1)


def find_nth_weekday(year: int, month: int, nth: int, weekday: int) -> dt.date:
    """The nth ``weekday`` (Monday 0) of the month; nth -1 is the last."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def from_hijri(year: int, month: int, day: int) -> dt.date:
    """A day of the tabular Islamic calendar as a Gregorian date."""
    days = (year - 1) * 354 + (3 + 11 * year) // HIJRI_CYCLE_YEARS + (59 * (month - 1) + 1) // 2 + day - 1
    return dt.date.fromordinal(HIJRI_EPOCH + days)


def to_hijri_year(day: dt.date) -> int:
    """The tabular Islamic year a Gregorian day falls in."""
    return (day.toordinal() - HIJRI_EPOCH) * HIJRI_CYCLE_YEARS // HIJRI_CYCLE_DAYS + 1
