"""Casualty counts: the numbers of a sentence and the words around them.

    find_quantities(tokens, lex)          numbers in digits or words, vague amounts ("dozens"),
                                          zeros ("no one") and single subjects ("he", "the victim")
    find_noun_phrase / classify_head      what a number counts: people, things or an age
    read_victim_at(tokens, i, lex)        the dead a killing names ("the killing of its commander",
                                          "a double homicide", "a murder-suicide")

The casualty word that closes a clause is read in closing.py; rules.py decides the field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..words import is_number_word, parse_number
from .closing import find_closing_word, find_partner, skip_apposition
from .tokens import CountLexicon, Token

QUOTES = frozenset({"\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "(", "["})
AGE = re.compile(r"\d+-(?:years?|months?)-old")


@dataclass(slots=True)
class Quantity:
    first: int  # token index of the first token, qualifier included
    head: int  # token index of the first number token
    last: int  # token index of the last number token
    value: int
    qualifier: str | None = None
    vague: bool = False
    zero: bool = False
    article: bool = False
    subject: bool = False
    ordinal: int = 0  # "a third": one person more, the third
    victim: bool = False  # the dead a killing names ("the killing of its commander", "a double homicide")


WHOLE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
DECIMAL = re.compile(r"\d+\.\d+")


def find_quantities(tokens: list[Token], lex: CountLexicon) -> list[Quantity]:
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        quantity = read_number_at(tokens, i, lex) or read_subject_at(tokens, i, lex) or read_victim_at(tokens, i, lex)
        if quantity is None:
            i += 1
            continue
        if found and _is_repeat(tokens, found[-1], quantity):
            quantity.first, quantity.qualifier = found[-1].first, found[-1].qualifier or quantity.qualifier
            found.pop()
        _attach_qualifier(tokens, quantity, lex)
        found.append(quantity)
        i = quantity.last + 1
    return found


def read_number_at(tokens: list[Token], i: int, lex: CountLexicon) -> Quantity | None:
    """The number that opens at token i: digits, number words, or a word that counts ("dozens", "both")."""
    low = tokens[i].low
    if low[:1].isdigit():
        return read_digits(tokens, i, lex)
    if is_number_word(low) and low not in lex.scales:
        return read_number_words(tokens, i)
    return read_counting_word(tokens, i, lex)


def read_digits(tokens: list[Token], i: int, lex: CountLexicon) -> Quantity | None:
    """ "3,200", "2 million", "1.5 million"; None for a number that is no whole count ("7.0")."""
    low = tokens[i].low
    if WHOLE_NUMBER.fullmatch(low):
        value = int(low.replace(",", ""))
        last = i
        if i + 1 < len(tokens) and tokens[i + 1].low in lex.scales:
            value, last = value * lex.scales[tokens[i + 1].low], i + 1
        return Quantity(i, i, last, value)
    if DECIMAL.fullmatch(low) and i + 1 < len(tokens) and tokens[i + 1].low in ("million", "thousand"):
        return Quantity(i, i, i + 1, int(float(low) * lex.scales[tokens[i + 1].low]))
    return None


def read_number_words(tokens: list[Token], i: int) -> Quantity | None:
    """ "forty-four", "two hundred and six", "two dozen"."""
    last = i
    while last + 1 < len(tokens):
        nxt = tokens[last + 1].low
        if is_number_word(nxt) or (nxt == "and" and tokens[last].low in ("hundred", "thousand")
                                   and last + 2 < len(tokens) and is_number_word(tokens[last + 2].low)):
            last += 1
        else:
            break
    value = parse_number(" ".join(t.low for t in tokens[i : last + 1]))
    if value is None:
        return None
    if last + 1 < len(tokens) and tokens[last + 1].low == "dozen":
        value, last = value * 12, last + 1
    return Quantity(i, i, last, value)


def read_counting_word(tokens: list[Token], i: int, lex: CountLexicon) -> Quantity | None:
    """A word that counts: "dozens" (vague), "both", "no one" (zero), "a dozen", "a man" (one)."""
    low = tokens[i].low
    if low in lex.vague:
        value, last = lex.vague[low], i
        if i + 2 < len(tokens) and tokens[i + 1].low == "of" and tokens[i + 2].low in ("thousands", "millions"):
            value, last = value * (1000 if tokens[i + 2].low == "thousands" else 1_000_000), i + 2
        return Quantity(i, i, last, value, vague=True)
    if low == "both":
        return Quantity(i, i, i, 2)
    if low in lex.grammar.zero:
        last = i + 1 if low == "no" and i + 1 < len(tokens) and tokens[i + 1].low == "one" else i
        return Quantity(i, i, last, 0, zero=True)
    if low in ("a", "an", "one") and i + 1 < len(tokens) and tokens[i + 1].low == "dozen":
        return Quantity(i, i, i + 1, 12, qualifier="about")
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if low in ("a", "an", "one") and nxt not in lex.grammar.ordinals and classify_head(tokens, i, lex) in (
            "person", "age"):
        return Quantity(i, i, i, 1, article=low != "one")
    return read_one_more(tokens, i, lex)  # "a fifth victim died": one more, the fifth


def read_one_more(tokens: list[Token], i: int, lex: CountLexicon) -> Quantity | None:
    """One person more: "a third died later" (the third; "the second man" is one already told of),
    "another was wounded", "another man died"."""
    low = tokens[i].low
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if low in ("a", "an") and nxt in lex.grammar.ordinals:
        return Quantity(i, i, i + 1, 1, ordinal=lex.grammar.ordinals[nxt])
    if low in lex.grammar.one_more and (classify_head(tokens, i, lex) == "person" or lex.bridges.get(nxt)):
        return Quantity(i, i, i, 1)
    return None


def read_subject_at(tokens: list[Token], i: int, lex: CountLexicon) -> Quantity | None:
    """One person as a clause's subject: "he", "the victim", "Lena Fischer, 17," (value 1)."""
    token = tokens[i]
    kind = lex.subjects.get(token.low)
    last = None
    if kind == "pronoun":
        last = i
    elif token.low == "the":
        j = i + 1
        if j < len(tokens) and re.fullmatch(r"\d+-(?:years?|months?)-old", tokens[j].low):
            j += 1
        if j < len(tokens) and lex.subjects.get(tokens[j].low) == "singular":
            last = j
        elif j == i + 2:
            last = j - 1  # "the 2-year-old was killed"
    elif (token.text[:1].isupper() and token.text.isalpha() and kind is None and token.low not in lex.people
          and token.low not in lex.words and token.low not in lex.grammar.stop):
        last = find_name_end(tokens, i, lex)
    if last is None or find_closing_word(tokens, skip_apposition(tokens, last + 1, lex), lex) is None:
        return None
    return Quantity(i, i, last, 1, subject=True)


