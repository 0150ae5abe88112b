"""Frozen records that leave the NLP stage (defined in ``dateline.models``).

    story body ──nlp.pipe──▶ Doc (stays inside nlp/) ──▶ StoryAnalysis
                                                         ├── Entity  (+ Mention spans)
                                                         ├── Quote   (speaker, text, spans)
                                                         └── ParsedToken (offsets, lemma, POS, dependency, head)

Every position is a ``(start, end)`` character offset into the story text that was
parsed: the body paragraphs joined with ``"\\n\\n"`` (``Story.text``). No spaCy object
ever leaves ``nlp/``; these records pickle and compare by value. They live in
``models.py`` beside ``Story`` (which carries them); this module re-exports them.
"""
from __future__ import annotations

from dateline.models import NLP_VERSION, Entity, Mention, ParsedToken, Quote, Span, StoryAnalysis

__all__ = ["NLP_VERSION", "Entity", "Mention", "ParsedToken", "Quote", "Span", "StoryAnalysis"]
