"""A toll broken down by place: one event per place the breakdown names.

    find_breakdown(sentence, offset=...)        the places and figures of a list such as
                                                "the districts of Arlon (7 fatalities),
                                                Bastogne (2), Marche (1) and Namur (1)"
    split_breakdown(drafts, sentence, ...)      an event per part, of the event whose toll
                                                they break down

A list of two or more names, each with a figure in brackets, where one figure says what
it counts ("7 fatalities") and the others share its word, breaks down the toll of the
event the story told last that counts the same field: each place becomes an event of that
event's type and date (a total said with no day of its own: the day of the event of its
family told first), with its own figure, when the parts add up to no more than the
event's figure (11 dead: 7 + 2 + 1 + 1). A word before the list says what the names are
("the districts of", "the provinces of", a word of ``data/en/coding/places_region_words.txt``):
"Arlon district". The total, when its place
was only guessed ("in several districts of the country") or is the first of the list,
moves to the country of its parts; mentions of the list's own sentence set at its places
give way to the parts.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...event_types import is_core, name_family
from ...models import EventPlace
from ..counts import load_lexicon
from ..places import Place, PlaceContext, load_gazetteer, load_tables, make_place, resolve_place
from ..words import parse_number
from .lexicon import TOLL_FAMILIES
from .merge import Draft

FIELDS = ("killed", "injured", "arrested")  # the fields an event records
_NAME = r"[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*){0,3}"
_FIGURE = r"(\d{1,6}|[a-z]+)(?:[ \t]+([a-z]+))?"
ITEM = re.compile(rf"({_NAME})[ \t]*\([ \t]*{_FIGURE}[ \t]*\)")
SEPARATOR = re.compile(r"^(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$")
# "31 in neighbouring Sindh province", "8 in the State of Lagos", "57 people have died in Lahore"
IN_ITEM = re.compile(r"\b(\d{1,6}|(?!(?:and|or|in|the)\b)[A-Za-z]+)((?:[ \t]+[a-z]+){0,3}?)[ \t]+in[ \t]+"
                     r"(?:neighbou?ring[ \t]+|nearby[ \t]+|the[ \t]+)?"
                     r"([A-Z][\w'\u2019-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'\u2019-]*){0,3})"
                     r"(?:[ \t]+(?:state|province|region|district|county|governorate|department|city|town|"
                     r"village)s?\b)?")
UNIT_BEFORE = re.compile(r"\b([a-z]+)[ \t]+(?:of[ \t]+|including[ \t]+|were[ \t]+|are[ \t]+)?[:\s]*$")


@dataclass(frozen=True, slots=True)
class Part:
    """One place of a breakdown and the figure it gives."""

    name: str
    span: tuple[int, int]
    value: int
    field: str | None  # None when the figure shares the word of another part


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A list of places with figures: what the names are ("district"), what the figures count."""

    unit: str | None
    field: str
    parts: tuple[Part, ...]
    span: tuple[int, int]


def read_field(word: str | None) -> str | None:
    """The field a word after a number counts ("fatalities" -> killed), or None."""
    if not word:
        return None
    entry = load_lexicon().words.get(word.lower())
    if entry is None or "n" not in entry[1]:
        return None
    return entry[0] if entry[0] in FIELDS else None


def read_value(text: str) -> int | None:
    return int(text) if text.isdigit() else parse_number(text)


def find_breakdown(sentence: str, *, offset: int = 0) -> Breakdown | None:
    """The longest list of bracketed figures in the sentence, else of figures set in places
    ("57 people have died in X, 31 in Y, 12 in Z"); None when there is no such list of two or
    more, or nothing says what the list counts ("(2 homes)" is no toll)."""
    return find_bracketed(sentence, offset=offset) or find_figures_in_places(sentence, offset=offset)


def find_figures_in_places(sentence: str, *, offset: int = 0) -> Breakdown | None:
    """"57 people have died in Lahore, 31 in neighbouring Sindh province and five in Multan":
    what the figures count is read from the words of the list's first item."""
    runs: list[list[re.Match[str]]] = []
    for match in IN_ITEM.finditer(sentence):
        if runs and SEPARATOR.match(sentence[runs[-1][-1].end():match.start()]):
            runs[-1].append(match)
        else:
            runs.append([match])
    best = max(runs, key=len, default=[])
    if len(best) < 3:
        return None
    field = read_field_words(best[0].group(2) or "")
    if field is None:
        return None
    parts = []
    for match in best:
        value = read_value(match.group(1).lower())
        if value is None:
            return None
        name = match.group(3)
        parts.append(Part(name, (offset + match.start(3), offset + match.start(3) + len(name)), value, field))
    span = (offset + best[0].start(), offset + best[-1].end())
    return Breakdown(unit=None, field=field, parts=tuple(parts), span=span)


def read_field_words(words: str) -> str | None:
    """The field the words after a figure count ("people have died" -> killed), or None."""
    for word in re.findall(r"[a-z]+", words.lower()):
        entry = load_lexicon().words.get(word)
        if entry is not None and entry[0] in FIELDS:
            return entry[0]
    return None


