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
    before_event    "The arrests came three days after rioters burned the depot": the phrase dates
                    the other event, two days before ``previous``
    anniversary     "Friday was the 5th anniversary of ..." -> that day, 5 years back
                    ("the 60th anniversary of the Aug. 14, 1964, flood": the date given)
    overnight       "overnight Saturday" -> Saturday; "overnight into Sunday" -> Saturday to Sunday
    holiday         "on Christmas Day", "on New Year's Eve", "during Eid" (holidays.py)

A four-digit number that is an address, a clock time or an amount ("the 1800 block of",
"1900 hours", "2000 people") is never a year (``mask_non_years``); the date of the dateline
("Bhopal, Jun 08, 2017: ...") is the story's, not an event's (``is_dateline_date``); a story
with no published date is read against the latest date the text gives a statement
(``find_statement_date``).

Certainty hints: "planned" when a future marker ("will", "is to", "scheduled")
governs the date, "historical" for anniversaries and dates more than a year before
the story; None otherwise. Calendar spans go through dateparser; everything else is
table-driven (``data/en/coding/date_*.txt``).

Modules: tables.py (the tables and patterns), holidays.py (the days of a holiday),
resolve.py (one expression resolved); this module finds the expressions of a text and their
certainty.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..regex_screen import Screen, make_screen
from ..words import load_nouns
from .resolve import resolve_match
from .tables import DateTables, find_holiday, load_tables, read_ordinal

