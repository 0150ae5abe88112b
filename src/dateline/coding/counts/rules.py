"""Casualty counts: which field a number counts, and the numbers that count none.

    read_quantity(tokens, quantity, lex)   (field, last token, rule) or None: passive, object,
                                           left, noun, toll, zero, subject, bodies
    is_excluded(...)                       parts of a count already made, ages, years, money
    sum_conjoined(...)                     "two women and three children were killed" -> 5
    add_ordinals(...)                      "three were killed and a fourth died later" -> 4
    take_dead_from_hit(...)                those shot who later died are not injured

counts.py chains these; the rules are listed in its docstring.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .closing import find_closing_word, find_partner, is_hit, skip_apposition, skip_postmodifier
from .phrases import (
    Quantity,
    classify_head,
    find_noun_phrase,
    find_previous_word,
)
from .tokens import Count, CountLexicon, Token


def read_quantity(tokens: list[Token], quantity: Quantity, lex: CountLexicon) -> tuple[str, int, str] | None:
    """(field, last token of the evidence, rule) for one number, or None when it counts no casualties."""
    if quantity.subject or quantity.victim:  # one person as the subject; the dead a killing names
        return read_subject_field(tokens, quantity, lex) if quantity.subject else ("killed", quantity.last, "victim")
    end, head = find_noun_phrase(tokens, quantity.last, lex)
    if is_excluded(tokens, quantity, lex) or head is not None and classify_head(tokens, quantity.last, lex) == "thing":
        return None
    named = read_word_after(tokens, quantity, head, lex)
    if named is not None or quantity.article and head is None:
        return named
    if not quantity.zero:
        found = read_words_before(tokens, quantity, end, lex)
        if found is not None:
            return found
    partner = find_partner(tokens, end, lex) if quantity.value == 1 and head is not None else None
    if partner is not None:  # "A woman and her brother were injured": two
        end, quantity.value = partner, 2
    after = skip_apposition(tokens, end + 1, lex)
    if after == end + 1 and head is not None and classify_head(tokens, quantity.last, lex) == "person":
        after = skip_postmodifier(tokens, after, lex)
    closing = find_closing_word(tokens, after, lex)
    if closing is None or is_hit(tokens, closing[1], lex) and is_subordinate(tokens, quantity.first, lex):
        return None  # "police came after a man was shot": the scene of a story told elsewhere
    return closing[0], closing[1], "zero" if quantity.zero else "passive"


def read_subject_field(tokens: list[Token], quantity: Quantity, lex: CountLexicon) -> tuple[str, int, str] | None:
    """One person as the subject: "He died at the hospital" (not "he was shot": the victim already
    told of, who may have died)."""
    closing = find_closing_word(tokens, skip_apposition(tokens, quantity.last + 1, lex), lex)
    if closing is None or is_hit(tokens, closing[1], lex):
        return None
    return closing[0], closing[1], "subject"


def read_word_after(tokens: list[Token], quantity: Quantity, head: int | None,
                    lex: CountLexicon) -> tuple[str, int, str] | None:
    """ "12 killed", "(7 fatalities)": a casualty word right after the number, or a zero's noun ("no fatalities")."""
    nxt = quantity.last + 1
    if nxt < len(tokens) and "n" in lex.words.get(tokens[nxt].low, ("", ""))[1]:
        return lex.words[tokens[nxt].low][0], nxt, "zero" if quantity.zero else "noun"
    if quantity.zero and head is not None and "n" in lex.words.get(tokens[head].low, ("", ""))[1]:
        return lex.words[tokens[head].low][0], head, "zero"
    if (not quantity.zero and nxt < len(tokens) and tokens[nxt].low in lex.grammar.body_nouns
            and not (quantity.first > 0 and tokens[quantity.first - 1].low in lex.grammar.definite)):
        return "killed", nxt, "bodies"  # "Sixteen bodies have been recovered": the dead ("the nine bodies": told)
    return None


