"""Event dates: the dates a sentence gives, resolved against the story's date (the rules: mentions.py).

    find_dates(text, story_date=...)       -> [DateMention(value, span, text, rule, end, certainty)]
    resolve_date(sentence, story_date=...) -> the one date of a sentence, or None
    find_statement_date(text)              -> the day an undated story is read by, or None
    describe_version()                     -> the version stored next to dates

tables.py (the word tables and patterns) < holidays.py (the days of a holiday) < resolve.py
(one expression resolved) < mentions.py (the expressions of a text and their certainty).
"""
from __future__ import annotations

from .mentions import DateMention, find_dates, find_statement_date, resolve_date
from .tables import describe_version

__all__ = ["DateMention", "describe_version", "find_dates", "find_statement_date", "resolve_date"]
