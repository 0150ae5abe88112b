"""The parts of a sentence that tell events of their own, and how a trigger is worded.

    split_clauses(sentence)                 clause spans: a sentence splits where a new clause
                                            brings its own time ("..., and a week later
                                            two more died in hospital", "..., while one earlier
                                            at a clinic killed 9", "... since gunmen
                                            attacked the town in May")
    is_definite(clause, at, trigger)      "the stadium bombing", "the May 4 killings":
                                            a mention of an event already known
    is_speech_date(sentence, date_start)    "vowed Tuesday to ...": the date of the saying
    is_detached(text, date_span, trigger)   "arrested Monday in the killing of ...": the date of
                                            another verb, not of the definite trigger after it
    announces_several(sentence)             "the mayors of four border towns"

A clause of its own is coded apart: its own triggers, date and scene, and its events
never merge with those of the other clauses of the same sentence (the sentence sets
them side by side). Splits only where the new clause opens with a time of its own, so
"killing two people, and wounding 12" stays one clause.
"""
from __future__ import annotations

import re

from ...event_types import name_family
from ...models import Span
from .lexicon import load_event_lexicon
from .triggers import find_triggers

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


REFLEXIVE = re.compile(r"\b(?:him|her|them)sel(?:f|ves) (?:in|up|over|to)\b", re.I)  # a verb's: "gave himself up"


def is_definite(clause: str, trigger_start: int, trigger: str) -> bool:
    """The trigger heads a definite noun phrase ("the Kampala market bombing"), not a verb
    ("detained", "turned himself in")."""
    if trigger.lower().endswith("ed") or REFLEXIVE.search(trigger):
        return False
    before = clause[max(0, trigger_start - 60):trigger_start]
    found = DEFINITE.search(before)
    if found is None:
        return False
    return not VERB_LIKE.search(before[found.start():] + " ")


# where a saying was made, between the verb and its date: "wrote in a post Friday", "told reporters on Monday"
SAID_IN = re.compile(r"\s+(?:(?:in|on|at|during)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
                     r"(?:tweet|statement|post|interview|briefing|news conference|press conference|video|"
                     r"message|speech|letter|report|broadcast)|(?:reporters|journalists|the media|the press))\s*$")


def is_speech_date(sentence: str, date_start: int) -> bool:
    """The date right after a reporting verb ("said Thursday", "vowed Tuesday", "said in a statement
    Tuesday", "told reporters on Monday")."""
    speech = load_event_lexicon().cues.get("speech")
    if speech is None:
        return False
    before = SAID_IN.sub("", re.sub(r"\s+on\s*$", "", sentence[max(0, date_start - 60):date_start].lower()))
    words = before.split()
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


RELATIVE = re.compile(r"(?<![\w-])[a-z][\w-]*,?\s+(?:which|who|whose)\s+\w"  # "an attack which ...", "a man who ..."
                      r"|(?<![\w-])(?!(?:said|says|say|told|tell|tells|so|now|such|is|was|are|were|be|believe|"
                      r"believes|think|thinks|know|knows|show|shows|mean|means|hope|fear|fears|claim|claims)\s)"
                      r"(?!(?:saying|adding|noting|claiming|stating|suspecting|believing|thinking|knowing|showing|"
                      r"indicating|suggesting|arguing|insisting|warning|reporting|announcing|confirming|alleging|"
                      r"fearing|hoping|ensuring|meaning|learning|realizing|realising)\s)"
                      r"[a-z][\w-]*(?<!ed)\s+that\s+\w",  # "an attack that ...", not "said that", "learned that"
                      re.IGNORECASE)


def dates_later_noun(text: str, trigger_end: int, date_start: int, family: str | None = None) -> bool:
    """A date after the trigger that sits in a relative clause on a noun after it ("detained the
    man suspected of an ambush *that killed four in March*"): it dates that noun, not the trigger. A
    relative clause closed before the date (", who are calling for ..., left 17 dead on Monday") does not,
    nor one on a noun of the event itself (``family``: the trigger's): "injured in the incident that
    occurred on Nov. 2", "killed in a shooting that began on Friday"."""
    if date_start <= trigger_end:
        return False
    between = text[trigger_end:date_start]
    found = [m for m in RELATIVE.finditer(between)]  # the clause must still be open at the date
    if not found or re.search(r"[,;:()\u2013\u2014]", between[found[-1].end():]):
        return False
    if MAIN_VERB_AFTER.search(between[found[-1].end() - 1:]):
        return False  # "an officer who interrupted a deal *turned* himself in Monday": the clause closed
    noun = found[-1].group().split()[0].strip(",").lower()
    return noun not in SETTING_NOUNS and not (family is not None and any(
        name_family(t.type) == family for t in find_triggers(noun)))


# a second past-tense verb not joined by "and"/"or" after the relative clause's own: the main verb again
MAIN_VERB_AFTER = re.compile(r"^\w+\s+(?:\S+\s+)*?(?<!\band )(?<!\bor )(?<!\bbeen )(?<!\bwas )(?<!\bwere )\w+ed\b")

# nouns of the event itself: "injured in the incident that occurred on Nov. 2" is dated by its clause
SETTING_NOUNS = frozenset({"incident", "incidents", "accident", "event", "episode", "altercation", "confrontation",
                           "fight", "dispute", "encounter", "exchange", "standoff", "operation", "raid"})


def in_quote(sentence: str, at: int) -> bool:
    """The offset lies inside a direct quote of the sentence (an opening mark not yet closed)."""
    before = sentence[:at]
    curly = before.count("\u201c") - before.count("\u201d")
    return curly > 0 or (curly == 0 and "\u201c" not in before and before.count('"') % 2 == 1)


def announces_several(sentence: str) -> bool:
    """The sentence speaks of several places it does not name ("three Russian regions")."""
    return bool(SEVERAL.search(sentence))
