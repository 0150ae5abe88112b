"""Headers a scraper flattened into one line, cut apart again.

    "World Ferry fire leaves 11 dead PHOTO/VIDEO A blaze broke out on the car deck, officials say.
     Source: Daily Courier Friday, October 9, 2020 | 17:45 Tweet Share Name/AP Photo/Name"
    -> "World", "Ferry fire leaves 11 dead", "PHOTO/VIDEO", "A blaze broke out on the car deck,
       officials say.", "Source: Daily Courier", "Friday, October 9, 2020 | 17:45", "Tweet Share",
       "Name/AP Photo/Name"

Only a long line near the top of a page is cut, and only where it holds two or more
pieces of chrome (``data/en/clean/inline_chrome.txt``), or one and a stamp with a time of
day: a paragraph that mentions "photo/video" or a date once stays whole. The pieces are then read like any other line
(chrome, stamp, section label, headline, prose).
"""
from __future__ import annotations

import re
from functools import cache

from .stamps import DMY, MDY, read_stamp
from .tables import load_words, read_rows

MIN_GLUED_CHARS = 150  # shorter lines are a headline or a sentence, not a header
MIN_PIECES = 2
HEAD_LINES = 3  # how far down the page a glued header may stand


@cache
def load_inline_chrome() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(entry.strip(), re.IGNORECASE) for entry in read_rows("inline_chrome"))


def chrome_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for pattern in load_inline_chrome() for m in pattern.finditer(text)]


def stamp_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for pattern in (MDY, DMY) for m in pattern.finditer(text) if m.group("year")]


def find_pieces(text: str) -> list[tuple[int, int]]:
    """Spans of chrome pieces and dated stamps inside the line, in order; where two
    overlap, the earlier ends where the later begins ("Source: Daily Courier Friday, October 9")."""
    spans = chrome_spans(text) + stamp_spans(text)
    pieces: list[tuple[int, int]] = []
    for start, stop in sorted(spans):
        end = start + len(text[start:stop].rstrip())
        if pieces and start < pieces[-1][1]:
            if end <= pieces[-1][1] and start > pieces[-1][0]:
                continue  # inside the piece before
            pieces[-1] = (pieces[-1][0], start)
        pieces.append((start, end))
    return [(start, end) for start, end in pieces if text[start:end].strip()]


def split_glued_header(text: str) -> list[str]:
    """The pieces of a glued header line, or the line itself."""
    if len(text) < MIN_GLUED_CHARS:
        return [text]
    chrome = chrome_spans(text)
    stamps = [read_stamp(text[start:end]) for start, end in stamp_spans(text)]
    timed = [stamp for stamp in stamps if stamp is not None and stamp.time is not None]
    if len(chrome) < MIN_PIECES and not (chrome and timed):
        return [text]  # a paragraph that mentions "photo/video" or a date once stays whole
    pieces = find_pieces(text)
    parts, at = [], 0
    for start, end in pieces:
        parts += [text[at:start], text[start:end]]
        at = end
    parts.append(text[at:])
    parts = [part.strip(" |") for part in parts if part.strip(" |")]
    return [piece for part in parts for piece in split_section_label(part)]


def split_section_label(text: str) -> list[str]:
    """A section word glued before the headline ("World Train crash ...") stands apart."""
    words = text.split()
    if len(words) > 2 and words[0].lower() in load_words("sections") and words[1][:1].isupper():
        return [words[0], " ".join(words[1:])]
    return [text]
