"""A cheap test that a pattern cannot match a sentence, before the regular expression runs.

    screen = make_screen(pattern)          # None when the pattern gives no hold
    screen is None or screen.may_match(sentence, sentence.lower())

The coder runs dozens of long alternations (event triggers, time expressions) over every
sentence, and most sentences match none of them. Every match of ``(?:in|since) (?:early
)?(?:January|February|...)`` holds "in" or "since" and one of the month names, so a
sentence without a month name cannot match: a few substring tests in C instead of a scan
by the regex engine.

What a match must hold is read from the pattern itself (Python's own parser), so a screen
never disagrees with its pattern: it only says "cannot match" when no match is possible.
A screen is a list of requirements, all of which a match meets; a requirement is a set of
strings, one of which the match contains (a run of literal characters, a branch's
choices, a digit). Screens hold for ASCII sentences; any other sentence goes straight to
the regex engine.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Python's own regex parser (3.11+); typeshed has no stubs for these private modules
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

MAX_CLASS_CHARS = 10  # a character class of at most this many characters is a requirement
DIGITS = frozenset("0123456789")
_ZERO_WIDTH = {sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT}
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_REPEATS |= {sre_constants.POSSESSIVE_REPEAT} if hasattr(sre_constants, "POSSESSIVE_REPEAT") else set()

Requirement = frozenset[str]


@dataclass(frozen=True, slots=True)
class Screen:
    """What every match of a pattern holds: each requirement, one of its strings (lower case)."""

    requirements: tuple[tuple[str, ...], ...]

    def may_match(self, text: str, lowered: str) -> bool:
        """False only when the pattern cannot match ``text`` (``lowered`` is ``text.lower()``)."""
        if not text.isascii():
            return True
        for requirement in self.requirements:  # plain loops: this runs for every pattern and sentence
            for part in requirement:
                if part in lowered:
                    break
            else:
                return False
        return True


def make_screen(pattern: re.Pattern[str]) -> Screen | None:
    """The screen of a compiled pattern, or None when nothing is sure to be in its matches."""
    try:
        found = read_requirements(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    except (re.error, RecursionError, TypeError, ValueError):
        return None
    kept: list[tuple[str, ...]] = []
    seen: set[Requirement] = set()
    for requirement in found:
        if all(part and part.isascii() for part in requirement) and requirement not in seen:
            seen.add(requirement)
            shortest = sorted(requirement, key=len)  # "strike" found: "strikes" need not be tried
            kept.append(tuple(p for i, p in enumerate(shortest) if not any(s in p for s in shortest[:i])))
    return Screen(tuple(kept)) if kept else None


def read_requirements(items: list) -> list[Requirement]:
    """The requirements every match of the sequence ``items`` meets."""
    found: list[Requirement] = []
    run = ""
    for op, arg in items:
        if op is sre_constants.LITERAL:
            run += chr(arg).lower()
            continue
        if run:
            found.append(frozenset([run]))
            run = ""
        if op is sre_constants.SUBPATTERN:
            found += read_requirements(list(arg[-1]))
        elif op is sre_constants.BRANCH:
            choices = [pick_best(read_requirements(list(branch))) for branch in arg[1]]
            picked = [choice for choice in choices if choice is not None]
            if len(picked) == len(choices):
                found.append(frozenset[str]().union(*picked))
        elif op in _REPEATS and arg[0] >= 1:
            found += read_requirements(list(arg[2]))
        elif op is sre_constants.IN:
            chars = read_class(arg)
            if chars:
                found.append(chars)
        elif op is sre_constants.CATEGORY and arg is sre_constants.CATEGORY_DIGIT:
            found.append(DIGITS)
        # anything else (a lookaround, an optional part, any character) requires nothing
    if run:
        found.append(frozenset([run]))
    return found


def pick_best(requirements: list[Requirement]) -> Requirement | None:
    """The requirement most likely to fail on a sentence: the one whose shortest string is longest."""
    return max(requirements, key=lambda r: (min(map(len, r)), -len(r)), default=None)


def read_class(items: list) -> Requirement | None:
    """The characters of a small positive class ([0-3], [-–], \\d), lower case; None otherwise."""
    chars: set[str] = set()
    for op, arg in items:
        if op is sre_constants.LITERAL:
            chars.add(chr(arg).lower())
        elif op is sre_constants.RANGE and arg[1] - arg[0] < MAX_CLASS_CHARS:
            chars.update(chr(code).lower() for code in range(arg[0], arg[1] + 1))
        elif op is sre_constants.CATEGORY and arg is sre_constants.CATEGORY_DIGIT:
            chars.update(DIGITS)
        else:
            return None  # a negated class, a wide range, a category of letters
    return frozenset(chars) if 0 < len(chars) <= MAX_CLASS_CHARS else None
