"""Casualty counts in one sentence: killed, injured, arrested, missing.

``find_counts(sentence)`` reads numbers in digits or words ("six", "3,200",
"forty-four"), their qualifiers ("at least 44") and the vague amounts analysts
code ("dozens" -> 12, see docs/counting.md), then ties each number to the
casualty word of its clause. The rules, by name (``Count.rule``):

    passive  "six people were killed", "13 were injured", "two brothers are dead"
    object   "killing two women", "injuring 14 people", "detained 18 people"
    left     "leaving 12 injured", "that left 48 people dead"
    noun     "12 killed, including 5 children", "(7 fatalities)", "30 injured"
    toll     "the death toll rose to 31"
    zero     "No staff were injured", "no fatalities were reported"
    subject  one person named as the subject: "He died at the hospital", "The victim was
             pronounced dead", "Javon Wilson, 15, died" (``data/count_subjects.txt``)
    hit      (read as passive/object) "a man was shot in the leg", "robbed and shot a driver",
             "is in critical condition", "suffered a gunshot wound": injured, unless the clause
             goes on to a death ("was shot and later died"); a named or pronoun victim
             ("he was shot") and a clause after "when"/"after" are the story's victim, not a count
    sum      "four suspects ... and seven other alleged accomplices" -> 11;
             "two women and three children were killed" -> 5

A number after "including" or "among them", or later in the list such a marker
opens, is a part of a count already made and is skipped; numbers of things ("300 missiles", "48 hours", "10 kilometres"), ages
("a 14-year-old", "Smith, 23,"), years and clock times are never casualties.
Spans are character offsets into the sentence, plus ``offset``.

The word lists live in ``coding/data/count_*.txt``; ``COUNTS_VERSION`` names the
code and every list, so stored counts can be told apart when either changes.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from text_to_num import text2num

logger = logging.getLogger(__name__)

FIELDS = ("killed", "injured", "arrested", "missing")
QUALIFIERS = ("at_least", "more_than", "up_to", "about")

_TOKEN = re.compile(
    r"\d{1,2}:\d{2}"  # clock time
    r"|\d+(?:st|nd|rd|th)\b"  # ordinal
    r"|(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:-[A-Za-z]+)*)(?![A-Za-z0-9])"  # 3,200  7.0  14-year-old
    r"|(?:[A-Z]+(?![a-z])|[A-Z]?[a-z]+)(?:\.[A-Za-z])?(?:[-'\u2019][A-Za-z]+)*(?![0-9])"  # "comA man": two words glued
    r"|\w+"  # glued junk such as "6abc" or "20s": never a number
    r"|[^\w\s]"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million".split()
)
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "dozen": 12}
_ZERO_WORDS = {"nobody": 1, "none": 1, "no-one": 1, "no": 1}
_STOP = frozenset(
    "the a an this that these those who which whom whose what when where while after before in on at by "
    "for from with without into onto over under near across during of to as than and or but nor , . ; : "
    "( ) ! ? \" \u201c \u201d ' said says say told".split()
)
_OBJECT_START = frozenset("a an the his her their its him them two both".split())
_LEAVING = frozenset({"leaving", "left", "leaves", "leave"})
_SUFFERING = frozenset({"suffered", "sustained", "suffering", "sustaining", "received", "treated"})
_QUOTES = frozenset({"\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "(", "["})


@dataclass(frozen=True, slots=True)
class Count:
    """One casualty figure the text gives: ``value`` people ``field``.

    ``exact`` is False for bounded ("at least 44"), vague ("dozens") and summed
    figures' bounded parts; ``rule`` names the rule that read it.
    """

    field: str
    value: int
    span: tuple[int, int]
    qualifier: str | None = None
    exact: bool = True
    rule: str = ""


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    low: str
    start: int
    end: int


@dataclass(slots=True)
class _Quantity:
    first: int  # token index of the first token, qualifier included
    head: int  # token index of the first number token
    last: int  # token index of the last number token
    value: int
    qualifier: str | None = None
    vague: bool = False
    zero: bool = False
    article: bool = False
    subject: bool = False


@dataclass(frozen=True, slots=True)
class _Lexicon:
    version: str
    words: dict[str, tuple[str, str]]  # word -> (field, roles)
    bridges: dict[str, str]
    people: frozenset[str]
    things: frozenset[str]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]  # longest phrases first
    vague: dict[str, int]
    markers: dict[tuple[str, ...], str]
    subjects: dict[str, str]


def read_lexicon(name: str) -> tuple[str, list[list[str]]]:
    """A data file of coding/data as (version, rows of tab-separated cells)."""
    text = resources.files("dateline.coding").joinpath("data", name).read_text(encoding="utf-8")
    version, rows = "", []
    for line in text.splitlines():
        if line.startswith("# version:"):
            version = line.split(":", 1)[1].strip()
        elif line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    if not version:
        raise ValueError(f"lexicon {name} has no '# version:' line; add one before using it")
    return version, rows


@lru_cache(maxsize=1)
def load_lexicon() -> _Lexicon:
    """Every count_*.txt list, read once per process."""
    versions, tables = [], {}
    for name in ("words", "bridges", "people", "things", "qualifiers", "vague", "markers", "subjects"):
        version, rows = read_lexicon(f"count_{name}.txt")
        versions.append(version)
        tables[name] = rows
    qualifiers = sorted(
        ((tuple(row[0].lower().split()), row[1]) for row in tables["qualifiers"]), key=lambda item: -len(item[0])
    )
    return _Lexicon(
        version="+".join(versions),
        words={row[0]: (row[1], row[2]) for row in tables["words"]},
        bridges={row[0]: row[1] for row in tables["bridges"]},
        people=frozenset(row[0].lower() for row in tables["people"]),
        things=frozenset(row[0].lower() for row in tables["things"]),
        qualifiers=tuple(qualifiers),
        vague={row[0]: int(row[1]) for row in tables["vague"]},
        markers={tuple(row[0].split()): row[1] for row in tables["markers"]},
        subjects={row[0]: row[1] for row in tables["subjects"]},
    )


COUNTS_VERSION = "counts-3"


def describe_version() -> str:
    """The version to store next to counts: the code's and every word list's."""
    return f"{COUNTS_VERSION}+{load_lexicon().version}"


def tokenize_text(text: str) -> list[_Token]:
    """Word, number and punctuation tokens with their character offsets."""
    return [_Token(m.group(0), m.group(0).lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def parse_number(words: str) -> int | None:
    """The value of a number in digits or English words ("3,200", "forty-four"), else None."""
    text = words.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    try:
        return int(text2num(text.replace("-", " "), "en"))
    except (ValueError, TypeError):
        return None


def is_number_word(low: str) -> bool:
    """True for 'six', 'forty-four', 'hundred'."""
    return all(part in _NUMBER_WORDS for part in low.split("-"))


def find_counts(sentence: str, *, offset: int = 0) -> list[Count]:
    """Every casualty figure of one sentence, in reading order."""
    if _BLANK_LINE.search(sentence):  # a heading glued to its text: no figure reads across the break
        found: list[Count] = []
        start = 0
        for gap in [*_BLANK_LINE.finditer(sentence), None]:
            end = gap.start() if gap else len(sentence)
            found += find_counts(sentence[start:end], offset=offset + start)
            start = gap.end() if gap else end
        return found
    lex = load_lexicon()
    tokens = tokenize_text(sentence)
    quantities = _find_quantities(tokens, lex)
    counts: dict[int, Count] = {}
    ends: dict[int, int] = {}
    for index, quantity in enumerate(quantities):
        found = _read_quantity(tokens, quantity, lex)
        if found:
            field, last, rule = found
            counts[index] = _make_count(tokens, quantity, field, last, rule, offset)
            ends[index] = last
    _sum_conjoined(tokens, quantities, counts, ends, lex, offset)
    _take_dead_from_hit(tokens, quantities, counts, ends, lex)
    result: list[Count] = []
    for index in sorted(counts):
        count = counts[index]
        if count.field == "casualties":
            result += [replace(count, field="killed"), replace(count, field="injured")]
        else:
            result.append(count)
    return result


def _take_dead_from_hit(
    tokens: list[_Token], quantities: list[_Quantity], counts: dict[int, Count], ends: dict[int, int], lex: _Lexicon,
) -> None:
    """'A man and a woman were shot; the man died': those shot who died later are not injured."""
    dead = sum(count.value for count in counts.values() if count.field == "killed")
    if not dead:
        return
    for index, count in list(counts.items()):
        before = _previous_word(tokens, quantities[index].first)
        shot = lex.bridges.get(tokens[ends[index]].low) == "violence" or (
            count.rule == "object" and before is not None and lex.bridges.get(tokens[before].low) == "violence")
        if count.field == "injured" and shot:
            if count.value > dead:
                counts[index] = replace(count, value=count.value - dead)
            else:
                del counts[index]


def choose_count(counts: Iterable[Count], field: str) -> Count | None:
    """The figure to record for ``field`` when sources differ: the lowest (ACLED's rule)."""
    candidates = [count for count in counts if count.field == field]
    return min(candidates, key=lambda count: count.value) if candidates else None


def _find_quantities(tokens: list[_Token], lex: _Lexicon) -> list[_Quantity]:
    found: list[_Quantity] = []
    i = 0
    while i < len(tokens):
        quantity = _read_number_at(tokens, i, lex) or _read_subject_at(tokens, i, lex)
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


def _read_number_at(tokens: list[_Token], i: int, lex: _Lexicon) -> _Quantity | None:
    token = tokens[i]
    low = token.low
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", low):
        value = int(low.replace(",", ""))
        last = i
        if i + 1 < len(tokens) and tokens[i + 1].low in _SCALES:
            value, last = value * _SCALES[tokens[i + 1].low], i + 1
        return _Quantity(i, i, last, value)
    if re.fullmatch(r"\d+\.\d+", low) and i + 1 < len(tokens) and tokens[i + 1].low in ("million", "thousand"):
        return _Quantity(i, i, i + 1, int(float(low) * _SCALES[tokens[i + 1].low]))
    if is_number_word(low) and low not in _SCALES:
        last = i
        while last + 1 < len(tokens):
            nxt = tokens[last + 1].low
            if is_number_word(nxt):
                last += 1
            elif nxt == "and" and tokens[last].low in ("hundred", "thousand") and last + 2 < len(tokens) and (
                is_number_word(tokens[last + 2].low)
            ):
                last += 1
            else:
                break
        value = parse_number(" ".join(t.low for t in tokens[i : last + 1]))
        if value is None:
            return None
        if last + 1 < len(tokens) and tokens[last + 1].low == "dozen":
            value, last = value * 12, last + 1
        return _Quantity(i, i, last, value)
    if low in lex.vague:
        value, last = lex.vague[low], i
        if i + 2 < len(tokens) and tokens[i + 1].low == "of" and tokens[i + 2].low in ("thousands", "millions"):
            value, last = value * (1000 if tokens[i + 2].low == "thousands" else 1_000_000), i + 2
        return _Quantity(i, i, last, value, vague=True)
    if low == "both":
        return _Quantity(i, i, i, 2)
    if low in ("no", "nobody", "none", "no-one"):
        last = i + 1 if low == "no" and i + 1 < len(tokens) and tokens[i + 1].low == "one" else i
        return _Quantity(i, i, last, 0, zero=True)
    if low in ("a", "an", "one") and i + 1 < len(tokens) and tokens[i + 1].low == "dozen":
        return _Quantity(i, i, i + 1, 12, qualifier="about")
    if low in ("a", "an", "one") and _next_head(tokens, i, lex) in ("person", "age"):
        return _Quantity(i, i, i, 1, article=low != "one")
    return None


_NAME_OPENERS = frozenset({",", "and", "(", ";", "\u2014", "-", "\u201c", '"'})


def _read_subject_at(tokens: list[_Token], i: int, lex: _Lexicon) -> _Quantity | None:
    """One person as a clause's subject: "he", "the victim", "Javon Wilson, 15," (value 1)."""
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
          and token.low not in lex.words and token.low not in _STOP):
        opens = i == 0 or tokens[i - 1].text in _NAME_OPENERS or bool(_AGE.fullmatch(tokens[i - 1].low))
        last = i
        while (last + 1 < len(tokens) and last - i < 2 and tokens[last + 1].text[:1].isupper()
               and re.fullmatch(r"[A-Za-z][\w'\u2019-]*", tokens[last + 1].text)):
            last += 1
        if any(lex.subjects.get(tokens[k].low) == "not-a-name" for k in range(i, last + 1)):
            return None
        name_end = last
        if last + 3 < len(tokens) and tokens[last + 1].text == "," and tokens[last + 2].low.isdigit() and tokens[last + 3].text == ",":
            last += 3  # "Javon Wilson, 15, died"
        last = _skip_apposition(tokens, last)  # "Isaac Duran, a 19-year-old, was shot and killed"
        if not opens and last == name_end:
            return None  # a name glued to the words before it counts only with its age after it
    if last is None or _closing_word(tokens, last + 1, lex) is None:
        return None
    return _Quantity(i, i, last, 1, subject=True)