def read_words_before(tokens: list[Token], quantity: Quantity, end: int,
                      lex: CountLexicon) -> tuple[str, int, str] | None:
    """The rules the words before a number decide: bodies, object, left, toll."""
    if is_bodies_of(tokens, quantity.first, lex):
        return "killed", end, "bodies"
    before = find_previous_word(tokens, quantity.first)
    if before is None:
        return None
    word = tokens[before].low
    verb = read_verb_field(tokens, before, lex)
    if verb is not None:
        return ("killed", end, "victim") if verb == "victim" else (verb, end, "object")
    if (lex.bridges.get(word) == "violence" and quantity.head == quantity.first
            and not is_subordinate(tokens, before, lex)):
        # "robbed and shot a taxi driver": injured, "fatally shot a man": killed
        adverb = lex.words.get(tokens[before - 1].low) if before > 0 else None
        # "fatally shot a man", "shot 7 people to death", "shot two men dead"
        killed = bool(adverb and adverb[0] == "killed") or is_put_to_death(tokens, end + 1, lex)
        return ("killed" if killed else "injured"), end, "object"
    left = read_left(tokens, end, lex) if word in lex.grammar.leaving else None
    if left is not None:
        return left
    toll = read_toll_field(tokens, before, lex)
    return (toll, quantity.last, "toll") if toll else None


def read_verb_field(tokens: list[Token], before: int, lex: CountLexicon) -> str | None:
    """The field an active casualty verb before a number gives ("killing two women": killed), or
    "victim" after a killing's "of" ("the deaths of three people"); else None."""
    word = tokens[before].low
    if "t" in lex.words.get(word, ("", ""))[1]:
        return lex.words[word][0]
    if word == "of" and before > 0 and tokens[before - 1].low in lex.grammar.death_nouns:
        return "victim"
    return None


def is_put_to_death(tokens: list[Token], j: int, lex: CountLexicon) -> bool:
    """After the object of "shot": "to death" or "dead" ("shot 7 people to death", "shot two men dead")."""
    first = tokens[j].low if j < len(tokens) else ""
    second = tokens[j + 1].low if j + 1 < len(tokens) else ""
    return first == "dead" or first == "to" and lex.words.get(second, ("",))[0] == "killed"


def read_left(tokens: list[Token], end: int, lex: CountLexicon) -> tuple[str, int, str] | None:
    """After "leaving": "leaving 9 injured", "left a child with light injuries" (not "with no injuries")."""
    if end + 1 < len(tokens) and "n" in lex.words.get(tokens[end + 1].low, ("", ""))[1]:
        return lex.words[tokens[end + 1].low][0], end + 1, "left"
    if end + 1 < len(tokens) and tokens[end + 1].low == "with":
        harm = next((k for k in range(end + 2, min(end + 6, len(tokens))) if tokens[k].low in lex.grammar.harms),
                    None)
        if harm is not None and all(tokens[k].low not in lex.grammar.zero for k in range(end + 2, harm)):
            return "injured", harm, "left"
    return None


def is_bodies_of(tokens: list[Token], first: int, lex: CountLexicon) -> bool:
    """The number counts the dead whose bodies were found: "the bodies of five men", "the remains of
    what appear to be two women", "the bodies of at least 12 people"."""
    i = first - 1
    hedges = lex.grammar.body_hedges
    while i >= 1 and first - i <= len(hedges) and tokens[i].low in hedges:
        i -= 1
    return i >= 1 and tokens[i].low == "of" and tokens[i - 1].low in lex.grammar.bodies


def is_subordinate(tokens: list[Token], first: int, lex: CountLexicon) -> bool:
    before = find_previous_word(tokens, first)
    return before is not None and tokens[before].low in lex.grammar.subordinators