logger = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"(])|\n+")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One time expression and the date it gives (None when the text does not fix one)."""

    value: str | None
    span: tuple[int, int]
    text: str
    rule: str
    end: str | None = None
    certainty: str | None = None  # "historical", "planned" or None


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


def find_statement_date(text: str) -> str | None:
    """The day a story with no published date is read by: the latest full date (day, month and
    year) its text gives a statement ("a police spokeswoman told reporters on October 5, 2024"),
    or None. A statement is reported days after the events it tells of, so "early on Thursday"
    is the Thursday before it; a past event's date ("Penrose was shot dead March 9, 1889") anchors
    nothing."""
    tables = load_tables()
    days = []
    for piece in _SENTENCE_END.split(text):
        if not tables.report.search(piece):
            continue
        days += [mention.value for mention in _find_in_sentence_once(piece, None, None)
                 if mention.value and len(mention.value) == 10 and mention.certainty is None]
    return max(days) if days else None


def resolve_date(
    sentence: str, *, story_date: str | None, previous: str | None = None, offset: int = 0
) -> DateMention | None:
    """The date one sentence gives its event: the first mention that fixes a date,
    else the first that names a time without fixing it, else None."""
    story = _parse_story_date(story_date)
    mentions = _find_in_sentence(sentence, story=story, previous=previous, offset=offset)
    fixed = [mention for mention in mentions if mention.value]
    return fixed[0] if fixed else mentions[0] if mentions else None


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
    """The mentions of one sentence; the coder reads each clause more than once (its one
    date, all its dates, the story's news day), so the answer is remembered per sentence,
    story day and previous date, with spans moved to ``offset``."""
    found = _find_in_sentence_once(sentence, story, previous)
    if not offset:
        return list(found)
    return [replace(m, span=(m.span[0] + offset, m.span[1] + offset)) for m in found]


@lru_cache(maxsize=1)
def load_date_screens() -> tuple[Screen | None, ...]:
    """One screen per time-expression pattern, in the tables' order (regex_screen.py)."""
    return tuple(make_screen(pattern) for _, pattern in load_tables().patterns)


@lru_cache(maxsize=4096)
def _find_in_sentence_once(sentence: str, story: dt.date | None, previous: str | None) -> tuple[DateMention, ...]:
    tables = load_tables()
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    scanned = mask_non_years(sentence, tables)
    lowered = scanned.lower()
    for (rule, pattern), screen in zip(tables.patterns, load_date_screens(), strict=True):
        if screen is not None and not screen.may_match(scanned, lowered):
            continue  # no word that opens this kind of time expression
        for match in pattern.finditer(scanned):
            if rule == "holiday" and not match.group("hpre") and not _stands_alone(match.group("hol")):
                continue  # "a Christmas market": only "on Christmas", "Christmas Day" date
            if any(match.start() < end and start < match.end() for start, end, _, _ in taken):
                continue
            taken.append((match.start(), match.end(), rule, match))
    taken.sort()
    if taken and is_dateline_date(sentence, taken[0][0], taken[0][1], taken[0][2]):
        taken = taken[1:]  # "Bhopal, Jun 08, 2017: ...": the story's date, not an event's
    mentions: list[DateMention] = []
    anniversary = None
    for start, end, rule, match in taken:
        planned = _is_planned(sentence, start, end, tables)
        if rule == "anniversary":
            anniversary = (start, end, match)
            continue
        value, last, rule_name = resolve_match(rule, match, story=story, previous=previous, planned=planned)
        if value and len(value) == 10 and rule_name not in ("anniversary",):
            previous = value
        certainty = "planned" if planned and value else _historical(value, last, story)
        if rule_name in ("next",) and value:
            certainty = "planned"
        mentions.append(DateMention(value, (start, end), sentence[start:end], rule_name, last, certainty))
    if anniversary:
        mentions = _apply_anniversary(mentions, anniversary, sentence=sentence, story=story)
    return tuple(mentions)


_FOUR_DIGITS = re.compile(r"(?<![\d,.])\b(?:1[89]\d\d|20\d\d)\b(?![,.]\d)")
_OF_BEFORE = re.compile(r"\bof\s+$")
_NAME_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b")
_NEXT_NUMBER = re.compile(r"\s*(?:-|\u2013|to|and|or)\s*\d[\d,]*")
_DATELINE_BEFORE = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+){0,4}[A-Z][\w.'\u2019-]*,\s*")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?::|[-\u2013\u2014]+)(?:\s|$)")


def mask_non_years(sentence: str, tables: DateTables) -> str:
    """The sentence with the four-digit numbers that are no years blanked to "0000" (so no pattern
    reads them as years; offsets are kept): an address ("the 1800 block of", "1905 W. Main Street"),
    a clock time or measure ("1900 hours"), a number of people or things ("2000 people", "between
    1900 and 2000 people")."""
    spans = [match.span() for match in _FOUR_DIGITS.finditer(sentence)
             if not _is_year(sentence, match.start(), match.end(), tables)]
    for start, end in spans:
        sentence = sentence[:start] + "0" * (end - start) + sentence[end:]
    return sentence


def _is_year(sentence: str, start: int, end: int, tables: DateTables) -> bool:
    if tables.not_year.match(sentence[end:]) or _is_quantity(sentence, end):
        return False
    name = _NAME_AFTER.match(sentence, end) if _OF_BEFORE.search(sentence, 0, start) else None
    if name is not None and name.group(1) not in tables.months and name.group(1) not in tables.weekdays:
        return False  # "the steps of 1873 Hollis", "the hall of 1888 Tavern & Kitchen": an address, a name
    following = _NEXT_NUMBER.match(sentence, end)  # "between 1900 and 2000 people"
    return following is None or not _is_quantity(sentence, following.end())


def _is_quantity(sentence: str, end: int) -> bool:
    """'2000 people': a number of people or things, not a year."""
    word = re.match(r"\s+([A-Za-z]+)", sentence[end:])
    if not word:
        return False
    nouns = load_nouns()
    return word.group(1).lower() in nouns.people or word.group(1).lower() in nouns.things


def is_dateline_date(sentence: str, start: int, end: int, rule: str) -> bool:
    """The date opens the story as its dateline's: alone or after the place ("Bhopal, Jun 08,
    2017: ...", "ABUJA, Jan. 27 (Xinhua) -- ..."), then a colon or a dash. It is the story's
    date (the cleaner reads it as such), never an event's."""
    if rule not in ("calendar", "iso"):
        return False
    before = sentence[:start].lstrip()
    return ((not before or bool(_DATELINE_BEFORE.fullmatch(before)))
            and bool(_DATELINE_AFTER.match(sentence, end)))


def _stands_alone(phrase: str) -> bool:
    holiday = find_holiday(phrase)
    return holiday is not None and holiday.alone


def _is_planned(sentence: str, start: int, end: int, tables: DateTables) -> bool:
    """A future marker governs the date: before it with no reporting verb between, or
    just after a date that opens the clause ("On Friday, leaders will meet"), unless the
    date modifies a noun ("patients hurt in a Wednesday night stabbing are expected to recover")."""
    before = sentence[:start].lower()
    if tables.said_on.search(before):
        return False
    markers = list(tables.future.finditer(before))
    if markers and not tables.report.search(before, markers[-1].end()):
        return True
    if _modifies_noun(sentence, start, end):
        return False  # "victims of a Wednesday night shooting are expected to live": the noun's time
    after = sentence[end:end + 60].lower()
    later = tables.future.search(after)
    if later is None:
        return False
    gap = after[: later.start()]
    return not tables.report.search(gap) and not re.search(r"[.;]", gap)


_ANNIVERSARY_OF = re.compile(r"\s+of\s+(?:the\s+)?$")
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:a|an|the)\s+$", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"^[\u2019']s\b")


def _modifies_noun(sentence: str, start: int, end: int) -> bool:
    """The date stands before a noun as its modifier: "a Wednesday night shooting", "Saturday's attack"."""
    return bool(_ARTICLE_BEFORE.search(sentence[:start]) or _POSSESSIVE_AFTER.match(sentence[end:]))


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


def _apply_anniversary(mentions: list[DateMention], anniversary, *, sentence: str, story: dt.date | None):
    """'Friday was the 5th anniversary of the riot': the riot's date is that day, N years back."""
    start, end, match = anniversary
    years = read_ordinal(match.group("n"))
    if years is None:
        return mentions
    value: str | None
    referent = next((m for m in mentions if _ANNIVERSARY_OF.match(sentence, end, m.span[0])), None)
    if referent is not None:  # "the 60th anniversary of the Aug. 14, 1964, flood": the date is given
        return mentions
    anchors = [(m, m.value) for m in mentions if m.value and len(m.value) == 10 and m.certainty != "planned"]
    if anchors:
        anchor, anchor_day = min(anchors, key=lambda pair: abs(pair[0].span[0] - start))
        day = dt.date.fromisoformat(anchor_day)
        try:
            value = day.replace(year=day.year - years).isoformat()
        except ValueError:  # 29 February
            value = day.replace(year=day.year - years, day=28).isoformat()
        span = (min(anchor.span[0], start), max(anchor.span[1], end))
        mentions = [m for m in mentions if m is not anchor]
    else:
        value = f"{story.year - years:04d}" if story else None
        span = (start, end)
    mention = DateMention(value, span, match.group(0), "anniversary", None, "historical")
    return sorted([*mentions, mention], key=lambda m: m.span)
