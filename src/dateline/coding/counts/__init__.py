"""Casualty counts in one sentence: killed, injured, arrested, missing (the rules: reader.py).

    find_counts(sentence, offset=...) -> [Count(field, value, span, qualifier, exact, rule)]
    choose_count(counts, field)       -> the lowest figure for a field (ACLED's rule)
    describe_version()                -> the version stored next to counts

tokens.py (the Count record, word lists, tokens) < phrases.py (numbers and the words
around them) < rules.py (which field a number counts) < reader.py (the chain).
"""
from __future__ import annotations

from .reader import choose_count, find_counts
from .tokens import Count, describe_version, load_lexicon

__all__ = ["Count", "choose_count", "describe_version", "find_counts", "load_lexicon"]