_AGE = re.compile(r"\d+-(?:years?|months?)-old")


def _skip_apposition(tokens: list[_Token], last: int) -> int:
    """The comma closing "NAME, a 19-year-old man," when one follows the name, else ``last``."""
    if not (last + 3 < len(tokens) and tokens[last + 1].text == "," and tokens[last + 2].low in ("a", "an")
            and _AGE.fullmatch(tokens[last + 3].low)):
        return last
    for k in range(last + 4, min(last + 12, len(tokens))):
        if tokens[k].text == ",":
            return k
        if not tokens[k].text.isalpha():
            return last
    return last


def _is_repeat(tokens: list[_Token], before: _Quantity, after: _Quantity) -> bool:
    """'Thirteen other 13 people': one number written twice."""
    between = [t.low for t in tokens[before.last + 1 : after.head]]
    return before.value == after.value and all(word in ("other", "more") for word in between) and len(between) <= 1


def _attach_qualifier(tokens: list[_Token], quantity: _Quantity, lex: _Lexicon) -> None:
    for phrase, qualifier in lex.qualifiers:
        start = quantity.first - len(phrase)
        if start >= 0 and tuple(t.low for t in tokens[start : quantity.first]) == phrase:
            quantity.first, quantity.qualifier = start, qualifier
            return


