"""Lists inside an article: the items a flattened page shows one a line.

A list in running text is a run of short lines, so on their own evidence its items
look like the menu and related-link lines the cleaner drops. Two shapes mark them
as the article's own:

- a numbered list: items counting up from 1 ("1) ...", "2. ..."), at most a couple
  of lines apart (an item's link on a line of its own);
- a list announced by a line ending in a colon ("Tour dates:") whose following
  lines share one shape (all open with a number, or with the same separator
  inside: "June 9 – Venue, City").

Either must follow article text with no chrome or closing heading in between: a
numbered "Most read" list after its heading is not the article's.

A third shape runs through the article rather than after it: numbered subheads
("1. Know your numbers", paragraphs, "2. ...") of a listicle, counting up from 1 or
down to 1 among the lines the main-content selector kept.

    find_list_items(texts, inside) ─▶ indexes of lines that are list items
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .region import LineShape, shape_line

NUMBERED = re.compile(r"\A\(?(?P<n>\d{1,2})\s*[.)]\s+\S")
FIRST_TOKEN = re.compile(r"\A\W*(\w+)")
LEADING_NUMBER = re.compile(r"\d")
SEPARATORS = (" – ", " — ", " -- ", " - ", " @ ", " | ", ": ", "):")
MAX_ITEM_WORDS = 30
MIN_ITEMS = 3
MAX_GAP = 2  # lines between two numbered items (a link or a wrapped part)
REACH = 2  # lines between the article text and the list's first item


def find_list_items(texts: Sequence[str], inside: Sequence[bool]) -> set[int]:
    """Indexes of the lines that are items of a list following article text."""
    items: set[int] = set()
    for start, text in enumerate(texts):
        if start in items:
            continue
        announced = text.rstrip().endswith(":")
        if not (announced or NUMBERED.match(text)) or not follows_article(texts, inside, start):
            continue
        if announced:
            items.update(collect_numbered(texts, start + 1) or collect_announced(texts, start + 1)
                         or collect_kept(texts, inside, start + 1))
        else:
            items.update(collect_numbered(texts, start))
    items.update(find_numbered_subheads(texts, inside))
    return items


def find_numbered_subheads(texts: Sequence[str], inside: Sequence[bool]) -> list[int]:
    """Numbered lines kept as article text that count 1, 2, 3 ... (or down to 1)."""
    numbered = [(i, int(m["n"])) for i, text in enumerate(texts)
                if inside[i] and (m := NUMBERED.match(text)) and is_item(text)]
    found: list[int] = []
    for step in (1, -1):
        chains: list[list[tuple[int, int]]] = []
        waiting: dict[int, list[tuple[int, int]]] = {}  # the next number a chain waits for -> that chain
        for i, n in numbered:
            chain = waiting.pop(n, None)
            if chain is None and ((step == 1 and n == 1) or (step == -1 and n > 1)):
                chain = []
                chains.append(chain)
            if chain is not None:
                chain.append((i, n))
                waiting[n + step] = chain
        found.extend(i for chain in chains
                     if len(chain) >= MIN_ITEMS and (step == 1 or chain[-1][1] == 1) for i, _ in chain)
    return found


def follows_article(texts: Sequence[str], inside: Sequence[bool], at: int) -> bool:
    """Whether article text stands at or just before line ``at`` with nothing closing between."""
    for i in range(at, max(-1, at - REACH - 1), -1):
        shape = measure(texts[i])
        if shape.chrome or shape.barrier:
            return False
        if inside[i]:
            return True
    return False


@lru_cache(maxsize=4096)
def measure(text: str) -> LineShape:
    return shape_line(text)


def is_item(text: str) -> bool:
    shape = measure(text)
    return 0 < shape.words <= MAX_ITEM_WORDS and not shape.chrome and not shape.barrier


def collect_numbered(texts: Sequence[str], start: int) -> list[int]:
    """A list counting up from 1 at ``start``, with the lines between its items."""
    first = NUMBERED.match(texts[start]) if start < len(texts) else None
    if first is None or int(first["n"]) != 1:
        return []
    found, expected, last = [start], 2, start
    for i in range(start + 1, len(texts)):
        if i - last > MAX_GAP + 1:
            break
        match = NUMBERED.match(texts[i])
        if match and int(match["n"]) == expected:
            found.extend(range(last + 1, i + 1))
            expected, last = expected + 1, i
        elif not is_item(texts[i]):
            break
    return found if expected - 1 >= MIN_ITEMS else []


def describe_shape(text: str) -> tuple[str, tuple[str, ...]]:
    """What a list item looks like: how it opens and which separators it holds."""
    token = FIRST_TOKEN.match(text)
    word = token.group(1) if token else ""
    opener = "number" if word[:1].isdigit() else ("upper" if word[:1].isupper() else "other")
    if opener == "upper" and LEADING_NUMBER.search(text[:12]):
        opener = "upper+number"  # "June 9 – ..."
    return opener, tuple(sep for sep in SEPARATORS if sep in text)


def collect_announced(texts: Sequence[str], start: int) -> list[int]:
    """Items of one shape after a line that announces them with a colon."""
    if start >= len(texts) or not is_item(texts[start]):
        return []
    shape = describe_shape(texts[start])
    if not shape[1] and shape[0] not in ("number", "upper+number"):
        return []  # nothing to tell items from the next headline by
    found = []
    for i in range(start, len(texts)):
        if not is_item(texts[i]) or not shares_shape(describe_shape(texts[i]), shape):
            break
        found.append(i)
    return found if len(found) >= MIN_ITEMS - 1 else []


def collect_kept(texts: Sequence[str], inside: Sequence[bool], start: int) -> list[int]:
    """Items of any shape after an announcing line, where the selector kept them all
    as article text: the short lines up to the first one it left out."""
    found = []
    for i in range(start, len(texts)):
        if not inside[i] or not is_item(texts[i]) or texts[i].rstrip().endswith(":"):
            break
        found.append(i)
    return found if len(found) >= MIN_ITEMS - 1 else []


def shares_shape(one: tuple[str, tuple[str, ...]], other: tuple[str, tuple[str, ...]]) -> bool:
    """Two items open alike and hold a separator in common (or neither holds one)."""
    return one[0] == other[0] and (bool(set(one[1]) & set(other[1])) or not (one[1] or other[1]))
