"""The parts of a sentence that tell events of their own, and how a trigger is worded.

    split_clauses(sentence)                 clause spans: a sentence splits where a new clause
                                            brings its own time ("..., and two days later
                                            three people died there", "..., while one earlier
                                            at a school killed 16", "... since gunmen
                                            attacked the town in May")
    is_definite(clause, at, trigger)      "the concert hall attack", "the March 22 killings":
                                            a mention of an event already known
    is_speech_date(sentence, date_start)    "vowed Tuesday to ...": the date of the saying
    is_detached(text, date_span, trigger)   "arrested Monday in the killing of ...": the date of
                                            another verb, not of the definite trigger after it
    announces_several(sentence)             "the governors of three Russian regions"

A clause of its own is coded apart: its own triggers, date and scene, and its events
never merge with those of the other clauses of the same sentence (the sentence sets
them side by side). Splits only where the new clause opens with a time of its own, so
"killing two people, and wounding 12" stays one clause.
"""
from __future__ import annotations

import re

from ...models import Span
from .lexicon import load_event_lexicon

CLAUSE_JOIN = re.compile(r"(?:,\s*(?:and|while|whereas|but)|;)\s+")
# "... has been trading fire since Hamas attacked Israel on October 7": a clause of its own
# (its own time and scene) where "since" opens a clause with a verb, not a bare time.
SINCE_CLAUSE = re.compile(r"\s+since\s+(?=(?:[\w'’-]+\s+){0,4}?[\w'’-]+ed\b)", re.IGNORECASE)
TIME_REACH = 30  # characters after the join in which the new clause's time must start
DEFINITE = re.compile(r"(?:^|\s)(?:the|this|that|its|their)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
VERB_LIKE = re.compile(r"\b\w+ed\s", re.IGNORECASE)
SEVERAL = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+(?:[\w-]+\s+)?"
    r"(?:regions|provinces|states|districts|cities|towns|villages|areas|locations|communities|oblasts|"
    r"counties|municipalities|governorates)\b", re.IGNORECASE)
GOVERNED = re.compile(r"\b(?:in|into|of|with|for|over|after|about|on|at|to|by|from|following|since|during|amid|"
                      r"regarding)\s+(?:the|this|that|its|their|his|her)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
DATE_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|january|february|"
    r"march|april|june|july|august|september|october|november|december|\d{4})\b", re.IGNORECASE)


def split_clauses(sentence: str) -> list[Span]:
    """Spans (into ``sentence``) of its clauses that open with a time of their own, or with
    the cause of what the clause before tells ("in retaliation for ...")."""
    lex = load_event_lexicon()
    time_word = lex.cues.get("clause_time")
    cuts = []
    for match in CLAUSE_JOIN.finditer(sentence):
        head = sentence[match.end():match.end() + TIME_REACH]
        starts = [found.start() for found in (DATE_WORDS.search(head),
                                               time_word.search(head.lower()) if time_word else None) if found]
        if starts and min(starts) < TIME_REACH:
            cuts.append(match.start())
    cuts += [match.start() for match in SINCE_CLAUSE.finditer(sentence) if match.start() > 0]
    cause = lex.cues.get("cause")  # "in retaliation for a raid in X on Tuesday": another event's place and time
    if cause is not None:
        cuts += [match.start() for match in cause.finditer(sentence.lower()) if match.start() > 0]
    cuts = sorted(set(cuts))
    spans, start = [], 0
    for cut in cuts:
        spans.append((start, cut))
        start = cut
    spans.append((start, len(sentence)))
    return spans


def is_definite(clause: str, trigger_start: int, trigger: str) -> bool:
    """The trigger heads a definite noun phrase ("the Moscow concert hall attack"), not a verb."""
    if trigger.lower().endswith("ed"):
        return False
    before = clause[max(0, trigger_start - 60):trigger_start]
    found = DEFINITE.search(before)
    if found is None:
        return False
    return not VERB_LIKE.search(before[found.start():] + " ")


def is_speech_date(sentence: str, date_start: int) -> bool:
    """The date right after a reporting verb ("said Thursday", "vowed Tuesday")."""
    speech = load_event_lexicon().cues.get("speech")
    if speech is None:
        return False
    words = sentence[max(0, date_start - 25):date_start].lower().split()
    if words and words[-1] == "on":
        words.pop()
    return bool(words) and bool(speech.fullmatch(words[-1]))


def is_detached(text: str, date_span: Span, trigger_start: int) -> bool:
    """A date before a definite trigger that belongs to another verb: the trigger's noun phrase
    is the object of a preposition after the date ("was arrested Monday in the killing of ...",
    "was held Sunday in connection with the shooting"). A date that modifies the noun ("Saturday
    night's shooting", "the Sept. 5 shooting") or a clause that tells when ("home Saturday
    afternoon ... when the shooting occurred") is the trigger's own."""
    return bool(GOVERNED.search(text[date_span[1]:trigger_start]))


def announces_several(sentence: str) -> bool:
    """The sentence speaks of several places it does not name ("three Russian regions")."""
    return bool(SEVERAL.search(sentence))
