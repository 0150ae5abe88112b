"""Accounting for what the HTML cleaner leaves out, line by line.

Two kinds of lines leave an HTML page's story before the flat-text cleaner sees it:

- lines of the main text that are not story text: caption text the extractor
  kept in the body, and the headline or byline repeated at its top
  (``strip_metadata_lines``), and paragraphs that are mostly a link to another
  page ("Related: ...", teaser headlines);
- page lines the main-content extractor left out: navigation, teasers, footers
  (``account_page_lines``), recorded as boilerplate, or as caption or metadata
  where they are the page's captions, headline or byline.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Caption, Removed
from .html_meta import PageMeta
from .html_tree import normalize_space

# How far into the main text a repeated headline or byline is looked for.
HEAD_LINES = 3
# A paragraph this short, mostly link text, is a teaser for another page.
TEASER_WORDS = 40
TEASER_LINK_SHARE = 0.75
# Past this many page lines, the rest left out is summarised in one record.
MAX_ACCOUNTED_LINES = 5000
BYLINE = re.compile(r"^(?:by|von|por|par|di|door|av|af)\s+", re.IGNORECASE)
LIST_MARK = re.compile(r"^[-*•]\s+")


def fold(text: str) -> str:
    """A line's comparison key: whitespace collapsed, case folded, edge punctuation gone."""
    return normalize_space(LIST_MARK.sub("", text)).casefold().strip(" .:;,|-–—\"'“”‘’")


def caption_keys(captions: Sequence[Caption]) -> set[str]:
    """Every way a caption may appear as a line: its text, its credit, both together."""
    keys: set[str] = set()
    for caption in captions:
        keys.add(fold(caption.text))
        if caption.credit:
            keys.add(fold(caption.credit))
            keys.add(fold(f"{caption.text} {caption.credit}"))
            keys.add(fold(f"{caption.text}{caption.credit}"))
    keys.discard("")
    return keys


def is_caption_line(key: str, keys: set[str]) -> bool:
    """Whether a folded line is a caption: its text, maybe followed by its credit."""
    return key in keys or any(key.startswith(k) and len(key) - len(k) <= 120 for k in keys if len(k) >= 20)


def is_headline(line: str, title: str | None) -> bool:
    """Whether the line is the headline: the same words, maybe with the site name glued on."""
    if not title:
        return False
    key, head = fold(line), fold(title)
    if not key or not head:
        return False
    if key == head:
        return True
    shorter, longer = sorted((key, head), key=len)
    return len(shorter) >= 0.6 * len(longer) and len(shorter.split()) >= 3 and longer.startswith(shorter)


def is_byline(line: str, author: str | None) -> bool:
    """Whether the line only names the author ("By Jane Roe", "Jane Roe and John Doe")."""
    if not author:
        return False
    key = fold(BYLINE.sub("", normalize_space(line)))
    names = [fold(name) for name in re.split(r";|,| and ", author) if fold(name)]
    return bool(key) and len(key) <= len(fold(author)) + 20 and any(name in key for name in names) \
        and len(key.split()) <= 3 * max(len(n.split()) for n in names) + 2


def strip_metadata_lines(body: Sequence[str], *, meta: PageMeta, captions: Sequence[Caption],
                         link_density: dict[str, float] | None = None) -> tuple[list[str], list[Removed]]:
    """The main text without caption lines, link teasers, and the headline and byline at its top."""
    keys = caption_keys(captions)
    teasers = {fold(text) for text, share in (link_density or {}).items()
               if share >= TEASER_LINK_SHARE and len(text.split()) <= TEASER_WORDS}
    kept: list[str] = []
    removed: list[Removed] = []
    for index, line in enumerate(body):
        if is_caption_line(fold(line), keys):
            removed.append(Removed(line, "caption", "html: caption text in the main text"))
        elif fold(line) in teasers:
            removed.append(Removed(line, "boilerplate", "html: link to another page"))
        elif index < HEAD_LINES and not kept and is_headline(line, meta.title):
            removed.append(Removed(line, "metadata", "html: headline repeated in the main text"))
        elif index < HEAD_LINES and len(kept) <= 1 and is_byline(line, meta.author):
            removed.append(Removed(line, "metadata", "html: byline in the main text"))
        else:
            kept.append(line)
    return kept, removed


def account_page_lines(page_lines: Sequence[str], *, extracted: Sequence[str], meta: PageMeta,
                       captions: Sequence[Caption]) -> list[Removed]:
    """A record for every page line the main-content extractor left out, with its reason."""
    paragraphs = {fold(p) for p in extracted}
    cells = {fold(cell) for p in extracted for cell in p.split(" | ")}
    joined = "\n".join(fold(p) for p in extracted)
    keys = caption_keys(captions)
    removed: list[Removed] = []
    for count, line in enumerate(page_lines):
        if count >= MAX_ACCOUNTED_LINES:
            rest = len(page_lines) - count
            removed.append(Removed(f"[{rest} more lines outside the main text]", "boilerplate",
                                   "html: outside the main content (summarised)"))
            break
        key = fold(line)
        if not key or key in paragraphs or key in cells or (len(key.split()) >= 4 and key in joined):
            continue
        if is_caption_line(key, keys):
            removed.append(Removed(line, "caption", "html: caption markup"))
        elif is_headline(line, meta.title) or is_byline(line, meta.author) or key == fold(meta.sitename or ""):
            removed.append(Removed(line, "metadata", "html: page metadata"))
        else:
            removed.append(Removed(line, "boilerplate", "html: outside the main content"))
    return removed
