"""Event dates: the word tables and the patterns built from them.

    load_tables()        every ``data/en/coding/date_*.txt`` table (months, weekdays, relative
                         words, ordinals, markers, holidays) and the compiled patterns, once per process
    describe_version()   the version stored next to dates

The rules the patterns stand for are listed in mentions.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lexicon import LANGUAGE, read_entries, read_table

DATES_VERSION = "dates-3"


@dataclass(frozen=True, slots=True)
class Holiday:
    """One row of ``date_holidays.txt``: a phrase and the days it names."""

    phrase: re.Pattern[str]
    days: tuple[str, ...]  # "fixed:12-25", "easter:-2", "nth:11:4:3", "hijri:10-01"
    length: int
    alone: bool  # the bare phrase dates; else only after a preposition ("on Christmas")


@dataclass(frozen=True, slots=True)
class DateTables:
    version: str
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, str, int]]
    ordinals: dict[str, int]
    future: re.Pattern[str]
    report: re.Pattern[str]
    said_on: re.Pattern[str]
    not_year: re.Pattern[str]  # what follows a four-digit number that is no year ("block", "Main Street")
    holidays: tuple[Holiday, ...]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def load_tables() -> DateTables:
    """Every date_*.txt table and the patterns built from them, once per process."""
    versions = []
    loaded = {}
    for name in ("months", "weekdays", "relative", "ordinals", "markers", "holidays"):
        table = read_table(f"{LANGUAGE}/coding/date_{name}.txt")
        versions.append(table.version)
        loaded[name] = table.rows
    months = {row[0]: int(row[1]) for row in loaded["months"]}
    weekdays = {row[0]: int(row[1]) for row in loaded["weekdays"]}
    relative = {row[0].lower(): (row[1], row[2], int(row[3])) for row in loaded["relative"]}
    markers = loaded["markers"]
    parts = [row[0] for row in markers if row[1] == "part"]
    follow = [row[0] for row in markers if row[1] == "follow"]
    future = [row[0] for row in markers if row[1] == "future" and not row[0].startswith("'")]
    report = [row[0] for row in markers if row[1] == "report"]
    holidays = tuple(Holiday(re.compile(row[0]), tuple(row[1].split("|")), int(row[2]), row[3] == "yes")
                     for row in loaded["holidays"])
    return DateTables(
        version="+".join(versions),
        months=months,
        weekdays=weekdays,
        relative=relative,
        ordinals={row[0]: int(row[1]) for row in loaded["ordinals"]},
        future=re.compile(rf"(?<!\w)(?:{_alternation(future)})\b|'ll\b"),
        report=re.compile(rf"\b(?:{_alternation(report)})\b"),
        said_on=re.compile(rf"\b(?:{_alternation(report)})\s+(?:on\s+)?$"),
        not_year=_build_not_year([row[0] for row in markers if row[1] == "unit"]),
        holidays=holidays,
        patterns=_build_patterns(months, weekdays, relative, parts, follow, holidays=holidays),
    )


def describe_version() -> str:
    """The version to store next to dates: the code's and every table's."""
    return f"{DATES_VERSION}+{load_tables().version}"


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _build_not_year(units: list[str]) -> re.Pattern[str]:
    """What may follow a four-digit number that is an address, a clock time or a measure: a unit
    ("the 1800 block", "1900 hours"), or a street name ("1905 W. Main Street"; the street words are
    the places tables' ``places_street_words.txt``)."""
    streets = [word.rstrip(".") for word in read_entries(f"{LANGUAGE}/coding/places_street_words.txt")]
    street_name = r"(?:\s+(?:[NSEW]\.?|North|South|East|West))?(?:\s+[A-Z0-9][\w'\u2019.-]*){1,3}?"
    return re.compile(rf"^(?:\s+(?:{_alternation(units)})\b|{street_name}\s+(?:{_alternation(streets)})\b)")


def _build_patterns(months, weekdays, relative, parts, follow=(), *,
                    holidays=()) -> tuple[tuple[str, re.Pattern[str]], ...]:
    mon = rf"(?P<mon>{_alternation(months)})\.?"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    day2 = r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<y>1[89]\d\d|20\d\d)"
    wd_names = _alternation(name for name in weekdays if name.endswith("day"))
    wd = rf"(?:(?:{wd_names}),?\s+)?"
    part = rf"(?:(?P<part>(?i:{_alternation(parts)}))[\s-]+)"
    joiner = r"\s*(?:-|\u2013|and|to|through|until)\s*"
    holiday = "|".join(f"(?:{row.phrase.pattern})" for row in holidays) or "(?!)"
    holiday_pre = (r"(?i:(?:on\s+)?the\s+eve\s+of|on|during|over|at|since|before|after|until|by|for|ahead\s+of"
                   r"|last|this|next)")
    specs = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
        ("range", rf"\b{wd}{mon}\s+{day}{joiner}{day2}\b(?:,?\s+{year}\b)?"),
        ("range", rf"\b{day}{joiner}{day2}\s+(?:of\s+)?{mon}(?:,?\s+{year}\b)?"),
        ("calendar", rf"\b{wd}{mon}\s+{day}\b(?![:\d])(?:,?\s+{year}\b)?"),
        ("calendar", rf"\b{wd}(?:the\s+)?{day}\s+(?:of\s+)?{mon}(?:,?\s+{year}\b)?"),
        ("month", rf"\b{part}?{mon},?\s+(?:of\s+)?{year}\b"),
        ("anniversary", r"\b(?i:the)\s+(?P<n>\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+(?i:anniversary)\b"),
        ("ago", r"\b(?i:(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
                r"(?P<unit>days?|weeks?|months?|years?)\s+"
                r"(?P<dir>later|afterwards|earlier|ago|(?:after|before)(?=\s*(?:[,.;]|$))))\b"),
        ("before_event", rf"\b(?i:(?:{_alternation(follow) or 'came'})\s+(?:just\s+|only\s+|barely\s+)?"
                         r"(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
                         r"(?P<unit>days?|weeks?|months?)\s+(?P<dir>after|before))(?=\s+[\w\u201c\"])"),
        ("overnight", rf"\b(?i:overnight)\s+(?:(?i:on|of)\s+)?(?P<wd>{wd_names})"
                      rf"(?:\s+(?i:into)\s+(?P<wd2>{wd_names}))?\b"
                      rf"|\b(?P<wd3>{wd_names})\s+(?i:overnight)(?:\s+(?i:into)\s+(?P<wd4>{wd_names}))?\b"
                      rf"|\b(?i:overnight)\s+(?i:into)\s+(?P<wd5>{wd_names})\b"),
        ("holiday", rf"\b(?:(?P<hpre>{holiday_pre})\s+(?:(?i:the)\s+)?)?(?P<hol>{holiday})\b(?:,?\s+{year}\b)?"),
        ("relative", rf"\b(?i:(?P<rel>{_alternation(relative)}))\b"),
        ("month", rf"\b(?:(?P<pre>(?i:in|since|until|till|by|during|from|through|throughout|last|this|next|of|"
                  rf"before|after|beginning|end))\s+|{part}){mon}(?!\s*\d)\b"),
        ("weekday", rf"\b(?:(?P<mod>(?i:last|next|this|on|early|late|earlier|later|since|until|by))\s+)?"
                    rf"(?P<wd>{wd_names})(?:\s+(?i:morning|afternoon|evening|night))?\b"),
        ("year", rf"\b(?i:in|since|of|from|until|till|by|during|before|after|the|same|early|late|mid|around|"
                 rf"throughout|between|and)\s+{year}\b(?![-\d,])"),
    ]
    return tuple((name, re.compile(regex)) for name, regex in specs)


def find_holiday(phrase: str) -> Holiday | None:
    """The row of ``date_holidays.txt`` whose phrase the matched text is."""
    return next((row for row in load_tables().holidays if row.phrase.fullmatch(phrase)), None)


def read_ordinal(text: str) -> int | None:
    low, ordinals = text.lower(), load_tables().ordinals
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", low)
    if digits:
        return int(digits.group(1))
    tens, _, unit = low.partition("-")
    if unit:
        return ordinals[tens] + ordinals[unit] if tens in ordinals and ordinals.get(unit, 10) < 10 else None
    return ordinals.get(low) if not low.endswith("ty") else None
