"""Casualty counts: the casualty word that closes a clause about a number, and what may stand
between the number and that word.

    find_closing_word(tokens, j, lex)     "were reportedly killed", "was shot in the leg" (injured),
                                          "were taken to hospital" (injured, unless a death follows)
    skip_apposition / skip_postmodifier   "Two men, 19 and 23, were shot", "four guards of a relief
                                          convoy sustained shrapnel injuries"
    find_partner                          "a man and his girlfriend": two
    takes_object, is_hit                  "killed 27 people" (an object), "was shot" (a hit)

phrases.py reads the numbers with these; rules.py decides the field.
"""
from __future__ import annotations

import re

from ..words import is_number_word
from .tokens import CountLexicon, Token


def find_closing_word(tokens: list[Token], j: int, lex: CountLexicon) -> tuple[str, int] | None:
    """The casualty word that closes the clause from token j: 'were reportedly killed', 'are dead'."""
    passive = False
    start = j
    hit = None  # "was shot": injured, unless a casualty word follows ("was shot and killed")
    while j < len(tokens) and j - start < 8:
        low = tokens[j].low
        entry = lex.words.get(low)
        if entry and "p" in entry[1]:
            return read_casualty_word(tokens, j, entry[0], passive=passive, hit=hit, lex=lex)
        if low in lex.grammar.suffering:
            for k in range(j + 1, min(j + 5, len(tokens))):
                if tokens[k].low in lex.grammar.harms:
                    return "injured", k
                if tokens[k].low in lex.grammar.care_places:  # "were treated at a local hospital"
                    return read_wounded(k, tokens, lex)
            return read_wounded(hit, tokens, lex)
        if re.fullmatch(r"\d0s", low) and tokens[j - 1].low in lex.grammar.possessive:
            j += 1  # "a man in his 20s was shot"
            continue
        if low in lex.grammar.care and passive and hit is None:  # "were taken to a hospital": injured,
            hit = find_care_place(tokens, j, lex)  # unless a death follows ("..., where he died")
        kind = lex.bridges.get(low)
        if ends_bridge(tokens, j, kind, lex):
            return read_wounded(hit, tokens, lex)
        if kind == "violence" and passive and hit is None and not is_fired_at(tokens, j + 1):
            hit = j
        passive = passive or kind == "passive"
        j += 1
    return read_wounded(hit, tokens, lex)


def find_care_place(tokens: list[Token], j: int, lex: CountLexicon) -> int | None:
    """The place of care ("hospital") a care verb at token j leads to within four words, else None."""
    return next((k for k in range(j + 1, min(j + 5, len(tokens))) if tokens[k].low in lex.grammar.care_places), None)


def read_casualty_word(tokens: list[Token], j: int, field: str, *, passive: bool, hit: int | None,
                       lex: CountLexicon) -> tuple[str, int] | None:
    """The clause closes on the casualty word at token j ("were killed"), unless the word is an
    active verb with an object or used in another sense ("charged in the death of")."""
    low = tokens[j].low
    if "t" in lex.words[low][1] and not passive and takes_object(tokens, j + 1, lex):
        return None  # "hundreds of people killed 27": the number is the subject of an active verb
    if (low == "death" and tokens[j - 1].low != "to"  # only "shot to death", not "charged in death of"
            or low == "lives" and not (j > 0 and tokens[j - 1].low in lex.grammar.possessive)
            or low == "condition" and lex.bridges.get(tokens[j - 1].low) != "condition"):  # not "his condition"
        return read_wounded(hit, tokens, lex)
    return field, j


def ends_bridge(tokens: list[Token], j: int, kind: str | None, lex: CountLexicon) -> bool:
    """Token j (of bridge kind ``kind``) may not stand between a number and its casualty word."""
    low = tokens[j].low
    if (kind is None and not (low.endswith("ly") and low.isalpha() and len(low) > 4)
            and low not in lex.grammar.possessive and low != "down"):
        return True
    return kind == "after-violence" and tokens[j - 1].low not in lex.bridges