def _next_head(tokens: list[_Token], i: int, lex: _Lexicon) -> str | None:
    """What the noun phrase after token i names: 'person', 'thing', 'age', or None."""
    end, head = _noun_phrase(tokens, i, lex)
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


def _noun_phrase(tokens: list[_Token], i: int, lex: _Lexicon) -> tuple[int, int | None]:
    """(last token index, head token index) of the words naming what token i counts."""
    j = i + 1
    if j + 1 < len(tokens) and tokens[j].low == "of" and tokens[j + 1].low in ("the", "them", "those", "these", "whom"):
        j += 1 if tokens[j + 1].low in ("them", "whom") else 2
        if tokens[j - 1].low in ("them", "whom"):
            return j - 1, j - 1
    elif j + 1 < len(tokens) and tokens[j].low == "of" and tokens[i].low in lex.vague:
        j += 1
    head, end = None, i
    while j < len(tokens) and j <= i + 5:
        token = tokens[j]
        if token.low in _STOP or token.low in lex.words or token.low in lex.bridges or token.low in _SUFFERING:
            break
        if not token.text[0].isalnum():
            break
        if re.fullmatch(r"\d[\d,.]*", token.low) or (token.low.endswith("ing") and len(token.low) > 5):
            break  # a new number, or a participle starting a new phrase ("people following incidents")
        head, end = j, j
        if _is_noun(token.low, lex) and not (j + 1 < len(tokens) and _is_noun(tokens[j + 1].low, lex)):
            break  # the head noun: "18 people", "300 missiles", "four police officers"
        j += 1
    return end, head


