"""Normalising the lines of a flattened page and telling what each one looks like.

A flattened page is one paragraph a line, buried in site chrome. This module turns
the raw text into ``Line`` records (the text and its index) and answers questions
about a single line: is it chrome, is it prose, could it be a headline. Decisions
that need the neighbours (headlines, captions, story starts) live in stories.py.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .glued import HEAD_LINES, split_glued_header
from .tables import match_any

WORD = re.compile(r"\w+(?:['’]\w+)*")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\ufffe]")
SENTENCE_END = re.compile(r"""[.!?…。！？]["'”’»)\]」』）]*\Z|[.!?]["'”’»]?\s*\(\w[^()]{0,40}\)\Z""")
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
UNSPACED_CHARS_PER_WORD = 2
SCRAPER_STAMP = re.compile(r"\A(?P<stamp>date\s+\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)"
                           r"\s+(?P<rest>\S.*)\Z", re.I)
MIN_PROSE_WORDS = 12
MAX_JOINED = 5000  # characters: hard-wrapped lines are joined into paragraphs up to this


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the page, normalised, with its position."""

    index: int
    text: str
    follows_blank: bool = True  # a blank line (or the page's start) stands before it
    glued: bool = False  # cut out of a page header a scraper glued into one line (glued.py)

    @property
    def words(self) -> list[str]:
        return WORD.findall(self.text)


def normalise_line(text: str) -> str:
    """One line with Unicode composed, controls removed and spaces collapsed."""
    text = unicodedata.normalize("NFC", CONTROL.sub("", text))
    return SPACES.sub(" ", text).strip()


def split_lines(text: str) -> tuple[list[Line], list[str]]:
    """The page's non-blank lines, and scraper date stamps split off their lines.

    Scrapers glue a stamp such as ``date 2019-03-18`` in front of the first line;
    it comes back separately so that the rest of the line is read on its own.
    """
    lines: list[Line] = []
    stamps: list[str] = []
    piece = ""
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = normalise_line(raw)
        if not line:
            piece = ""  # a blank line ends a paragraph
            continue
        glued = SCRAPER_STAMP.match(line)
        if glued:
            stamps.append(glued.group("stamp"))
            line = glued.group("rest")
        from_header = False
        if len(lines) < HEAD_LINES:
            *head, line = split_glued_header(line)
            from_header = bool(head)
            lines += [Line(len(lines) + i, part, glued=True) for i, part in enumerate(head)]
        if lines and len(lines[-1].text) < MAX_JOINED and continues_line(piece, line):
            lines[-1] = Line(lines[-1].index, f"{lines[-1].text} {line}", lines[-1].follows_blank, lines[-1].glued)
        else:
            lines.append(Line(len(lines), line, not piece, from_header))
        piece = line
    return lines, stamps


def continues_line(previous: str, line: str) -> bool:
    """A hard-wrapped paragraph: the line before stops mid-sentence and this one goes
    on in lower case."""
    return (line[:1].islower() and count_words(previous) >= 5 and (count_words(line) >= 3 or ends_sentence(line))
            and not previous.rstrip().endswith((".", "!", "?", ":", ";", '"', "”", "|")))


@lru_cache(maxsize=8192)
def count_words(text: str) -> int:
    """Words, counting scripts written without spaces (Chinese, Japanese, Thai) by characters."""
    unspaced = len(UNSPACED.findall(text))
    if unspaced:
        return len(WORD.findall(UNSPACED.sub(" ", text))) + unspaced // UNSPACED_CHARS_PER_WORD
    return len(WORD.findall(text))


def is_lower_word(word: str) -> bool:
    """Not capitalised: lower case, a number, or a script without case."""
    return not word[:1].isupper()


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    """Lower-case words only: the key under which two lines count as the same."""
    return " ".join(w.lower().replace("’", "'") for w in WORD.findall(text))


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text.rstrip()))


def is_prose(text: str) -> bool:
    """A paragraph of running text rather than a label, title or link."""
    n = count_words(text)
    if n >= 25:
        return True
    if n < MIN_PROSE_WORDS - 4 or not ends_sentence(text) or text.rstrip("\"”’»') ").endswith("?"):
        return False
    lower = sum(1 for w in WORD.findall(text) if is_lower_word(w))
    if UNSPACED.search(text):
        return True
    return lower >= n * (0.35 if n >= MIN_PROSE_WORDS else 0.5)


def is_chrome(text: str) -> bool:
    """Site chrome wherever it stands: share lines, promos, footers, tickers."""
    return match_any("chrome", text) is not None


def is_headline_like(text: str) -> bool:
    """Could be a title: a few words, not a sentence of running text, not a label."""
    n = count_words(text)
    if n < 4 or n > 30 or len(text) > 220:
        return False
    if text.endswith((".", ":", ";", ",")) and not text.endswith(("..", "U.S.", "U.K.", "Jr.")):
        return False
    return not is_chrome(text)
