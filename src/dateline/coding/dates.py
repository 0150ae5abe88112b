"""Event dates: the date a sentence gives, resolved against the story's date.

``find_dates(text, story_date=...)`` finds every time expression and resolves it;
``resolve_date(sentence, story_date=..., previous=...)`` gives the one date of a
sentence. Values are ISO strings whose length is their precision ("2024-03-22" a
day, "2024-03" a month, "2014" a year); ``value`` is None when the text names a
time it does not fix ("last week" across two months, "recently", "two days later"
with no earlier event), never a silent fall-back to the story date.

The rules (``DateMention.rule``):

    iso, calendar   "2024-03-22", "March 22", "23 April 2022", "Thursday, May 2, 2024"
    range           "June 15 and 16", "15-16 June" (``end`` holds the last day)
    month           "in February", "early March", "April 2023": the latest such month
                    not after the story (the next one for planned events)
    year            "in 2014", "since 2014", "the 2014 clashes"
    weekday         "Tuesday", "on Monday", "early Saturday": the latest such day on
                    or before the story date ("last Thursday": strictly before); on or
                    after it when the sentence speaks of the future
    relative        "yesterday", "overnight" (the story date), "last month", "last week"
                    (the month when the whole week lies in one month, else None)
    ago, after      "three days ago"; "two days later", "the next day": counted from
                    ``previous``, the date of the event the text just told
    before_event    "The killings came two days after gunmen opened fire": the phrase dates
                    the other event, two days before ``previous``
    anniversary     "Thursday was the 10th anniversary of ..." -> that day, 10 years back

Certainty hints: "planned" when a future marker ("will", "is to", "scheduled")
governs the date, "historical" for anniversaries and dates more than a year before
the story; None otherwise. Calendar spans go through dateparser; everything else is
table-driven (``coding/data/date_*.txt``).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser

from dateline.coding.counts import load_lexicon as load_count_lexicon
from dateline.coding.counts import parse_number, read_lexicon

logger = logging.getLogger(__name__)

DATES_VERSION = "dates-1"

_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"(])|\n+")
_BASE = dt.datetime(2000, 1, 1)  # fixed so parsed calendar spans can be cached


@dataclass(frozen=True, slots=True)
class DateMention:
    """One time expression and the date it gives (None when the text does not fix one)."""

    value: str | None
    span: tuple[int, int]
    text: str
    rule: str
    end: str | None = None
    certainty: str | None = None  # "historical", "planned" or None


@dataclass(frozen=True, slots=True)
class _Tables:
    version: str
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, str, int]]
    ordinals: dict[str, int]
    future: re.Pattern[str]
    report: re.Pattern[str]
    said_on: re.Pattern[str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def load_tables() -> _Tables:
    """Every date_*.txt table and the patterns built from them, once per process."""
    versions = []
    loaded = {}
    for name in ("months", "weekdays", "relative", "ordinals", "markers"):
        version, rows = read_lexicon(f"date_{name}.txt")
        versions.append(version)
        loaded[name] = rows
    months = {row[0]: int(row[1]) for row in loaded["months"]}
    weekdays = {row[0]: int(row[1]) for row in loaded["weekdays"]}
    relative = {row[0].lower(): (row[1], row[2], int(row[3])) for row in loaded["relative"]}
    markers = loaded["markers"]
    parts = [row[0] for row in markers if row[1] == "part"]
    follow = [row[0] for row in markers if row[1] == "follow"]
    future = [row[0] for row in markers if row[1] == "future" and not row[0].startswith("'")]
    report = [row[0] for row in markers if row[1] == "report"]
    return _Tables(
        version="+".join(versions),
        months=months,
        weekdays=weekdays,
        relative=relative,
        ordinals={row[0]: int(row[1]) for row in loaded["ordinals"]},
        future=re.compile(rf"(?<!\w)(?:{_alternation(future)})\b|'ll\b"),
        report=re.compile(rf"\b(?:{_alternation(report)})\b"),
        said_on=re.compile(rf"\b(?:{_alternation(report)})\s+(?:on\s+)?$"),
        patterns=_build_patterns(months, weekdays, relative, parts, follow),
    )


def describe_version() -> str:
    """The version to store next to dates: the code's and every table's."""
    return f"{DATES_VERSION}+{load_tables().version}"


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _build_patterns(months, weekdays, relative, parts, follow=()) -> tuple[tuple[str, re.Pattern[str]], ...]:
    mon = rf"(?P<mon>{_alternation(months)})\.?"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    day2 = r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<y>1[89]\d\d|20\d\d)"
    wd_names = _alternation(name for name in weekdays if name.endswith("day"))
    wd = rf"(?:(?:{wd_names}),?\s+)?"
    part = rf"(?:(?P<part>(?i:{_alternation(parts)}))[\s-]+)"
    joiner = r"\s*(?:-|\u2013|and|to|through|until)\s*"
    specs = [
        ("iso", rf"\b(?P<y>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
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
        ("relative", rf"\b(?i:(?P<rel>{_alternation(relative)}))\b"),
        ("month", rf"\b(?:(?P<pre>(?i:in|since|until|till|by|during|from|through|throughout|last|this|next|of|"
                  rf"before|after|beginning|end))\s+|{part}){mon}(?!\s*\d)\b"),
        ("weekday", rf"\b(?:(?P<mod>(?i:last|next|this|on|early|late|earlier|later|since|until|by))\s+)?"
                    rf"(?P<wd>{wd_names})(?:\s+(?i:morning|afternoon|evening|night))?\b"),
        ("year", rf"\b(?i:in|since|of|from|until|till|by|during|before|after|the|same|early|late|mid|around|"
                 rf"throughout|between|and)\s+{year}\b(?![-\d,])"),
    ]
    return tuple((name, re.compile(regex)) for name, regex in specs)


def find_dates(
    text: str, *, story_date: str | None, previous: str | None = None, offset: int = 0
) -> list[DateMention]:
    """Every time expression of ``text`` in reading order, each resolved.

    "two days later" counts from the last day-precise date found before it (or
    ``previous`` at the start).
    """
    story = _parse_story_date(story_date)
    mentions: list[DateMention] = []
    start = 0
    for piece in _SENTENCE_END.split(text):
        if not piece.strip():
            continue
        index = text.find(piece, start)
        found = _find_in_sentence(piece, story=story, previous=previous, offset=offset + index)
        for mention in found:
            if mention.value and len(mention.value) == 10 and mention.rule != "anniversary":
                previous = mention.value
        mentions += found
        start = index + len(piece)
    return mentions


def resolve_date(
    sentence: str, *, story_date: str | None, previous: str | None = None, offset: int = 0
) -> DateMention | None:
    """The date one sentence gives its event: the first mention that fixes a date,
    else the first that names a time without fixing it, else None."""
    story = _parse_story_date(story_date)
    mentions = _find_in_sentence(sentence, story=story, previous=previous, offset=offset)
    fixed = [mention for mention in mentions if mention.value]
    return (fixed or mentions or [None])[0]


def _parse_story_date(story_date: str | None) -> dt.date | None:
    if not story_date or len(story_date) < 10:
        return None
    try:
        return dt.date.fromisoformat(story_date[:10])
    except ValueError:
        logger.debug("story date %r is not ISO; resolving without it", story_date)
        return None


def _find_in_sentence(
    sentence: str, *, story: dt.date | None, previous: str | None, offset: int
) -> list[DateMention]:
    tables = load_tables()
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    for rule, pattern in tables.patterns:
        for match in pattern.finditer(sentence):
            if rule == "year" and _is_quantity(sentence, match.end()):
                continue
            if any(match.start() < end and start < match.end() for start, end, _, _ in taken):
                continue
            taken.append((match.start(), match.end(), rule, match))
    taken.sort()
    mentions: list[DateMention] = []
    anniversary = None
    for start, end, rule, match in taken:
        planned = _is_planned(sentence, start, end, tables)
        if rule == "anniversary":
            anniversary = (start, end, match)
            continue
        value, last, rule_name = _resolve(rule, match, story=story, previous=previous, planned=planned)
        if value and len(value) == 10 and rule_name not in ("anniversary",):
            previous = value
        certainty = "planned" if planned and value else _historical(value, last, story)
        if rule_name in ("next",) and value:
            certainty = "planned"
        mentions.append(DateMention(value, (start + offset, end + offset), match.group(0), rule_name, last, certainty))
    if anniversary:
        mentions = _apply_anniversary(mentions, anniversary, story=story, offset=offset)
    return mentions


def _is_quantity(sentence: str, end: int) -> bool:
    """'2000 people': a number of people or things, not a year."""
    word = re.match(r"\s+([A-Za-z]+)", sentence[end:])
    if not word:
        return False
    lex = load_count_lexicon()
    return word.group(1).lower() in lex.people or word.group(1).lower() in lex.things


def _is_planned(sentence: str, start: int, end: int, tables: _Tables) -> bool:
    """A future marker governs the date: before it with no reporting verb between, or
    just after a date that opens the clause ("On Friday, leaders will meet")."""
    before = sentence[:start].lower()
    if tables.said_on.search(before):
        return False
    markers = list(tables.future.finditer(before))
    if markers and not tables.report.search(before, markers[-1].end()):
        return True
    after = sentence[end:end + 60].lower()
    later = tables.future.search(after)
    if later is None:
        return False
    gap = after[: later.start()]
    return not tables.report.search(gap) and not re.search(r"[.;]", gap)


def _historical(value: str | None, last: str | None, story: dt.date | None) -> str | None:
    if not value or story is None:
        return None
    finish = _last_day(last or value)
    return "historical" if finish is not None and (story - finish).days > 365 else None


def _last_day(value: str) -> dt.date | None:
    try:
        if len(value) == 4:
            return dt.date(int(value), 12, 31)
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _resolve(rule: str, match: re.Match[str], *, story: dt.date | None, previous: str | None, planned: bool):
    """(value, end, rule name) for one matched expression."""
    tables = load_tables()
    groups = match.groupdict()
    if rule == "iso":
        return _iso(groups["y"], groups["m"], groups["d"]), None, "iso"
    if rule in ("calendar", "range"):
        month, day = _parse_calendar(groups["mon"], groups["d"])
        if month is None:
            return None, None, rule
        first = _place_day(groups.get("y"), month, day, story=story, planned=planned)
        if first is None or rule == "calendar":
            return first, None, rule
        last = _iso(first[:4], f"{month:02d}", groups["d2"])
        return first, last if last and last > first else None, rule
    if rule == "month":
        month = tables.months[groups["mon"]]
        pre = (groups.get("pre") or "").lower()
        return _place_month(groups.get("y"), month, story=story, planned=planned or pre == "next", pre=pre), None, (
            "next" if pre == "next" else "month")
    if rule == "year":
        return groups["y"], None, "year"
    if rule == "weekday":
        mod = (groups.get("mod") or "").lower()
        return _place_weekday(tables.weekdays[groups["wd"]], story=story, planned=planned, mod=mod), None, (
            "next" if mod == "next" else "weekday")
    if rule == "ago":
        return _count_back(groups, story=story, previous=previous)
    if rule == "before_event":
        flipped = dict(groups, dir="before" if groups["dir"].lower() == "after" else "after")
        value, last, _ = _count_back(flipped, story=story, previous=previous)
        return value, last, "before_event"
    if rule == "relative":
        return _relative(tables.relative[groups["rel"].lower()], story=story, previous=previous)
    return None, None, rule


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=512)
def _parse_calendar(month_name: str, day: str) -> tuple[int | None, int | None]:
    """Month and day of a calendar span through dateparser (a leap year base keeps Feb 29)."""
    parsed = dateparser.parse(f"{month_name} {day} 2000", languages=["en"], settings={"RELATIVE_BASE": _BASE})
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


def _ordinal(text: str) -> int | None:
    low, ordinals = text.lower(), load_tables().ordinals
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", low)
    if digits:
        return int(digits.group(1))
    tens, _, unit = low.partition("-")
    if unit:
        return ordinals[tens] + ordinals[unit] if tens in ordinals and ordinals.get(unit, 10) < 10 else None
    return ordinals.get(low) if not low.endswith("ty") else None


def _apply_anniversary(mentions: list[DateMention], anniversary, *, story: dt.date | None, offset: int):
    """'Thursday was the 10th anniversary of clashes': the clashes' date is that day, N years back."""
    start, end, match = anniversary
    years = _ordinal(match.group("n"))
    if years is None:
        return mentions
    anchors = [m for m in mentions if m.value and len(m.value) == 10 and m.certainty != "planned"]
    anchor = min(anchors, key=lambda m: abs(m.span[0] - offset - start)) if anchors else None
    if anchor is not None:
        day = dt.date.fromisoformat(anchor.value)
        try:
            value = day.replace(year=day.year - years).isoformat()
        except ValueError:  # 29 February
            value = day.replace(year=day.year - years, day=28).isoformat()
        span = (min(anchor.span[0], start + offset), max(anchor.span[1], end + offset))
        mentions = [m for m in mentions if m is not anchor]
    else:
        value = f"{story.year - years:04d}" if story else None
        span = (start + offset, end + offset)
    mention = DateMention(value, span, match.group(0), "anniversary", None, "historical")
    return sorted([*mentions, mention], key=lambda m: m.span)
