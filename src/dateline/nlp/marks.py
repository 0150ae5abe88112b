"""Find quoted stretches in plain text, whatever the quotation-mark glyphs.

Works on characters, not tokens, so it needs no parse and never fails on marks that
do not pair up. Rules, in order:

- Double marks: “ ” " ″ „ ‟ « » and doubled single glyphs (‘’ ’’ '' ``) all open or
  close a quote; which one is read from the characters around the mark (space before
  and a letter after opens; a letter or punctuation before and a space or punctuation
  after closes), then from the glyph (“ opens, ” closes), then from whether a quote is
  open. So “ ... " and " ... ’’ mixtures pair up.
- Single marks ‘ ’ ' open only after a space and before a letter, and close only a
  single quote that is open: apostrophes (it’s, Russia’s, prosecutors’) are left alone.
- A quote still open at the end of a paragraph continues into the next paragraph when
  that one opens with a mark (the newswire convention); otherwise it ends with its
  paragraph and is flagged unbalanced. A closing mark with no opening one takes the
  paragraph from its start, also flagged unbalanced.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_GLYPHS = frozenset("\u201c\u201d\"\u2033\u201e\u201f\u00ab\u00bb\u301d\u301e\uff02")
SINGLE_GLYPHS = frozenset("\u2018\u2019'\u201b`\u2032\u00b4\u2039\u203a")
OPENING_HINT = frozenset("\u201c\u201e\u00ab\u301d\u2018\u2039")
CLOSING_HINT = frozenset("\u201d\u00bb\u301e\u2019\u203a")
OPEN_AFTER = frozenset("([{\u2014\u2013-/:;")
CLOSE_BEFORE = frozenset(".,;:!?)]}\u2014\u2013-/")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    glyph: str
    double: bool


@dataclass(frozen=True, slots=True)
class QuotedStretch:
    """The character spans of one quote (several when it runs across paragraphs)."""

    parts: tuple[tuple[int, int], ...]
    balanced: bool = True

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


SAME_LENGTH_MARKS = str.maketrans({"\u2033": '"', "\uff02": '"', "\u201f": "\u201c", "\u301d": "\u201c",
                                   "\u301e": "\u201d", "\u00ab": "\u201c", "\u00bb": "\u201d",
                                   "\u2039": "\u2018", "\u203a": "\u2019"})
DOUBLED_SINGLE = re.compile("[\u2018\u2019'`]{2}")


def normalise_marks(text: str) -> str:
    """The text with its quotation marks in the glyphs the parser was trained on.

    Same length, so every offset into the result is an offset into the original:
    parse the result, slice the original. ″ and « » become " “ ”; a doubled single
    glyph (‘’ ’’ '') becomes a space and “ when it opens, ” and a space when it closes.
    """
    text = text.translate(SAME_LENGTH_MARKS)

    def replace(match: re.Match) -> str:
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        opens = (before.isspace() or before in OPEN_AFTER) and not after.isspace()
        return " \u201c" if opens else "\u201d "

    return DOUBLED_SINGLE.sub(replace, text)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each paragraph (blocks between blank lines)."""
    spans, start = [], 0
    for gap in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def scan_marks(text: str, start: int, end: int) -> list[Mark]:
    """Every quotation-mark candidate between start and end, apostrophes left out."""
    marks: list[Mark] = []
    i = start
    while i < end:
        char = text[i]
        if char in DOUBLE_GLYPHS:
            if not (char in "\"\u2033" and i > start and text[i - 1].isdigit()):  # 5" (inches)
                marks.append(Mark(i, i + 1, char, True))
            i += 1
        elif char in SINGLE_GLYPHS:
            if i + 1 < end and text[i + 1] in SINGLE_GLYPHS:
                marks.append(Mark(i, i + 2, text[i:i + 2], True))
                i += 2
                continue
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if not (before.isalnum() and after.isalnum()):
                marks.append(Mark(i, i + 1, char, False))
            i += 1
        else:
            i += 1
    return marks


def read_role(text: str, mark: Mark, *, inside: bool, lo: int, hi: int) -> str:
    """``open`` or ``close``, from the characters around the mark, its glyph, the state."""
    before = text[mark.start - 1] if mark.start > lo else " "
    after = text[mark.end] if mark.end < hi else " "
    can_open = (before.isspace() or before in OPEN_AFTER or before in DOUBLE_GLYPHS) and not after.isspace()
    can_close = not before.isspace() and (after.isspace() or after in CLOSE_BEFORE or after in DOUBLE_GLYPHS)
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if mark.glyph[0] in OPENING_HINT and mark.glyph[-1] not in CLOSING_HINT:
        return "open"
    if mark.glyph[-1] in CLOSING_HINT and mark.glyph[0] not in OPENING_HINT:
        return "close"
    return "close" if inside else "open"