def read_wounded(
    hit: int | None, tokens: list[Token] | None = None, lex: CountLexicon | None = None,
) -> tuple[str, int] | None:
    """After "was shot": what the rest of the clause tells ("... and later died", "... is in stable
    condition"; a death told after the wound wins: "driven to a clinic with a bullet wound and later
    died"), else injured at the word "shot"."""
    if hit is None:
        return None
    hurt = hit
    if tokens is not None and lex is not None:
        for k in range(hit + 1, min(hit + 16, len(tokens))):
            low = tokens[k].low
            if low in (";", ".", "but", "while", "who", "which") or opens_count(tokens, k, lex):
                break  # "Three men were shot, one fatally": the death is the next count's
            entry = lex.words.get(low)
            if entry and entry[0] == "killed" and "p" in entry[1] and low not in ("death", "lives"):
                return "killed", k
            if hurt == hit and (low == "condition" and lex.bridges.get(tokens[k - 1].low) == "condition"
                                or low in lex.grammar.harms):
                hurt = k
    return "injured", hurt


def opens_count(tokens: list[Token], k: int, lex: CountLexicon) -> bool:
    """A new number opens at token k after a comma or "and": "shot, one fatally", "shot and two died"."""
    low = tokens[k].low
    return (k > 0 and tokens[k - 1].low in (",", "and")
            and (low[:1].isdigit() or is_number_word(low) and low not in lex.scales or low in lex.grammar.one_more))


APPOSITION = {",": (",",), "\u2014": ("\u2014", "\u2013"), "\u2013": ("\u2013", "\u2014"), "(": (")",), "-": ("-",)}


def find_partner(tokens: list[Token], end: int, lex: CountLexicon) -> int | None:
    """The person joined to one counted person by "and his/her/their" ("A man and his girlfriend were
    injured"): the partner noun's token, else None."""
    k = end + 1
    if (k + 2 < len(tokens) and tokens[k].low == "and" and tokens[k + 1].low in lex.grammar.possessive
            and tokens[k + 2].low in lex.people):
        return k + 2
    return None


def skip_postmodifier(tokens: list[Token], j: int, lex: CountLexicon) -> int:
    """The token after a short "of"/"from" phrase that tells where the counted belong ("four
    guards of a relief convoy sustained shrapnel injuries", "two members of the family were
    killed"), when a casualty clause closes after it; else j."""
    if j >= len(tokens) or tokens[j].low not in ("of", "from"):
        return j
    for k in range(j + 1, min(j + 6, len(tokens))):
        low = tokens[k].low
        if low in lex.words or low in lex.bridges or low in lex.grammar.suffering:
            return k if k > j + 1 and find_closing_word(tokens, k, lex) is not None else j
        if not tokens[k].text[:1].isalpha():
            return j
    return j


def skip_apposition(tokens: list[Token], j: int, lex: CountLexicon) -> int:
    """The token after an apposition that opens at j and sets off the counted ("Two men, 19 and 23,
    were shot", "Two people \u2014 a man and his son \u2014 were injured", "Six people, including two
    children, were wounded"), else j. The apposition holds no casualty word and no clause end."""
    if j >= len(tokens) or tokens[j].text not in APPOSITION:
        return j
    closers = APPOSITION[tokens[j].text]
    for k in range(j + 1, min(j + 14, len(tokens))):
        text, low = tokens[k].text, tokens[k].low
        if text in closers:
            return k + 1 if k > j + 1 and find_closing_word(tokens, k + 1, lex) is not None else j
        if text in (".", ";", ":") or low in lex.words or lex.bridges.get(low) in ("passive", "violence"):
            return j
    return j


def is_fired_at(tokens: list[Token], j: int) -> bool:
    """'was shot at' with nothing hit: 'shot at but missed', 'shot at by a man'."""
    if j >= len(tokens) or tokens[j].low != "at":
        return False
    after = tokens[j + 1].low if j + 1 < len(tokens) else ""
    return after in ("", ",", ".", ";", "but", "by", "several", "multiple", "least", "from", "and")


def takes_object(tokens: list[Token], j: int, lex: CountLexicon) -> bool:
    """True when the words from j are an object: 'killed 27 people', 'killed at least 5', 'killed the suspect'."""
    for k in range(j, min(j + 4, len(tokens))):
        low = tokens[k].low
        if low[:1].isdigit() or (is_number_word(low) and low not in lex.scales):
            return True
        if k == j and low in lex.grammar.object_start:
            return True
        if low not in lex.grammar.object_bound:
            return False
    return False


def is_hit(tokens: list[Token], last: int, lex: CountLexicon) -> bool:
    """True when a clause counts injured only because its subject 'was shot' or 'was taken to hospital'."""
    return lex.bridges.get(tokens[last].low) == "violence" or tokens[last].low in lex.grammar.care_places
