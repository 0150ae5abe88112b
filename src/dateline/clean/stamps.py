"""Page date stamps and story dates.

A stamp is a line that is mostly a date: ``2021-11-08 07:15 Last Updated At:07:32``,
``Mon., March 18, 2019``, ``Reuters Published 27 Feb, 2022 4:05pm``,
``14 June 2011Press Release``, ``Aug 17, 3:48 PM EDT`` (no year: resolved
later against the page's copyright year, the fetch date and the story's weekdays).

``infer_story_date`` dates a story that carries no stamp of its own: the story
was published on or after the latest full date it mentions (in its text or its
captions), and on the weekday its lead names ("... said Thursday").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..lexicon import LANGUAGE, read_table
from .tables import load_mapping

# month and weekday names: the tables the coder's dates read (data/en/coding/date_months.txt, date_weekdays.txt)
MONTHS = {row["name"].lower(): int(row["month"]) for row in read_table(f"{LANGUAGE}/coding/date_months.txt").rows}
WEEKDAYS = tuple(row["name"].lower() for row in sorted(read_table(f"{LANGUAGE}/coding/date_weekdays.txt").rows,
                                                       key=lambda row: int(row["weekday"]))
                 if row["name"].lower().endswith("day"))
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s*)"
TIME = r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?"
ISO = re.compile(r"(?P<year>(?:19|20)\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})(?:(?:T|\s*\|?\s*)" + TIME + ")?", re.I)
# between a date and its time: "March 18, 2019, 10:43AM", "at 5 pm", "15th July 2019 | 02:18 PM",
# "22 October 2016 - 09:15"
TIME_JOIN = r"(?:,?\s*(?:at\s+)?|\s*[|•·–—-]\s*)"
MDY = re.compile(WEEKDAY + r"?" + MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(?P<year>(?:19|20)\d{2}))?"
                 r"(?:" + TIME_JOIN + TIME + ")?", re.I)
DMY = re.compile(WEEKDAY + r"?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH + r",?\s+(?P<year>(?:19|20)\d{2})"
                 r"(?:" + TIME_JOIN + TIME + ")?", re.I)
# "02Jun19", "2-Jun-2019": compact stamps of archive and repost sites (a two-digit year is 20YY)
SHORT_MONTH = r"(?P<month>" + "|".join(sorted((m for m in MONTHS if len(m) <= 4), key=len, reverse=True)) + r")"
COMPACT = re.compile(r"\b(?P<day>\d{1,2})(?P<sep>-?)" + SHORT_MONTH + r"(?P=sep)(?P<year>\d{2}|(?:19|20)\d{2})\b", re.I)
UPDATED = re.compile(r"(?:last\s+)?updated(?:\s+at)?\s*:?\s*" + TIME, re.I)
STAMP_WORDS = frozenset({
    "date", "dated", "published", "posted", "updated", "last", "at", "on", "by", "am", "pm", "ago", "time",
    "modified", "first",
    "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "gmt", "utc", "bst", "cet", "cest", "ist", "pkt", "wib",
    "jst",  # time zones
}) | set(WEEKDAYS) | {w[:3] for w in WEEKDAYS}
WORD = re.compile(r"[^\W\d_]+")
COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?P<year>(?:19|20)\d{2})", re.I)
# "/2019/06/20/", "/2019-06-20-", "/20190620/" in a page's address: the day it was published
URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})(?P<sep>[/_-]?)(?P<month>0[1-9]|1[0-2])(?P=sep)"
                      r"(?P<day>0[1-9]|[12]\d|3[01])(?=[/_.-]|\Z)")
WEEKDAY_MENTION = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date read from a stamp line; ``year`` is None when the line printed none."""

    year: int | None
    month: int
    day: int
    time: str | None = None
    updated_time: str | None = None
    agency: str | None = None

    def published(self, year: int | None = None) -> str | None:
        year = self.year or year
        if year is None:
            return None
        try:
            dt.date(year, self.month, self.day)
        except ValueError:
            return None
        day = f"{year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{day}T{self.time}" if self.time else day

    def updated(self, year: int | None = None) -> str | None:
        day = self.published(year)
        return f"{day[:10]}T{self.updated_time}" if day and self.updated_time else None


