"""Words of a text as the actor dictionary compares them: case, accents and punctuation set aside.

    tokenize("Russia's troops")  -> [Token('Russia', key='russia'), Token('troops', key='troops')]
    tokenize("the U.S. Navy")    -> [... Token('U.S.', key='us', exact='US') ...]

A token keeps its character offsets in the text. Its ``key`` is folded (lower case, no
accents, no dots in "U.S.", no apostrophe in "Ta'ang", no possessive "'s"), so "al-Shabaab",
"Al Shabaab" and "AL-SHABAAB" have the same keys; hyphens and slashes split words. Its
``exact`` form keeps the capitals: an alias's acronyms must be written as given ("AA", "IS"),
and a capitalised first word capitalised ("White House", not "a white house"); its other
words match in any case ("gunmen", "Gunmen", "GUNMEN"; "Sinaloa Cartel", "Sinaloa cartel").
A token is ``joined`` to the one before unless a clause mark, a spaced dash or a line break
stands between them ("Mali: Armed forces" is not "Mali armed forces"); an alias is matched
only across joins.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# "U.S." and "U.N." as one word, else runs of letters and digits joined by apostrophes ("Ta'ang")
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:['\u2019\u02bc]\w+)*")
_APOSTROPHES = re.compile(r"['\u2019\u02bc.]")
_POSSESSIVE = ("'s", "\u2019s", "\u02bcs")
_BREAKS = frozenset('.,:;!?"\u201c\u201d[]{}|\n')
_DASHES = frozenset("-\u2013\u2014")
CAPITAL = ""  # in a pattern: the word must start with a capital


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    key: str  # folded: compared without regard to case
    exact: str  # accents and punctuation folded, capitals kept: compared as written
    joined: bool = True  # no clause mark or line break between this token and the one before


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """A word without its possessive, its dots and apostrophes, and its accents; case kept."""
    if len(word) > 2 and word.endswith(_POSSESSIVE):
        word = word[:-2]
    word = _APOSTROPHES.sub("", word)
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        exact = fold_word(match.group())
        if exact:
            gap = text[tokens[-1].end:match.start()] if tokens else ""
            spaced_dash = any(char in _DASHES for char in gap) and any(char.isspace() for char in gap)
            joined = not spaced_dash and not any(char in _BREAKS for char in gap)
            tokens.append(Token(match.start(), match.end(), exact.casefold(), exact, joined))
    return tokens


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """A word of capitals alone ("AA", "PDF", "M23"), or of two capitals or more and no more small
    letters ("JeM", "FAMa", "PDFs"); "Al" and "Is" are not.

    Such a word in an alias must be written as given in the text; other words match in any case.
    """
    if word.islower():
        return False
    upper = sum(char.isupper() for char in word)
    lower = sum(char.islower() for char in word)
    return (upper > 0 and lower == 0) or (upper >= 2 and upper >= lower)


def make_pattern(tokens: list[Token]) -> tuple[str | None, ...]:
    """Per word of an alias: the exact form an acronym needs, CAPITAL for a capitalised first word
    (news writes "the Sinaloa cartel" and "the Sinaloa Cartel"), else None: any case will do."""
    return tuple(token.exact if is_acronym(token.exact) else
                 CAPITAL if index == 0 and token.exact[:1].isupper() else None
                 for index, token in enumerate(tokens))


def _fits_word(want: str | None, exact: str) -> bool:
    return want is None or (exact[:1].isupper() if want == CAPITAL else exact == want)


def fits(pattern: tuple[str | None, ...], tokens: list[Token], start: int) -> bool:
    """Whether the text's words from ``start`` are written as the alias's pattern requires."""
    return all(_fits_word(want, tokens[start + offset].exact) for offset, want in enumerate(pattern))


def overlap(first: tuple[str | None, ...], second: tuple[str | None, ...]) -> bool:
    """Whether some text fits both patterns of the same keys ("jem" any case and "JEM" do; "JEM" and "JeM" not)."""
    return all(a is None or b is None or (a == b) or (CAPITAL in (a, b) and (a or b)[:1].isupper())
               for a, b in zip(first, second, strict=True))


def is_shouted(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the words on either side of ``tokens[start:end]`` are all in capitals ("ELSE IS BEING"):
    in text written in capitals an acronym cannot be told from a word."""
    around = [tokens[index].exact for index in (start - 1, end) if 0 <= index < len(tokens)]
    return bool(around) and all(any(c.isalpha() for c in word) and not any(c.islower() for c in word)
                                for word in around)
