"""Casualty counts in one sentence: killed, injured, arrested, missing.

``find_counts(sentence)`` reads numbers in digits or words ("six", "3,200",
"forty-four"), their qualifiers ("at least 44") and the vague amounts analysts
code ("dozens" -> 12, see docs/counting.md), then ties each number to the
casualty word of its clause. The rules, by name (``Count.rule``):

    passive  "six people were killed", "13 were injured", "two brothers are dead"
    object   "killing three men", "injuring 14 people", "detained 18 people"
    left     "leaving 9 injured", "that left 31 people dead"
    noun     "12 killed, including 5 children", "(7 fatalities)", "30 injured"
    toll     "the death toll rose to 31"
    bodies   "found the bodies of five men", "the remains of what seem to be two women": the dead
    zero     "No workers were injured", "no fatalities were reported"
    subject  one person named as the subject: "He died at the hospital", "The victim was
             pronounced dead", "Lena Fischer, 17, died" (``data/en/coding/count_subjects.txt``)
    hit      (read as passive/object) "a man was shot in the leg", "robbed and shot a driver",
             "is in critical condition", "suffered a gunshot wound": injured, unless the clause
             goes on to a death ("was shot and later died"); a named or pronoun victim
             ("he was shot") and a clause after "when"/"after" are the story's victim, not a count
    sum      "three smugglers ... and five other suspected couriers" -> 8;
             "two women and three children were killed" -> 5

A number after "including" or "among them", or later in the list such a marker
opens, is a part of a count already made and is skipped; numbers of things ("300 missiles",
"48 hours", "10 kilometres"), ages
("a 14-year-old", "Smith, 23,"), years and clock times are never casualties.
Spans are character offsets into the sentence, plus ``offset``.

The word lists live in ``data/en/coding/count_*.txt``; ``COUNTS_VERSION`` names the
code and every list, so stored counts can be told apart when either changes.

Modules: tokens.py (the Count record, word lists, tokens; numbers in words are read in
../words.py), closing.py (the casualty word that closes a clause), phrases.py (the numbers
and the words around them), rules.py (which field a number counts, sums, exclusions); this
module chains them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .phrases import find_quantities
from .rules import add_ordinals, make_count, read_quantity, sum_conjoined, take_dead_from_hit
from .tokens import Count, load_lexicon, tokenize_text

BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def find_counts(sentence: str, *, offset: int = 0) -> list[Count]:
    """Every casualty figure of one sentence, in reading order."""
    if BLANK_LINE.search(sentence):  # a heading glued to its text: no figure reads across the break
        found: list[Count] = []
        start = 0
        for gap in [*BLANK_LINE.finditer(sentence), None]:
            end = gap.start() if gap else len(sentence)
            found += find_counts(sentence[start:end], offset=offset + start)
            start = gap.end() if gap else end
        return found
    lex = load_lexicon()
    tokens = tokenize_text(sentence)
    quantities = find_quantities(tokens, lex)
    counts: dict[int, Count] = {}
    ends: dict[int, int] = {}
    for index, quantity in enumerate(quantities):
        if ends and quantity.head <= max(ends.values()):
            continue  # inside the evidence of a count already read ("the boy was rushed to hospital, where he died")
        read = read_quantity(tokens, quantity, lex)
        if read:
            field, last, rule = read
            counts[index] = make_count(tokens, quantity, field, last, rule, offset=offset)
            ends[index] = last
    sum_conjoined(tokens, quantities, counts, ends, lex=lex, offset=offset)
    add_ordinals(quantities, counts, ends, tokens, offset=offset)
    take_dead_from_hit(tokens, quantities, counts, ends, lex)
    result: list[Count] = []
    for index in sorted(counts):
        count = counts[index]
        if count.field == "casualties":
            result += [replace(count, field="killed"), replace(count, field="injured")]
        else:
            result.append(count)
    return result


def choose_count(counts: Iterable[Count], field: str) -> Count | None:
    """The figure to record for ``field`` when sources differ: the lowest (ACLED's rule)."""
    candidates = [count for count in counts if count.field == field]
    return min(candidates, key=lambda count: count.value) if candidates else None