def read_victim_at(tokens: list[Token], i: int, lex: CountLexicon) -> Quantity | None:
    """The dead a killing names: "the killing of its commander", "the shooting death of Tomas Varga",
    "the murder of a night watchman" (one; "the farmer and his son": two), "a double homicide" (two),
    "a murder-suicide" (two)."""
    low = tokens[i].low
    if low in lex.grammar.two_dead or low in lex.grammar.multiples:
        return read_multiple_killing(tokens, i, lex)
    if low not in lex.grammar.death_nouns or i + 2 >= len(tokens) or tokens[i + 1].low != "of":
        return None
    j = i + 2
    if tokens[j].low in ("a", "an") or tokens[j].low in lex.grammar.definite or tokens[j].low in lex.grammar.possessive:
        j += 1
    for k in range(j, min(j + 3, len(tokens))):
        word = tokens[k]
        if lex.subjects.get(word.low) == "singular":
            partner = find_partner(tokens, k, lex)
            return Quantity(i, k, partner or k, 2 if partner else 1, victim=True)
        if k == j and word.text[:1].isupper() and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():
            return Quantity(i, k, k + 1, 1, victim=True)  # a first and last name
        if not word.text.isalpha() or word.low in lex.grammar.stop or word.low in lex.people:
            return None
    return None


def read_multiple_killing(tokens: list[Token], i: int, lex: CountLexicon) -> Quantity | None:
    """ "a murder-suicide": two dead; "a double homicide", "a triple murder": two, three."""
    low = tokens[i].low
    if low in lex.grammar.two_dead:
        return Quantity(i, i, i, 2, victim=True)
    if i + 1 < len(tokens) and tokens[i + 1].low in lex.grammar.death_nouns:
        return Quantity(i, i, i + 1, lex.grammar.multiples[low], victim=True)
    return None


def find_name_end(tokens: list[Token], i: int, lex: CountLexicon) -> int | None:
    """The last token of a person's name opening at token i, with the age or apposition after it
    ("Lena Fischer, 17,"); None when the capitals name no one."""
    opens = i == 0 or tokens[i - 1].text in lex.grammar.name_openers or bool(AGE.fullmatch(tokens[i - 1].low))
    last = i
    while (last + 1 < len(tokens) and last - i < 2 and tokens[last + 1].text[:1].isupper()
           and re.fullmatch(r"[A-Za-z][\w'\u2019-]*", tokens[last + 1].text)):
        last += 1
    if any(lex.subjects.get(tokens[k].low) == "not-a-name" for k in range(i, last + 1)):
        return None
    name_end = last
    if (last + 3 < len(tokens) and tokens[last + 1].text == "," and tokens[last + 2].low.isdigit()
            and tokens[last + 3].text == ","):
        last += 3  # "Lena Fischer, 17, died"
    last = _skip_apposition(tokens, last)  # "Omar Haddad, a 24-year-old, was shot and killed"
    if not opens and last == name_end:
        return None  # a name glued to the words before it counts only with its age after it
    return last


