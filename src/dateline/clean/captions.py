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
from dataclasses import dataclass
from functools import cache

from ..models import Caption
from .lines import count_words, ends_sentence, is_lower_word
from .stamps import DMY, MDY, MONTHS
from .tables import load_mapping, load_regexes, load_word_sets

BRACKET_CREDIT = re.compile(r"\s*\((?P<credit>[^()]{3,120})\)\s*\Z")
SLASH_CREDIT = re.compile(r"(?<=[.!?”\"])\s+/\s+(?P<credit>[^/.!?]{2,60})\Z")
GLUED_CREDIT = re.compile(r"\A\s*(?:©|\(c\)|photo:|credit:)\s*(?P<credit>.+?[a-z.)])(?P<text>[A-Z][a-z].*)\Z")
OPENER_CREDIT = re.compile(r"\A\s*(?:©|\(c\))\s*(?P<credit>[^.]{2,80})\Z")
FILE_SUFFIX = re.compile(r",\s*file\s*\Z", re.I)
MONTH_YEAR = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+(?:19|20)\d{2}\b", re.I)
DATE_AT_END = re.compile(r"(?:" + DMY.pattern + "|" + MDY.pattern.replace("(?P<", "(?P<m_") + r"|" + MONTH_YEAR.pattern
                         + r")\s*\.?\s*\Z", re.I)
# an embedded social-media post signs off with its author, handle and date ("— Ana Ruiz (@anaruiz) June 29,
# 2016"): the date is the post's, not a picture's
POST_SIGNATURE = re.compile(r"\(@\w{1,30}\)\s*\S+\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\s*\Z")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
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
    """A short descriptive sentence that ends on the date the picture was taken, printed
    in full with its year ("... in Valtera, May 21, 2025."): a story's own sentence names
    the day without one ("..., officials reported on May 21.")."""
    if count_words(text) > 40 or POST_SIGNATURE.search(text):
        return False
    found = DATE_AT_END.search(text)
    return found is not None and YEAR.search(found.group(0)) is not None


@dataclass(frozen=True, slots=True)
class GluedCaption:
    """A caption and its credit that a scraper glued in front of a paragraph, the link
    title glued after them (if any), and the paragraph itself."""

    line: str  # the caption and its credit, as printed
    caption: Caption
    title: str | None
    rest: str


@cache
def load_agency_credit() -> re.Pattern[str]:
    """An agency's photo credit inside a line: "AFP 2016/ JANE ROE", "© Reuters/John Doe"."""
    agencies = "|".join(re.escape(name) for name in sorted(load_mapping("agencies"), key=len, reverse=True))
    return re.compile(r"(?:©\s*)?\b(?i:" + agencies + r")(?:\s+(?i:photo))?(?:\s+(?:19|20)\d{2})?\s*/\s*"
                      r"(?P<name>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*\b|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)")


def split_glued_caption(text: str) -> GluedCaption | None:
    """A paragraph with a photo caption glued in front, told by the agency credit that
    closes the caption ("... on March 3, 2018 AFP 2018/ JANE ROE The minister said ..."):
    the text before the credit ends on a date or a full stop, the text after opens with
    a capital. A title-case run right after the credit, before a sentence opens, is the
    title of a related story."""
    for match in load_agency_credit().finditer(text):
        before, after = text[: match.start()].strip(), text[match.end():].strip()
        if not 4 <= count_words(before) <= MAX_CAPTION_WORDS or not (ends_on_date(before) or ends_sentence(before)):
            continue
        if after and not after[:1].isupper():
            continue
        title, rest = split_glued_title(after)
        credit = match.group(0).lstrip("© ").strip()
        return GluedCaption(text[: match.end()].strip(), Caption(before, credit), title, rest)
    return None


@cache
def load_agency_bracket() -> re.Pattern[str]:
    """A bracketed credit that names an agency with a slash: "(PTI/File)", "(Reuters/Jane Roe)"."""
    agencies = "|".join(re.escape(name) for name in sorted(load_mapping("agencies"), key=len, reverse=True))
    return re.compile(r"\s*\((?P<credit>[^()]{0,60}\b(?i:" + agencies + r")\b[^()]{0,60})\)\s*\Z")


SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[“\"]?[A-Z])")


def split_trailing_caption(text: str) -> tuple[str, str, Caption] | None:
    """A caption a scraper glued after a paragraph, closed by an agency's bracketed
    credit with a slash ("... near the river port. Some 260 families have slept in
    schools since the floods. (PTI/File)"): the paragraph, the caption as printed, and the caption. The
    caption is the last sentence; a paragraph of one sentence is all caption."""
    bracket = load_agency_bracket().search(text)
    if bracket is None or "/" not in bracket.group("credit"):
        return None
    before = text[: bracket.start()].rstrip()
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(before)]
    start = breaks[-1] if breaks else 0
    caption = before[start:].strip()
    if count_words(caption) < 4 or count_words(caption) > MAX_CAPTION_WORDS:
        return None
    return before[:start].strip(), text[start:].strip(), Caption(caption, bracket.group("credit").strip())


def split_glued_title(text: str, *, min_words: int = 3, min_capitalised: float = 0.6) -> tuple[str | None, str]:
    """A link title glued in front of a sentence, and the sentence: the title is a run of
    mostly capitalised words; the sentence opens with a capitalised sentence opener ("The",
    "He", "In") followed by words in lower case."""
    words = text.split()
    openers = load_word_sets("words")["sentence_openers"]
    for k, word in enumerate(words):
        if word[:1].isupper() and len(words) - k > 3 and all(is_lower_word(w) for w in words[k + 1: k + 4]):
            title = words[:k]
            capitalised = sum(1 for w in title if w.lstrip("'\"‘“")[:1].isupper())
            if (word.lower() in openers and len(title) >= min_words and capitalised >= min_capitalised * len(title)
                    and not ends_sentence(" ".join(title))):
                return " ".join(title), " ".join(words[k:])
            break
    return None, text


def is_bare_credit(text: str) -> bool:
    """A line that is only a credit: "© Name"."""
    return bool(OPENER_CREDIT.match(text))
