"""The full-text query language of ``q``, parsed once and written out for each backend:
SQLite FTS5's MATCH syntax here (``to_fts5``), PostgreSQL's tsquery in search.py.

    police shooting          both words, anywhere in the headline or body (AND is implied)
    "police shooting"        the words next to each other, in that order
    gunmen OR bandits        either word (AND binds tighter: a b OR c is (a b) OR c)
    attack NOT drill         attack, but not drill; -drill means the same
    (gunmen OR bandits) -drill   parentheses group
    shoot*                   a word that starts with "shoot"

Words are runs of letters and digits, any case (``al-Shabaab`` is the phrase "al shabaab");
AND, OR and NOT are operators only in capitals. A query is refused (InvalidFilter, a 422 or
a usage error) when it has no word, an operator with nothing on one side, a parenthesis
left open or closed twice, or a part that only excludes (``-drill`` alone, ``a OR -b``): the
store cannot list "everything but". A quote left open closes at the end of the query.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InvalidFilter

MAX_TERMS = 32
TOKENS = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+)')
WORD_PARTS = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Term:
    """Words that must stand next to each other in this order (one word: that word);
    ``prefix``: the last word may go on ("shoot*" finds "shooting")."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every one of ``kept`` and none of ``dropped`` (``kept`` is never empty)."""

    kept: tuple[Query, ...]
    dropped: tuple[Query, ...] = ()


@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple[Query, ...]


Query = Term | AllOf | AnyOf


def parse_search(text: str, *, name: str = "q") -> Query:
    """The query ``text`` stands for; InvalidFilter (naming ``name``) saying what to fix."""
    parser = _Parser(text, name)
    query, dropped = parser.read_any()
    if parser.peek() is not None:
        raise parser.refuse("a ')' closes a parenthesis that was never opened")
    if dropped:
        raise parser.refuse("a query cannot only exclude words: give a word to find as well")
    if parser.terms > MAX_TERMS or query is None:
        raise parser.refuse(f"at most {MAX_TERMS} words and phrases")
    return query


def to_fts5(query: Query) -> str:
    """The query in SQLite FTS5's MATCH syntax: every word a quoted string, every group in parentheses."""
    if isinstance(query, Term):
        words = '"' + " ".join(query.words) + '"'
        return words + " *" if query.prefix else words
    if isinstance(query, AnyOf):
        return "(" + " OR ".join(to_fts5(part) for part in query.parts) + ")"
    found = "(" + " AND ".join(to_fts5(part) for part in query.kept) + ")"
    for part in query.dropped:
        found = f"({found} NOT {to_fts5(part)})"
    return found


class _Parser:
    """Recursive descent over the tokens: any := all (OR all)*; all := item ((AND)? item)*;
    item := (NOT | -) item | ( any ) | "phrase" | word[*]."""

    def __init__(self, text: str, name: str) -> None:
        self.text, self.name, self.terms = text, name, 0
        self.tokens: list[tuple[str, str]] = []
        for match in TOKENS.finditer(text):
            kind = match.lastgroup or "word"
            value = match.group(kind) or ""
            if value == "-" and text[match.end():match.end() + 1] in ('"', "("):
                value = "NOT"  # -"a phrase", -(a group)
            if kind in ("open", "close") or value in ("AND", "OR", "NOT") or WORD_PARTS.search(value):
                self.tokens.append((kind, value))  # punctuation alone ("-", "*", '""') is no word: left out
        self.at = 0
        operators = ("AND", "OR", "NOT")
        if not any(kind == "phrase" or (kind == "word" and value not in operators) for kind, value in self.tokens):
            raise self.refuse("give at least one word to search for")

    def refuse(self, reason: str) -> InvalidFilter:
        return InvalidFilter(self.name, self.text, f"{self.text!r}: {reason} (see docs/api.md, full-text search)")

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def ends_group(self) -> bool:
        """Whether the next token ends an AND group: the end, a ')' or OR."""
        token = self.peek()
        return token is None or token[0] == "close" or token == ("word", "OR")

    def take_operator(self, operator: str) -> bool:
        if self.peek() == ("word", operator):
            self.at += 1
            return True
        return False

    def read_any(self) -> tuple[Query | None, bool]:
        """(the query, or None when it only excludes; whether it only excludes) of alternatives joined by OR."""
        parts = [self.read_all()]
        while self.take_operator("OR"):
            parts.append(self.read_all())
        if len(parts) == 1:
            return parts[0]
        if any(only_excludes for _, only_excludes in parts):
            raise self.refuse("each side of OR needs a word to find, not only words to exclude")
        return AnyOf(tuple(query for query, _ in parts if query is not None)), False

    def read_all(self) -> tuple[Query | None, bool]:
        kept: list[Query] = []
        dropped: list[Query] = []
        while True:
            if self.ends_group():
                break
            if self.take_operator("AND") and (self.ends_group() or not (kept or dropped)):
                raise self.refuse("AND needs a word on each side")
            negated, item = self.read_item()
            (dropped if negated else kept).append(item)
        if not kept and not dropped:
            raise self.refuse("an operator or parenthesis has nothing on one side")
        if not kept:
            return None, True  # only excludes: refused by whoever holds it
        query = kept[0] if len(kept) == 1 and not dropped else AllOf(tuple(kept), tuple(dropped))
        return query, False

    def read_item(self) -> tuple[bool, Query]:
        """(whether it is excluded, the item)."""
        kind, value = self.tokens[self.at]
        if kind == "word" and (value == "NOT" or (value.startswith("-") and len(value) > 1)):
            if value == "NOT":
                self.at += 1
            else:
                self.tokens[self.at] = ("word", value[1:])
            if self.ends_group():
                raise self.refuse("NOT needs a word after it")
            negated, item = self.read_item()
            if negated:
                raise self.refuse("NOT NOT says nothing: drop both")
            return True, item
        self.at += 1
        if kind == "open":
            query, only_excludes = self.read_any()
            token = self.peek()
            if token is None or token[0] != "close":
                raise self.refuse("a '(' is never closed")
            self.at += 1
            if only_excludes or query is None:
                raise self.refuse("a group in parentheses needs a word to find")
            return False, query
        if kind == "close":
            raise self.refuse("a ')' closes a parenthesis that was never opened")
        if kind == "word" and value in ("AND", "OR"):
            raise self.refuse(f"{value} needs a word on each side")
        prefix = kind == "word" and value.endswith("*")
        words = tuple(part.lower() for part in WORD_PARTS.findall(value))
        self.terms += 1
        return False, Term(words, prefix=prefix)