def _is_noun(low: str, lex: _Lexicon) -> bool:
    return low in lex.people or low in lex.things or low.split("-")[-1] in lex.things


def _read_quantity(tokens: list[_Token], quantity: _Quantity, lex: _Lexicon) -> tuple[str, int, str] | None:
    """(field, last token of the evidence, rule) for one number, or None when it counts no casualties."""
    if quantity.subject:
        closing = _closing_word(tokens, quantity.last + 1, lex)
        if closing is None or _is_hit(tokens, closing[1], lex):
            return None  # "he was shot": the victim already told of, who may have died
        return closing[0], closing[1], "subject"
    if _is_excluded(tokens, quantity, lex):
        return None
    end, head = _noun_phrase(tokens, quantity.last, lex)
    if head is not None and _next_head(tokens, quantity.last, lex) == "thing":
        return None
    nxt = quantity.last + 1
    if nxt < len(tokens) and "n" in lex.words.get(tokens[nxt].low, ("", ""))[1]:
        return lex.words[tokens[nxt].low][0], nxt, "zero" if quantity.zero else "noun"
    if quantity.zero and head is not None and "n" in lex.words.get(tokens[head].low, ("", ""))[1]:
        return lex.words[tokens[head].low][0], head, "zero"
    if quantity.article and head is None:
        return None
    before = _previous_word(tokens, quantity.first)
    if before is not None and not quantity.zero:
        word = tokens[before].low
        if "t" in lex.words.get(word, ("", ""))[1]:
            return lex.words[word][0], end, "object"
        if (lex.bridges.get(word) == "violence" and quantity.head == quantity.first
                and not _is_subordinate(tokens, before)):
            # "robbed and shot a taxi driver": injured, "fatally shot a man": killed
            adverb = lex.words.get(tokens[before - 1].low) if before > 0 else None
            return ("killed" if adverb and adverb[0] == "killed" else "injured"), end, "object"
        if word in _LEAVING and end + 1 < len(tokens) and "n" in lex.words.get(tokens[end + 1].low, ("", ""))[1]:
            return lex.words[tokens[end + 1].low][0], end + 1, "left"
        if word in _LEAVING and end + 1 < len(tokens) and tokens[end + 1].low == "with":
            harm = next((k for k in range(end + 2, min(end + 6, len(tokens))) if tokens[k].low in _HARMS), None)
            if harm is not None and all(tokens[k].low not in _ZERO_WORDS for k in range(end + 2, harm)):
                # "left one person with minor injuries", not "left them with no injuries"
                return "injured", harm, "left"
        toll = _toll_field(tokens, before, lex)
        if toll:
            return toll, quantity.last, "toll"
    closing = _closing_word(tokens, end + 1, lex)
    if closing and _is_hit(tokens, closing[1], lex) and _is_subordinate(tokens, quantity.first):
        return None  # "police came after a man was shot": the scene of a story told elsewhere
    if closing:
        field, last = closing
        return field, last, "zero" if quantity.zero else "passive"
    return None