def _skip_apposition(tokens: list[Token], last: int) -> int:
    """The comma closing "NAME, a 19-year-old man," or "NAME, 17, of North Baltimore," when one
    follows the name, else ``last``."""
    comma = last if tokens[last].text == "," else last + 1  # after "NAME, 17," the comma is ``last``
    if (comma + 2 < len(tokens) and tokens[comma].text == "," and tokens[comma + 1].low == "of"
            and tokens[comma + 2].text[:1].isupper()):
        return _find_closing_comma(tokens, comma + 3, comma + 7, last, capitalised=True)
    if not (last + 3 < len(tokens) and tokens[last + 1].text == "," and tokens[last + 2].low in ("a", "an")
            and AGE.fullmatch(tokens[last + 3].low)):
        return last
    return _find_closing_comma(tokens, last + 4, last + 12, last, capitalised=False)


def _find_closing_comma(tokens: list[Token], start: int, stop: int, last: int, *, capitalised: bool) -> int:
    """The comma that closes an apposition of words (capitalised ones for a place) from token
    ``start``, before ``stop``; ``last`` when another token comes first."""
    for k in range(start, min(stop, len(tokens))):
        word = tokens[k].text
        if word == ",":
            return k
        if not ((word[:1].isupper() and word.isalpha()) if capitalised else word.isalpha()):
            return last
    return last


def _is_repeat(tokens: list[Token], before: Quantity, after: Quantity) -> bool:
    """'Thirteen other 13 people': one number written twice."""
    between = [t.low for t in tokens[before.last + 1 : after.head]]
    return before.value == after.value and all(word in ("other", "more") for word in between) and len(between) <= 1


def _attach_qualifier(tokens: list[Token], quantity: Quantity, lex: CountLexicon) -> None:
    for phrase, qualifier in lex.qualifiers:
        start = quantity.first - len(phrase)
        if start >= 0 and tuple(t.low for t in tokens[start : quantity.first]) == phrase:
            quantity.first, quantity.qualifier = start, qualifier
            return


def classify_head(tokens: list[Token], i: int, lex: CountLexicon) -> str | None:
    """What the noun phrase after token i names: 'person', 'thing', 'age', or None."""
    end, head = find_noun_phrase(tokens, i, lex)
    if head is None:
        return None
    low = tokens[head].low
    if re.fullmatch(r"\d+-years?-old", low):
        return "age"
    if low in lex.things or low.split("-")[-1] in lex.things:
        return "thing"
    if low in lex.people:
        return "person"
    return None


def find_noun_phrase(tokens: list[Token], i: int, lex: CountLexicon) -> tuple[int, int | None]:
    """(last token index, head token index) of the words naming what token i counts."""
    j = i + 1
    if j + 1 < len(tokens) and tokens[j].low == "of" and tokens[j + 1].low in ("the", "them", "those", "these", "whom"):
        if tokens[j + 1].low in ("them", "whom"):
            return j + 1, j + 1  # "two of them", "one of whom"
        j += 2
    elif j + 1 < len(tokens) and tokens[j].low == "of" and tokens[i].low in lex.vague:
        j += 1
    head, end = None, i
    while j < len(tokens) and j <= i + 5:
        token = tokens[j]
        if (token.low in lex.grammar.stop or token.low in lex.words or token.low in lex.bridges
                or token.low in lex.grammar.suffering):
            break
        if not token.text[0].isalnum():
            break
        if re.fullmatch(r"\d[\d,.]*", token.low) or (token.low.endswith("ing") and len(token.low) > 5):
            break  # a new number, or a participle starting a new phrase ("people following incidents")
        head, end = j, j
        if is_noun(token.low, lex) and not (j + 1 < len(tokens) and is_noun(tokens[j + 1].low, lex)):
            break  # the head noun: "18 people", "300 missiles", "four police officers"
        j += 1
    return end, head


def is_noun(low: str, lex: CountLexicon) -> bool:
    return low in lex.people or low in lex.things or low.rsplit("-", maxsplit=1)[-1] in lex.things


def find_previous_word(tokens: list[Token], first: int) -> int | None:
    i = first - 1
    while i >= 0 and tokens[i].text in QUOTES:
        i -= 1
    return i if i >= 0 else None