def find_bracketed(sentence: str, *, offset: int = 0) -> Breakdown | None:
    """The longest list of bracketed figures in the sentence ("Arlon (7 fatalities), Bastogne (2)")."""
    runs: list[list[re.Match[str]]] = []
    for match in ITEM.finditer(sentence):
        if runs and SEPARATOR.match(sentence[runs[-1][-1].end():match.start()]):
            runs[-1].append(match)
        else:
            runs.append([match])
    best = max(runs, key=len, default=[])
    if len(best) < 2:
        return None
    parts: list[Part] = []
    for match in best:
        value = read_value(match.group(2))
        field = read_field(match.group(3))
        if value is None or match.group(3) and field is None:
            return None
        name = match.group(1)
        parts.append(Part(name, (offset + match.start(1), offset + match.start(1) + len(name)), value, field))
    fields = {part.field for part in parts if part.field}
    if len(fields) != 1:
        return None
    field = fields.pop()
    unit = UNIT_BEFORE.search(sentence[:best[0].start()])
    return Breakdown(unit=read_unit(unit.group(1)) if unit else None, field=field,
                     parts=tuple(Part(part.name, part.span, part.value, field) for part in parts),
                     span=(offset + best[0].start(), offset + best[-1].end()))


def read_unit(word: str) -> str | None:
    """The administrative unit a plural before a list names: "districts" -> "district"; None for
    any other word ("towns", "areas")."""
    word = word.lower()
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else ""
    return singular if singular and singular in load_tables().region_words else None


def resolve_part(name: str, unit: str | None, *, context: PlaceContext) -> Place | None:
    """The place a part names: "Arlon" of "the districts of" is Arlon district."""
    if unit:
        place = resolve_place(f"{name} {unit}", context=context)
        if place is not None:
            return place
    return resolve_place(name, context=context)


def to_place(place: Place, span: tuple[int, int] | None) -> EventPlace:
    return EventPlace(name=place.name, country=place.country, admin1=place.admin1, lat=place.lat, lon=place.lon,
                      precision=place.precision, span=span)


def find_country_place(country: str) -> Place | None:
    gazetteer = load_gazetteer()
    row = gazetteer.country_rows.get(country)
    return make_place(gazetteer, row) if row is not None else None


def find_parent(drafts: Sequence[Draft], breakdown: Breakdown) -> Draft | None:
    """The event whose toll the list breaks down: the last core event counting the list's field
    (not with a figure of the list itself) whose figure is at least the parts' sum."""
    field = breakdown.field
    for draft in reversed(drafts):
        if not is_core(draft.type) or not draft.takes_counts or field not in draft.counts:
            continue
        if (draft.type == "arrest") != (field == "arrested"):
            continue
        if field != "arrested" and name_family(draft.type) not in TOLL_FAMILIES:
            continue
        value, span, _ = draft.counts[field]
        if breakdown.span[0] <= span[0] < breakdown.span[1]:
            continue  # a figure of the list, taken by a trigger of its sentence
        return draft if sum(part.value for part in breakdown.parts) <= value else None
    return None


def split_breakdown(drafts: list[Draft], sentence: str, *, start: int, end: int, index: int,
                    context: PlaceContext) -> None:
    """Add to ``drafts`` the events of a breakdown in text[start:end] (``sentence``), in place of
    the mentions of its sentence set at its places."""
    breakdown = find_breakdown(sentence, offset=start)
    if breakdown is None:
        return
    parent = find_parent(drafts, breakdown)
    if parent is None:
        return
    resolved = [(part, resolve_part(part.name, breakdown.unit, context=context)) for part in breakdown.parts]
    located = [(part, place) for part, place in resolved if place is not None and place.precision != "country"]
    if len(located) < 2:
        return
    countries = {place.country for _, place in located}
    if (parent.place_source != "own" or is_in_list(parent, breakdown)) and len(countries) == 1:
        country = find_country_place(countries.pop())
        if country is not None:
            parent.place = to_place(country, None)
    dated = told_date([d for d in drafts if d.sentence_span != (start, end)], parent)
    drafts[:] = [d for d in drafts if d is parent or not is_in_list(d, breakdown)]
    for number, (part, place) in enumerate(located):
        draft = Draft(type=parent.type, strong=True, trigger=parent.trigger, trigger_span=parent.trigger_span,
                      sentence_span=(start, end), place=to_place(place, part.span), date=dated.date,
                      date_end=dated.date_end, date_span=dated.date_span, date_soft=dated.date_soft,
                      certainty=parent.certainty, clause=(index, number + 1), place_source="own",
                      update=parent.update)
        draft.add_count(breakdown.field, part.value, part.span)
        drafts.append(draft)


def told_date(drafts: Sequence[Draft], parent: Draft) -> Draft:
    """Whose date the parts take: the total's, else (a toll said with no day of its own: "officials
    now count 61 dead") the day of the event of its family the story told first with a day of its
    own (the quake on Tuesday, not the day the toll was said)."""
    if parent.date is not None:
        return parent
    return next((d for d in drafts if d is not parent and d.key == parent.key and d.date is not None
                 and not d.date_soft and d.certainty != "historical"), parent)


def is_in_list(draft: Draft, breakdown: Breakdown) -> bool:
    """A mention of the list's own sentence set at one of its places ("Deaths were reported in Homs (12 dead)")."""
    span = draft.place.span if draft.place is not None else None
    return span is not None and breakdown.span[0] <= span[0] < breakdown.span[1]