def _is_hit(tokens: list[_Token], last: int, lex: _Lexicon) -> bool:
    """True when a clause counts injured only because its subject 'was shot'."""
    return lex.bridges.get(tokens[last].low) == "violence"


def _is_subordinate(tokens: list[_Token], first: int) -> bool:
    before = _previous_word(tokens, first)
    return before is not None and tokens[before].low in _SUBORDINATORS


_SUBORDINATORS = frozenset({"when", "after", "before", "until", "as", "where", "while", "since", "because"})


def _is_excluded(tokens: list[_Token], quantity: _Quantity, lex: _Lexicon) -> bool:
    """Parts of a count already made, ages, years, money and clock times."""
    first = quantity.first
    for phrase, kind in lex.markers.items():
        start = first - len(phrase)
        if kind in ("subset", "age") and start >= 0 and tuple(t.low for t in tokens[start:first]) == phrase:
            return True
    if first > 0 and tokens[first - 1].text in ("$", "\u20ac", "\u00a3", "#"):
        return not quantity.zero
    head = tokens[quantity.head]
    if not quantity.zero and not quantity.vague and head.low.isdigit() and 1800 <= quantity.value <= 2100:
        if _next_head(tokens, quantity.last, lex) != "person":
            return True
    nxt = tokens[quantity.last + 1].low if quantity.last + 1 < len(tokens) else ""
    after = tokens[quantity.last + 2].low if quantity.last + 2 < len(tokens) else ""
    if nxt in ("%", "percent", "per", ":") or (nxt in ("year", "years") and after in ("old", "-")):
        return True
    if first > 1 and tokens[first - 1].low == "of" and tokens[first - 2].low in lex.people:
        return True  # "a mother of three", "a father of two": family size, not a count
    prev = tokens[first - 1] if first > 0 else None
    if prev is not None and prev.text == "," and nxt == "," and first > 1 and tokens[first - 2].text[:1].isupper():
        return head.low.isdigit()  # "Edward Green, 51, died": an age
    return False


