"""The coder: event types, places, dates and casualty counts read from a story's text.

    code_events(text, sentences=..., story_date=..., dateline_place=..., headline=...,
                entities=..., captions=...)              -> (Event, ...)
    describe_version()                                   -> the version stored with every event
    find_counts(sentence), find_dates(text, story_date=...), resolve_date(sentence, story_date=...)
    find_places(text, context=...), context_from_story(text, ...), resolve_place(name, context=...)

Subpackages, each importing only those before it (docs/architecture.md):

    words.py, regex_screen.py   number words, nouns of people and things; a pattern's screen
    counts/                     casualty figures of a sentence
    dates/                      the dates of a sentence, resolved against the story's date
    places/                     place names resolved with the offline gazetteer
    events/                     the event coder on top: triggers, certainty, scenes, merging

The tables they read are data files under ``src/dateline/data/`` (``en/coding/``).
"""
from __future__ import annotations

from .counts import Count, choose_count, find_counts
from .dates import DateMention, find_dates, resolve_date
from .events import code_events, describe_version, split_sentences
from .places import Place, PlaceContext, context_from_story, find_places, resolve_place

__all__ = ["Count", "DateMention", "Place", "PlaceContext", "choose_count", "code_events", "context_from_story",
           "describe_version", "find_counts", "find_dates", "find_places", "resolve_date", "resolve_place",
           "split_sentences"]
