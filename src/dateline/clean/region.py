"""Which lines of a flattened page are article text: the main-content selector.

(Baseline: keeps every line; the real selector replaces this.)
"""
from __future__ import annotations

from collections.abc import Sequence


def select_regions(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Half-open [start, end) runs of line indexes that hold article text, in order."""
    return [(0, len(lines))] if lines else []