def is_single_opening(text: str, mark: Mark, lo: int) -> bool:
    before = text[mark.start - 1] if mark.start > lo else " "
    after = text[mark.end] if mark.end < len(text) else " "
    return (before.isspace() or before in OPEN_AFTER or before in DOUBLE_GLYPHS) and after.isalnum()


def is_single_closing(text: str, mark: Mark, hi: int) -> bool:
    before = text[mark.start - 1] if mark.start > 0 else " "
    after = text[mark.end] if mark.end < hi else " "
    return not before.isspace() and (after.isspace() or after in CLOSE_BEFORE or after in DOUBLE_GLYPHS)


def find_quoted(text: str) -> list[QuotedStretch]:
    """Every quoted stretch of the text, in order; never raises on unpaired marks."""
    scanner = QuoteScanner(text)
    paragraphs = split_paragraphs(text)
    for index, (lo, hi) in enumerate(paragraphs):
        scanner.read_paragraph(lo, hi, last=index + 1 == len(paragraphs))
    return [s for s in scanner.stretches if s.parts]


@dataclass(slots=True)
class QuoteScanner:
    """The quotes found so far while ``find_quoted`` reads a text paragraph by paragraph."""

    text: str
    stretches: list[QuotedStretch] = field(default_factory=list)
    # the parts of a quote carried over from earlier paragraphs
    pending: list[tuple[int, int]] = field(default_factory=list)

    def read_paragraph(self, lo: int, hi: int, *, last: bool) -> None:
        """The quotes of the paragraph text[lo:hi]; one still open at its end is carried
        into the next paragraph (``pending``), or closed unbalanced when ``last``."""
        text = self.text
        marks = scan_marks(text, lo, hi)
        if self.pending and not (marks and marks[0].start == lo + len(text[lo:hi]) - len(text[lo:hi].lstrip())):
            self.close_pending()
        opened: Mark | None = None
        for position, mark in enumerate(marks):
            if self.pending and position == 0:
                opened = mark  # the continuation mark re-opens the carried quote
                continue
            opened = self.read_mark(mark, opened, lo=lo, hi=hi)
        if opened is not None:
            self.pending = [*self.pending, (opened.end, hi)]
            if last:
                self.close_pending()
        elif self.pending:
            self.close_pending()

    def read_mark(self, mark: Mark, opened: Mark | None, *, lo: int, hi: int) -> Mark | None:
        """Take one mark of the paragraph text[lo:hi]; the mark of the quote open after it, if any."""
        text = self.text
        if opened is None:
            return self.read_first_mark(mark, lo=lo, hi=hi)
        if not opened.double:
            if not mark.double and is_single_closing(text, mark, hi):
                self.stretches.append(make_stretch(text, [(opened.end, mark.start)]))
                return None
            return opened
        if not mark.double:
            return opened  # a single mark nested inside a double quote
        parts = [*self.pending, (opened.end, mark.start)]
        self.pending = []
        if read_role(text, mark, inside=True, lo=lo, hi=hi) == "close":
            self.stretches.append(make_stretch(text, parts))
            return None
        # an opening mark while one is open: the first never closed
        self.stretches.append(make_stretch(text, parts, balanced=False))
        return mark

    def read_first_mark(self, mark: Mark, *, lo: int, hi: int) -> Mark | None:
        """A mark where no quote is open: the mark, when it opens one."""
        if not mark.double:
            return mark if is_single_opening(self.text, mark, lo) else None
        if read_role(self.text, mark, inside=False, lo=lo, hi=hi) == "open":
            return mark
        # a closing mark with nothing open: the quote ran from the paragraph start
        self.stretches.append(make_stretch(self.text, [(lo, mark.start)], balanced=False))
        return None

    def close_pending(self) -> None:
        """End the quote carried over from earlier paragraphs, unbalanced."""
        self.stretches.append(make_stretch(self.text, self.pending, balanced=False))
        self.pending = []


def make_stretch(text: str, parts: list[tuple[int, int]], *, balanced: bool = True) -> QuotedStretch:
    """A stretch whose parts are trimmed of surrounding space; empty parts dropped."""
    trimmed = []
    for part_start, part_end in parts:
        piece = text[part_start:part_end]
        start = part_start + len(piece) - len(piece.lstrip())
        end = part_end - (len(piece) - len(piece.rstrip()))
        if end > start:
            trimmed.append((start, end))
    return QuotedStretch(tuple(trimmed), balanced)


def join_parts(text: str, parts: tuple[tuple[int, int], ...]) -> str:
    """The words of a quote: its parts joined by a blank line (one per paragraph)."""
    return "\n\n".join(text[start:end] for start, end in parts)