def _previous_word(tokens: list[_Token], first: int) -> int | None:
    i = first - 1
    while i >= 0 and tokens[i].text in _QUOTES:
        i -= 1
    return i if i >= 0 else None


def _toll_field(tokens: list[_Token], before: int, lex: _Lexicon) -> str | None:
    """'the death toll rose to 31', 'raising the toll to 12', 'the number of dead reached 9'."""
    i = before
    while i >= 0 and before - i < 6:
        low = tokens[i].low
        if lex.markers.get((low,)) == "toll":
            modifier = tokens[i - 1].low if i > 0 else ""
            return "injured" if modifier.startswith("injur") else "killed"
        if low in ("dead", "deaths", "killed", "injured", "wounded", "arrests", "arrested") and i > 1 and (
            tokens[i - 1].low == "of" and tokens[i - 2].low == "number"
        ):
            return lex.words[low][0]
        if lex.markers.get((low,)) != "toll-bridge":
            return None
        i -= 1
    return None


def _closing_word(tokens: list[_Token], j: int, lex: _Lexicon) -> tuple[str, int] | None:
    """The casualty word that closes the clause from token j: 'were reportedly killed', 'are dead'."""
    passive = False
    start = j
    hit = None  # "was shot": injured, unless a casualty word follows ("was shot and killed")
    while j < len(tokens) and j - start < 8:
        low = tokens[j].low
        entry = lex.words.get(low)
        if entry and "p" in entry[1]:
            if "t" in entry[1] and not passive and _takes_object(tokens, j + 1):
                return None  # "hundreds of people killed 27": the number is the subject of an active verb
            if low == "death" and tokens[j - 1].low != "to":
                return _wounded(hit, tokens, lex)  # only "shot to death", not "charged in death of"
            if low == "lives" and not (j > 0 and tokens[j - 1].low in ("their", "his", "her")):
                return _wounded(hit, tokens, lex)
            if low == "condition" and lex.bridges.get(tokens[j - 1].low) != "condition":
                return _wounded(hit, tokens, lex)  # "in critical condition", not "his condition"
            return entry[0], j
        if low in _SUFFERING:
            for k in range(j + 1, min(j + 5, len(tokens))):
                if tokens[k].low in _HARMS:
                    return "injured", k
            return _wounded(hit, tokens, lex)
        if re.fullmatch(r"\d0s", low) and tokens[j - 1].low in ("his", "her", "their"):
            j += 1  # "a man in his 20s was shot"
            continue
        kind = lex.bridges.get(low)
        if kind is None and not (low.endswith("ly") and low.isalpha() and len(low) > 4) and low not in (
            "their", "his", "her", "down"
        ):
            return _wounded(hit, tokens, lex)
        if kind == "after-violence" and tokens[j - 1].low not in lex.bridges:
            return _wounded(hit, tokens, lex)
        if kind == "violence" and passive and hit is None and not _fired_at(tokens, j + 1):
            hit = j
        passive = passive or kind == "passive"
        j += 1
    return _wounded(hit, tokens, lex)


_HARMS = frozenset({"injuries", "injury", "wounds", "wound", "burns"})


def _wounded(
    hit: int | None, tokens: list[_Token] | None = None, lex: _Lexicon | None = None,
) -> tuple[str, int] | None:
    """After "was shot": what the rest of the clause tells ("... and later died", "... is in stable
    condition"), else injured at the word "shot"."""
    if hit is None:
        return None
    if tokens is not None and lex is not None:
        for k in range(hit + 1, min(hit + 16, len(tokens))):
            low = tokens[k].low
            if low in (";", ".", "but", "while", "who", "which"):
                break
            entry = lex.words.get(low)
            if entry and entry[0] == "killed" and "p" in entry[1] and low not in ("death", "lives"):
                return "killed", k
            if low == "condition" and lex.bridges.get(tokens[k - 1].low) == "condition" or low in _HARMS:
                return "injured", k
    return "injured", hit


