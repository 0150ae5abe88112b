"""The event coder, the top of coding/: the events a story tells (the rules: coder.py).

    code_events(text, sentences=..., story_date=..., dateline_place=..., headline=...) -> (Event, ...)
    describe_version()   the version stored with every event (the coder's and every table's)
    split_sentences(text)

The modules, each importing only those before it (and counts/, dates/, places/ below):

    lexicon.py       the trigger, cue and place-word tables
    triggers.py      which words name an event, and of which type
    certainty.py     how sure the text is (negated and hypothetical mentions dropped)
    clauses.py       the clauses of a sentence that tell events of their own
    scenes.py        which of a sentence's places is the scene
    merge.py         the Draft record; mentions merged into one event per family, place and day
    figures.py       casualty figures on the right event
    captions.py      what captions add: a date, a finer scene
    breakdown.py     a toll broken down by place
    place_choice.py  where a mention happened when its sentence names no place: strategies in order
    coder.py         code_events: a story read sentence by sentence
"""
from __future__ import annotations

from .coder import code_events, split_sentences
from .lexicon import describe_version

__all__ = ["code_events", "describe_version", "split_sentences"]
