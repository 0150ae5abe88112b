"""The screen that skips a pattern on a sentence that cannot match it never skips a match."""
from __future__ import annotations

import itertools
import re

import pytest

from dateline.coding.dates.tables import load_tables
from dateline.coding.events.lexicon import load_event_lexicon
from dateline.coding.regex_screen import make_screen

PATTERNS = [
    (r"(?<![\w-])(?:air[- ]?strikes?|drone (?:strikes?|attacks?)|(?:fighter )?jets? bombed)(?![\w-])", re.I),
    (r"\b(?:(?:Monday|Tuesday),?\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?)\.?\s+(?P<d>[0-3]?\d)\b", 0),
    (r"\b(?i:in|since)\s+(?P<y>(?:19|20)\d\d)\b", 0),
    (r"\b(?i:(?P<n>\d+|an?|one|two)\s+(?:days?|weeks?)\s+(?:ago|earlier))", 0),
    (r"\bthe\s+(?:\w+\s+)?anniversary\b", re.I),
    (r"(?:shot|stabbed)(?: and killed)?|gunm[ae]n", re.I),
    (r"(?-i:march(?:es)?)|rall(?:y|ies)", re.I),
    (r"[0-3]\d[-\u2013][0-3]\d", 0),
]
SENTENCES = [
    "Israeli AIR-STRIKES hit the town on Monday, Jan. 5.",
    "A drone attack and an airstrike were reported.",
    "Fighter jets bombed the bridge in 2019.",
    "Two weeks ago a man was shot and killed; gunmen fled.",
    "The 10th Anniversary of the March was marked by rallies on 12-14 May.",
    "Nothing happened here at all.",
    "She was Stabbed since 1999 and 3 days earlier the march went on.",
    "Feb 29 was quiet; an hour earlier, one day ago.",
    "",
]


@pytest.mark.parametrize("source,flags", PATTERNS)
def test_a_screen_never_refuses_a_sentence_its_pattern_matches(source, flags):
    pattern = re.compile(source, flags)
    screen = make_screen(pattern)
    assert screen is not None
    for sentence in SENTENCES:
        if pattern.search(sentence):
            assert screen.may_match(sentence, sentence.lower()), sentence


@pytest.mark.parametrize("source,flags,sentence", [
    (PATTERNS[0][0], PATTERNS[0][1], "The army shelled the town."),
    (PATTERNS[1][0], PATTERNS[1][1], "On Monday, 5 people were hurt."),
    (PATTERNS[2][0], PATTERNS[2][1], "in the spring"),
    (PATTERNS[4][0], PATTERNS[4][1], "the annual meeting"),
])
def test_a_screen_refuses_a_sentence_without_what_every_match_holds(source, flags, sentence):
    assert not make_screen(re.compile(source, flags)).may_match(sentence, sentence.lower())


def test_text_outside_ascii_always_goes_to_the_pattern():
    # under IGNORECASE "s" also matches the long s, which lower() keeps: only the pattern can tell
    pattern = re.compile(r"snipers?", re.I)
    sentence = "A \u017fniper fired"
    assert pattern.search(sentence)
    assert make_screen(pattern).may_match(sentence, sentence.lower())


@pytest.mark.parametrize("source", [r"\w+", r"(?:a|)b?", r".*", r"[^x]{3}"])
def test_a_pattern_that_requires_nothing_has_no_screen(source):
    assert make_screen(re.compile(source)) is None


def test_screens_agree_with_the_shipped_trigger_and_date_patterns():
    patterns = [rule.pattern for rule in load_event_lexicon().triggers] + [p for _, p in load_tables().patterns]
    words = ["killed", "air strike", "on Monday", "Jan. 5", "in 2016", "two days ago", "the 5th anniversary",
             "protesters", "were arrested", "nothing", "12-14", "shot dead", "earthquake", "last week"]
    sentences = [" ".join(pair) for pair in itertools.permutations(words, 2)]
    for pattern in patterns:
        screen = make_screen(pattern)
        if screen is None:
            continue
        for sentence in sentences:
            if pattern.search(sentence):
                assert screen.may_match(sentence, sentence.lower()), (pattern.pattern[:60], sentence)