def _fired_at(tokens: list[_Token], j: int) -> bool:
    """'was shot at' with nothing hit: 'shot at but missed', 'shot at by a man'."""
    if j >= len(tokens) or tokens[j].low != "at":
        return False
    after = tokens[j + 1].low if j + 1 < len(tokens) else ""
    return after in ("", ",", ".", ";", "but", "by", "several", "multiple", "least", "from", "and")


def _takes_object(tokens: list[_Token], j: int) -> bool:
    """True when the words from j are an object: 'killed 27 people', 'killed at least 5', 'killed the suspect'."""
    bounds = {"at", "least", "more", "than", "nearly", "almost", "some", "about", "around", "over", "up", "to",
              "as", "many", "an", "estimated"}
    for k in range(j, min(j + 4, len(tokens))):
        low = tokens[k].low
        if low[:1].isdigit() or (is_number_word(low) and low not in _SCALES):
            return True
        if k == j and low in _OBJECT_START:
            return True
        if low not in bounds:
            return False
    return False


def _sum_conjoined(
    tokens: list[_Token], quantities: list[_Quantity], counts: dict[int, Count], ends: dict[int, int],
    lex: _Lexicon, offset: int,
) -> None:
    """Add numbers joined by 'and' to the count their clause already gave."""
    for index, quantity in enumerate(quantities):
        if index in counts or quantity.zero or _is_excluded(tokens, quantity, lex):
            continue
        end, head = _noun_phrase(tokens, quantity.last, lex)
        if _next_head(tokens, quantity.last, lex) == "thing":
            continue
        before = _previous_word(tokens, quantity.first)
        previous = max((i for i in counts if i < index), default=None)
        if before is not None and tokens[before].low == "and" and previous is not None and (
            counts[previous].rule in ("object", "sum")
            and not _has_casualty_word(tokens, ends[previous] + 1, before, lex)
            and not _opens_subset(tokens, ends[previous] + 1, before, lex)
        ):
            counts[previous] = _add(counts[previous], quantity, tokens[end].end + offset)
            ends[previous] = end
            continue
        following = index + 1
        if following in counts and counts[following].rule == "passive" and end + 1 < len(tokens) and (
            tokens[end + 1].low == "and" and quantities[following].first == end + 2
        ):
            counts[following] = _add(counts[following], quantity, None, start=tokens[quantity.first].start + offset)


def _opens_subset(tokens: list[_Token], start: int, stop: int, lex: _Lexicon) -> bool:
    """Whether a subset marker opens a list between two numbers: "92 people, including
    women, children and two journalists" (the two are among the 92, not added to them)."""
    lows = [t.low for t in tokens[start:stop]]
    for phrase, kind in lex.markers.items():
        if phrase[0] == "of":  # "all of them citizens of X" describes the counted, it opens no part
            continue
        if kind == "subset" and any(tuple(lows[i:i + len(phrase)]) == phrase for i in range(len(lows))):
            return True
    return False


def _has_casualty_word(tokens: list[_Token], start: int, stop: int, lex: _Lexicon) -> bool:
    return any(tokens[i].low in lex.words for i in range(start, stop))


def _add(count: Count, quantity: _Quantity, end: int | None, *, start: int | None = None) -> Count:
    span = (start if start is not None else count.span[0], end if end is not None else count.span[1])
    qualifier = count.qualifier or quantity.qualifier
    return replace(count, value=count.value + quantity.value, span=span, qualifier=qualifier,
                   exact=count.exact and quantity.qualifier is None and not quantity.vague, rule="sum")


def _make_count(
    tokens: list[_Token], quantity: _Quantity, field: str, last: int, rule: str, offset: int
) -> Count:
    start = tokens[quantity.first].start
    end = max(tokens[last].end, tokens[quantity.last].end)
    exact = quantity.qualifier is None and not quantity.vague
    return Count(field, quantity.value, (start + offset, end + offset), quantity.qualifier, exact, rule)
