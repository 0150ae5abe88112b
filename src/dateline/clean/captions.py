"""Photo captions: telling them from body text and splitting off their credits.

    "... Monday, March 4, 2024. (Jane Roe, Pool Photo via AP)"
        -> text "... Monday, March 4, 2024.", credit "Jane Roe, Pool Photo via AP"
    "Homes burn in a village ... after an airstrike. / Local Defence Group"
        -> text "Homes burn in a village ... after an airstrike.", credit "Local Defence Group"
    "© Ana OkaforFlooding in Lakeside ..."   (credit glued in front)
        -> text "Flooding in Lakeside ...", credit "Ana Okafor"

A line is a caption on its own evidence when it opens like one ("FILE -", "In this
photo ...") or closes with a photo credit. Lines that only end on a date ("...
Puerto Lindo, Bolívar, Colombia, May 2021.") are captions where they stand
between a headline and the story's first paragraph (stories.py decides that).
"""
from __future__ import annotations

import re
from functools import cache

from ..models import Caption
from .lines import count_words
from .stamps import DMY, MDY, MONTHS
from .tables import load_regexes

BRACKET_CREDIT = re.compile(r"\s*\((?P<credit>[^()]{3,120})\)\s*\Z")
SLASH_CREDIT = re.compile(r"(?<=[.!?”\"])\s+/\s+(?P<credit>[^/.!?]{2,60})\Z")
GLUED_CREDIT = re.compile(r"\A\s*(?:©|\(c\)|photo:|credit:)\s*(?P<credit>.+?[a-z.)])(?P<text>[A-Z][a-z].*)\Z")
OPENER_CREDIT = re.compile(r"\A\s*(?:©|\(c\))\s*(?P<credit>[^.]{2,80})\Z")
FILE_SUFFIX = re.compile(r",\s*file\s*\Z", re.I)
MONTH_YEAR = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+(?:19|20)\d{2}\b", re.I)
DATE_AT_END = re.compile(r"(?:" + DMY.pattern + "|" + MDY.pattern.replace("(?P<", "(?P<m_") + r"|" + MONTH_YEAR.pattern
                         + r")\s*\.?\s*\Z", re.I)
MAX_CAPTION_WORDS = 80


def is_credit(text: str) -> bool:
    return any(p.search(text) for p in load_credit_markers())


@cache
def load_credit_markers() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.pattern.removesuffix(r"\Z").removeprefix("(?:").removesuffix(")"), re.I)
                 for p in load_regexes("caption_credits"))


def split_credit(text: str) -> Caption:
    """The caption with its credit split off, wherever the page put it."""
    glued = GLUED_CREDIT.match(text)
    if glued:
        return Caption(glued.group("text").strip(), glued.group("credit").strip())
    bracket = BRACKET_CREDIT.search(text)
    if bracket and is_credit(bracket.group("credit")):
        credit = FILE_SUFFIX.sub("", bracket.group("credit").strip())
        return Caption(text[: bracket.start()].strip(), credit)
    slash = SLASH_CREDIT.search(text)
    if slash:
        return Caption(text[: slash.start()].strip(), slash.group("credit").strip())
    return Caption(text.strip(), None)


def opens_like_caption(text: str) -> bool:
    return any(p.match(text[:80]) or p.match(text) for p in load_openers())


@cache
def load_openers() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.pattern.removesuffix(r"\Z"), re.I) for p in load_regexes("caption_openers"))


def has_credit(text: str) -> bool:
    """The line closes on a photo credit: "(Name/Agency via AP)" or "... . / Name"."""
    bracket = BRACKET_CREDIT.search(text)
    if bracket and is_credit(bracket.group("credit")) and count_words(text[: bracket.start()]) >= 4:
        inner = bracket.group("credit")
        if len(inner.split()) < 2:
            return False
        lowered = inner.lower()
        return "/" in inner or "," in inner or any(word in lowered for word in ("via", "photo", "file"))
    return bool(SLASH_CREDIT.search(text)) and count_words(text) <= MAX_CAPTION_WORDS


def is_caption(text: str) -> bool:
    """A caption on its own evidence, wherever it stands."""
    if count_words(text) > MAX_CAPTION_WORDS:
        return False
    return bool(GLUED_CREDIT.match(text)) or has_credit(text) or opens_like_caption(text)


def ends_on_date(text: str) -> bool:
    """A short descriptive sentence that ends on the date the picture was taken."""
    return count_words(text) <= 40 and bool(DATE_AT_END.search(text))


def is_bare_credit(text: str) -> bool:
    """A line that is only a credit: "© Name"."""
    return bool(OPENER_CREDIT.match(text))
