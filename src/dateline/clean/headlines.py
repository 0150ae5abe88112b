"""Finding a story's headline among the short lines before its first paragraph.

Sites repeat the headline (page title, social card, article heading), glue a
section word or breadcrumb in front of it ("World News Chile's senate ...",
"Asia Thailand Floods ..."), or let a scraper stamp precede it. The headline is
the candidate the page repeats most; among equals, the first for a page's first
story (related links follow it) and the last for later stories (it stands right
above the story it heads).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .lines import Line, count_words, is_headline_like, squash
from .tables import load_words

MIN_HEADLINE_WORDS = 5
MAX_CANDIDATES = 60  # the headline stands close above the story


def strip_label(text: str, *, known: set[str]) -> str:
    """The headline without a section label or breadcrumb glued in front of it."""
    words = text.split()
    for size in (3, 2, 1):
        if len(words) - size < 4:
            continue
        head, rest = " ".join(words[:size]), " ".join(words[size:])
        if squash(rest) in known:
            return rest
        if head.lower() in load_words("sections") and rest[:1].isupper():
            return rest
    places = load_words("places")
    if len(words) >= 6 and words[0].lower() in places and words[1].lower().strip(",") in places:
        return " ".join(words[1:])  # "Burma Myanmar ...": a place label before a place-led title
    return text


def choose_headline(candidates: Sequence[Line], *, all_lines: Sequence[Line], first: bool) -> Line | None:
    """The line that heads a story, from the short lines before its first paragraph."""
    usable = [line for line in candidates if is_headline_like(line.text)][-MAX_CANDIDATES:]
    if not usable:
        return None
    keys = Counter(squash(line.text) for line in all_lines)
    known = set(keys)
    glued = Counter(" ".join(k.split()[n:]) for k in known for n in (1, 2, 3) if len(k.split()) > n + 3)

    def repeats(line: Line) -> int:
        key = squash(strip_label(line.text, known=known))
        return keys[key] + glued[key]

    best = max(repeats(line) for line in usable)
    pool = [line for line in usable if repeats(line) == best]
    if best <= 1:
        long_enough = [line for line in pool if count_words(line.text) >= MIN_HEADLINE_WORDS]
        pool = long_enough or pool
    return pool[0] if first else pool[-1]


def clean_headline(text: str, *, all_lines: Sequence[Line]) -> str:
    return strip_label(text, known={squash(line.text) for line in all_lines})