def is_excluded(tokens: list[Token], quantity: Quantity, lex: CountLexicon) -> bool:
    """Parts of a count already made, ages, years, money and clock times."""
    first = quantity.first
    if follows_marker(tokens, first, lex):
        return True
    if first > 0 and tokens[first - 1].text in ("$", "\u20ac", "\u00a3", "#"):
        return not quantity.zero
    head = tokens[quantity.head]
    nxt = tokens[quantity.last + 1].low if quantity.last + 1 < len(tokens) else ""
    after = tokens[quantity.last + 2].low if quantity.last + 2 < len(tokens) else ""
    if (not quantity.zero and not quantity.vague and head.low.isdigit() and 1800 <= quantity.value <= 2100
            and classify_head(tokens, quantity.last, lex) != "person"):
        return True  # a year
    if (nxt in ("%", "percent", "per", ":") or (nxt in ("year", "years") and after in ("old", "-"))
            or first > 1 and tokens[first - 1].low == "of" and tokens[first - 2].low in lex.people):
        return True  # a share, an age, "a mother of three": family size, not a count
    prev = tokens[first - 1] if first > 0 else None
    if prev is not None and prev.text == "," and nxt == "," and first > 1 and tokens[first - 2].text[:1].isupper():
        return head.low.isdigit()  # "Edward Green, 51, died": an age
    return False


def follows_marker(tokens: list[Token], first: int, lex: CountLexicon) -> bool:
    """A subset or age marker stands right before the number ("including 5 children", "aged 14")."""
    for phrase, kind in lex.markers.items():
        start = first - len(phrase)
        if kind in ("subset", "age") and start >= 0 and tuple(t.low for t in tokens[start:first]) == phrase:
            return True
    return False


def read_toll_field(tokens: list[Token], before: int, lex: CountLexicon) -> str | None:
    """'the death toll rose to 31', 'raising the toll to 12', 'the number of dead reached 9'; and with
    the toll's own words between it and its verb: 'the death toll from the fire has been raised to
    27', 'the number of confirmed dead across the hill towns climbed to 14'."""
    i = before
    while i >= 0 and before - i < 6:
        found = read_toll_word(tokens, i, lex)
        if found:
            return found
        if lex.markers.get((tokens[i].low,)) != "toll-bridge":
            break
        i -= 1
    if i == before or before - i >= 6 or not any(tokens[k].low in lex.grammar.toll_verbs for k in range(i + 1, before)):
        return None
    for k in range(i, max(-1, i - TOLL_REACH), -1):  # back over the toll's modifier to the toll itself
        if tokens[k].text in (",", ";", ":", ".") or WHOLE_COUNT.fullmatch(tokens[k].low):
            return None
        found = read_toll_word(tokens, k, lex)
        if found:
            return found
    return None


TOLL_REACH = 14  # the most words a toll's modifier may hold ("from the fire that swept the old market on ...")
WHOLE_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def read_toll_word(tokens: list[Token], i: int, lex: CountLexicon) -> str | None:
    """The field a toll names at token i: "death toll", "injury toll", "the number of (confirmed) dead"."""
    low = tokens[i].low
    if lex.markers.get((low,)) == "toll":
        modifier = tokens[i - 1].low if i > 0 else ""
        return "injured" if modifier.startswith("injur") else "killed"
    if low in lex.grammar.toll and any(
        tokens[k].low == "of" and k > 0 and tokens[k - 1].low == "number" for k in range(max(0, i - 2), i)
    ):
        return lex.words[low][0]
    return None


