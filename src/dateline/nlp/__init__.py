"""The NLP stage: parse story bodies once with spaCy and read entities and quotes.

    analyse_stories(texts) -> [StoryAnalysis(entities, quotes)]   records only, char offsets

spaCy objects stay inside this package; see ``records.py`` for what leaves it.
"""
from dateline.nlp.analysis import analyse_stories
from dateline.nlp.records import Entity, Mention, Quote, StoryAnalysis

__all__ = ["Entity", "Mention", "Quote", "StoryAnalysis", "analyse_stories"]