def format_time(match: re.Match) -> str | None:
    if not match.groupdict().get("hour"):
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    ampm = (match.group("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def find_date(text: str) -> tuple[re.Match, int | None, int, int] | None:
    """The first date in ``text``: the match, year (None if absent), month, day."""
    found = []
    for pattern in (ISO, DMY, MDY, COMPACT):
        match = pattern.search(text)
        if match:
            found.append((match.start(), pattern, match))
    for _, pattern, match in sorted(found, key=lambda item: item[0]):
        month = int(match.group("mon")) if pattern is ISO else MONTHS[match.group("month").lower().rstrip(".")]
        year = int(match.group("year")) if match.group("year") else None
        if year is not None and year < 100:
            year += 2000
        day = int(match.group("day"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return match, year, month, day
    return None


def read_stamp(text: str) -> Stamp | None:
    """The date of a line that is a date stamp, or None if the line is more than that."""
    if len(text) > 120:
        return None
    found = find_date(text)
    if found is None:
        return None
    match, year, month, day = found
    if year is None and not match.groupdict().get("hour"):
        return None  # "Aug 17" alone is too weak to be a stamp
    rest = text[: match.start()] + " " + text[match.end():]
    updated = UPDATED.search(rest)
    if updated:
        rest = rest[: updated.start()] + " " + rest[updated.end():]
    agencies = load_mapping("agencies")
    agency = None
    leftover = []
    for word in WORD.findall(rest):
        low = word.lower()
        if low in STAMP_WORDS:
            continue
        if low in agencies and agency is None:
            agency = agencies[low]
            continue
        leftover.append(word)
    if len(leftover) > 3:
        return None
    return Stamp(year, month, day, format_time(match), format_time(updated) if updated else None, agency)


def find_full_dates(text: str) -> list[dt.date]:
    """Every date with day, month and year that ``text`` prints."""
    if not FULL_YEAR.search(text):
        return []  # every full date holds a year: most paragraphs are done here
    dates = []
    for pattern in (ISO, DMY, MDY):
        for match in pattern.finditer(text):
            if not match.group("year"):
                continue
            month = int(match.group("mon")) if pattern is ISO else MONTHS[match.group("month").lower().rstrip(".")]
            try:
                dates.append(dt.date(int(match.group("year")), month, int(match.group("day"))))
            except ValueError:
                continue
    return dates


FULL_YEAR = re.compile(r"(?:19|20)\d{2}")


def find_copyright_years(texts: list[str]) -> list[int]:
    return [int(m.group("year")) for text in texts for m in COPYRIGHT_YEAR.finditer(text)]


def find_lead_weekday(text: str) -> int | None:
    """The weekday (0 = Monday) the lead paragraph names first, if any."""
    match = WEEKDAY_MENTION.search(text)
    return WEEKDAYS.index(match.group("weekday").lower()) if match else None


def resolve_year(stamp: Stamp, *, years: list[int], weekday: int | None) -> int | None:
    """The year of a stamp printed without one: the candidate year whose calendar puts
    the stamp's day on the weekday the story names, else the latest candidate."""
    candidates = sorted(set(years), reverse=True)
    if weekday is not None:
        for year in candidates:
            try:
                if dt.date(year, stamp.month, stamp.day).weekday() == weekday:
                    return year
            except ValueError:
                continue
    return candidates[0] if candidates else None


def infer_story_date(*, mentioned: list[dt.date], weekday: int | None,
                     fetched: dt.date | None = None) -> str | None:
    """The date of a story with no stamp of its own.

    The story appeared on or after the latest full date it mentions, never after the
    page was fetched, and on the weekday its lead names; without a weekday to place
    it, the story is left undated rather than guessed.
    """
    if weekday is None:
        return None
    if mentioned:
        anchor = max(d for d in mentioned if fetched is None or d <= fetched) if any(
            fetched is None or d <= fetched for d in mentioned) else None
        if anchor is None:
            return None
        day = anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
        if fetched is not None and day > fetched:
            return None
        return day.isoformat()
    if fetched is not None:
        day = fetched - dt.timedelta(days=(fetched.weekday() - weekday) % 7)
        return day.isoformat()
    return None


def read_url_date(url: str | None) -> str | None:
    """The day a page's address gives, if it gives one."""
    match = URL_DATE.search(url or "")
    if match is None:
        return None
    try:
        return dt.date(int(match.group("year")), int(match.group("month")), int(match.group("day"))).isoformat()
    except ValueError:
        return None


def parse_iso_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