def sum_conjoined(
    tokens: list[Token], quantities: list[Quantity], counts: dict[int, Count], ends: dict[int, int],
    *, lex: CountLexicon, offset: int,
) -> None:
    """Add numbers joined by 'and' to the count their clause already gave."""
    for index, quantity in enumerate(quantities):
        if index in counts or quantity.zero or is_excluded(tokens, quantity, lex):
            continue
        end, head = find_noun_phrase(tokens, quantity.last, lex)
        if classify_head(tokens, quantity.last, lex) == "thing":
            continue
        before = find_previous_word(tokens, quantity.first)
        previous = max((i for i in counts if i < index), default=None)
        if before is not None and tokens[before].low == "and" and previous is not None and (
            counts[previous].rule in ("object", "sum")
            and not has_casualty_word(tokens, ends[previous] + 1, before, lex)
            and not opens_subset(tokens, ends[previous] + 1, before, lex)
        ):
            counts[previous] = add_to_count(counts[previous], quantity, tokens[end].end + offset)
            ends[previous] = end
            continue
        following = index + 1
        if following in counts and counts[following].rule == "passive" and end + 1 < len(tokens) and (
            tokens[end + 1].low == "and" and quantities[following].first == end + 2
        ):
            counts[following] = add_to_count(counts[following], quantity, None,
                                             start=tokens[quantity.first].start + offset)


def add_ordinals(quantities: list[Quantity], counts: dict[int, Count], ends: dict[int, int], tokens: list[Token],
                 *, offset: int) -> None:
    """ "Two were killed outright and a third died overnight": the third joins the two (killed 3),
    when a count of the same field one short of it comes before; else it is one person."""
    for index in sorted(counts):
        ordinal = quantities[index].ordinal
        count = counts.get(index)
        if not ordinal or count is None:
            continue
        before = [i for i in counts if i < index and counts[i].field == count.field]
        if before and counts[before[-1]].value == ordinal - 1:
            counts[before[-1]] = replace(counts[before[-1]], value=ordinal, rule="sum",
                                         span=(counts[before[-1]].span[0], tokens[ends[index]].end + offset))
            ends[before[-1]] = ends[index]
            del counts[index]


def opens_subset(tokens: list[Token], start: int, stop: int, lex: CountLexicon) -> bool:
    """Whether a subset marker opens a list between two numbers: "35 people, including
    nurses, pensioners and two teachers" (the two are among the 35, not added to them)."""
    lows = [t.low for t in tokens[start:stop]]
    for phrase, kind in lex.markers.items():
        if phrase[0] == "of":  # "all of them from the same town" describes the counted, it opens no part
            continue
        if kind == "subset" and any(tuple(lows[i:i + len(phrase)]) == phrase for i in range(len(lows))):
            return True
    return False


def has_casualty_word(tokens: list[Token], start: int, stop: int, lex: CountLexicon) -> bool:
    return any(tokens[i].low in lex.words for i in range(start, stop))


def add_to_count(count: Count, quantity: Quantity, end: int | None, *, start: int | None = None) -> Count:
    span = (start if start is not None else count.span[0], end if end is not None else count.span[1])
    qualifier = count.qualifier or quantity.qualifier
    return replace(count, value=count.value + quantity.value, span=span, qualifier=qualifier,
                   exact=count.exact and quantity.qualifier is None and not quantity.vague, rule="sum")


def make_count(tokens: list[Token], quantity: Quantity, field: str, last: int, rule: str, *, offset: int) -> Count:
    start = tokens[quantity.first].start
    end = max(tokens[last].end, tokens[quantity.last].end)
    exact = quantity.qualifier is None and not quantity.vague
    return Count(field, quantity.value, (start + offset, end + offset), quantity.qualifier, exact, rule)


def take_dead_from_hit(
    tokens: list[Token], quantities: list[Quantity], counts: dict[int, Count], ends: dict[int, int], lex: CountLexicon,
) -> None:
    """'A man and a woman were shot; the man died': those shot who died later are not injured."""
    dead = sum(count.value for count in counts.values() if count.field == "killed")
    if not dead:
        return
    for index, count in list(counts.items()):
        before = find_previous_word(tokens, quantities[index].first)
        shot = lex.bridges.get(tokens[ends[index]].low) == "violence" or (
            count.rule == "object" and before is not None and lex.bridges.get(tokens[before].low) == "violence")
        if count.field == "injured" and shot:
            if count.value > dead:
                counts[index] = replace(count, value=count.value - dead)
            else:
                del counts[index]
