"""Datelines: where and through which agency a story was filed.

    HELSINKI (AP) —                  place HELSINKI, agency AP
    QUITO, Ecuador (AP) —            place QUITO, agency AP
    BUENOS AIRES (AP) --             place BUENOS AIRES, agency AP
    (Reuters) -                      no place, agency Reuters
    AMMAN:                           place AMMAN (agency from the page's byline or stamp)
    GAINESVILLE, Fla. -              place GAINESVILLE
    Tabriz, IRNA –                   place Tabriz, agency IRNA
    Ottawa:                          place Ottawa
    ABUJA, Jan. 27 (Xinhua) --       place ABUJA, agency Xinhua, filed January 27 (year from the page)
    Kochi, Aug 19, 2014:             place Kochi, filed 19 August 2014
    ANKARA (Sputnik) Ministers said  place ANKARA, agency Sputnik (a known agency needs no dash)

The dateline stays in the body paragraph; ``read_dateline`` only reads it.
Strong datelines (an agency in brackets, or a place in capitals) can open a new
story in the middle of a page; weak ones (a place in title case) are only read
at the start of a story.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Dateline
from .stamps import find_date
from .tables import load_mapping, load_word_sets, load_words

DASH = r"(?:—|–|--|-|:)"
CAPITALS = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŲŹŻŽȘȚ"
UPPER_PLACE = rf"[{CAPITALS}][{CAPITALS}'’.\-]+(?:\s+[{CAPITALS}][{CAPITALS}'’.\-]+){{0,3}}"
TITLE_PLACE = rf"[{CAPITALS}][a-zß-öø-ÿā-ž'’\-]+(?:\s+[{CAPITALS}][a-zß-öø-ÿā-ž'’\-]+){{0,2}}"
REGION = r"[A-ZÀ-Þ][\w.'’\-]*(?:\s+[A-ZÀ-Þ][\w.'’\-]*){0,2}\.?"
MONTH_NAME = (r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july"
              r"|august|september|october|november|december)")
# the filing date some datelines print: "ABUJA, Jan. 27 (Xinhua) --", "Bhopal, Jun 08, 2017:"
FILED = (rf"(?:,\s*(?P<filed>(?:{MONTH_NAME}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME}\.?)"
         rf"(?:,?\s+(?:19|20)\d{{2}})?))?")
AGENCY_IN_BRACKETS = re.compile(
    rf"\A(?:(?P<place>{UPPER_PLACE}|{TITLE_PLACE})(?:,\s*(?!{MONTH_NAME}\b)(?P<region>{REGION}))?{FILED}\s+)?"
    rf"\((?P<agency>[A-Za-z][\w .&’'\-]{{0,30}})\)\s*(?:{DASH}\s*(?=\S)|(?P<nodash>(?=[\"“{CAPITALS}])))")
UPPER_DATELINE = re.compile(rf"\A(?P<place>{UPPER_PLACE})(?:,\s*(?!{MONTH_NAME}\b)(?P<region>{REGION}))?{FILED}"
                            rf"\s*{DASH}\s*(?=[\"“‘'{CAPITALS}0-9])")
TITLE_DATELINE = re.compile(rf"\A(?P<place>{TITLE_PLACE})(?:,\s*(?!{MONTH_NAME}\b)(?P<region>{REGION}))?{FILED}"
                            rf"\s*(?:—|–|--|\s-|:)\s*(?=[\"“‘'{CAPITALS}0-9])")
US_STATES = load_word_sets("words")["us_states"]


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    dateline: Dateline
    strong: bool  # may open a new story mid-page
    end: int  # where the dateline text ends in the paragraph
    filed: tuple[int | None, int, int] | None = None  # (year or None, month, day) the dateline prints


def lookup_agency(name: str) -> str | None:
    return load_mapping("agencies").get(name.strip().lower())


def is_place(place: str) -> bool:
    words = place.lower().replace("’", "'").split()
    stop = load_words("dateline_stopwords")
    return bool(words) and " ".join(words) not in stop and words[0] not in stop


def read_region_agency(region: str | None) -> str | None:
    """The agency in ``Tabriz, IRNA –``: a capitalised short name that is no US state."""
    if not region:
        return None
    known = lookup_agency(region)
    if known:
        return known
    bare = region.rstrip(".")
    if bare.isupper() and 2 <= len(bare) <= 6 and bare.lower() not in US_STATES and "." not in bare:
        return bare
    return None


def read_filed(match: re.Match[str]) -> tuple[int | None, int, int] | None:
    """The date printed in the dateline, if any: (year or None, month, day)."""
    if not match.group("filed"):
        return None
    found = find_date(match.group("filed"))
    if found is None:
        return None
    _, year, month, day = found
    return year, month, day


def read_bracketed_agency(match: re.Match[str]) -> DatelineMatch | None:
    """The dateline of an ``AGENCY_IN_BRACKETS`` match ("QUITO, Ecuador (AP) —"), if the
    agency is a known one and the place a place."""
    agency = lookup_agency(match.group("agency"))
    if agency is None:
        return None
    place = match.group("place")
    if place and not is_place(place):
        return None
    if match.group("nodash") is not None and not place:
        return None  # "(Reuters) Text" without a dash or place is a credit, not a dateline
    return DatelineMatch(Dateline(place=place, agency=agency), True, match.end(), read_filed(match))


def read_dateline(paragraph: str) -> DatelineMatch | None:
    """The dateline that opens ``paragraph``, if it has one."""
    match = AGENCY_IN_BRACKETS.match(paragraph)
    if match:
        return read_bracketed_agency(match)
    match = UPPER_DATELINE.match(paragraph)
    if match and is_place(match.group("place")) and len(match.group("place")) >= 3:
        agency = read_region_agency(match.group("region"))
        return DatelineMatch(Dateline(place=match.group("place"), agency=agency), True, match.end(), read_filed(match))
    match = TITLE_DATELINE.match(paragraph)
    if match and is_place(match.group("place")):
        agency = read_region_agency(match.group("region"))
        return DatelineMatch(Dateline(place=match.group("place"), agency=agency), False, match.end(), read_filed(match))
    return None
