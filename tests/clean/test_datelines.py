from __future__ import annotations

import pytest

from dateline.clean.datelines import read_dateline


@pytest.mark.parametrize(("paragraph", "place", "agency", "strong"), [
    ("MOSCOW (AP) — President Vladimir Putin vowed Tuesday to track down", "MOSCOW", "AP", True),
    ("KYIV, Ukraine (AP) — The situation on the front line is worsening", "KYIV", "AP", True),
    ("MEXICO CITY (AP) -- Authorities in the Gulf coast state found", "MEXICO CITY", "AP", True),
    ("DEIR AL-BALAH, Gaza Strip (AP) — Officials say strikes have killed", "DEIR AL-BALAH", "AP", True),
    ("(Reuters) - The central bank held rates steady on Thursday", None, "Reuters", True),
    ("BEIRUT: The Lebanese health ministry said a child was among", "BEIRUT", None, True),
    ("GAINESVILLE, Fla. - A man was arrested after a standoff", "GAINESVILLE", None, True),
    ("BELGRADE, Serbia - Dozens of students staged a sit-down protest", "BELGRADE", None, True),
    ("Izmir, MINA – At least 14 people were killed when an earthquake", "Izmir", "MINA", False),
    ("Washington: For the first time since 2016, the three leaders met", "Washington", None, False),
    ("LUSAKA, March 3 (Xinhua) -- Floods swept away a bridge", "LUSAKA", "Xinhua", True),
    ("NAIROBI, Kenya, Sept. 14 (Reuters) - Police said", "NAIROBI", "Reuters", True),
    ("ANKARA (Sputnik) Turkish officials said on Monday", "ANKARA", "Sputnik", True),  # a known agency needs no dash
])
def test_reads_datelines(paragraph, place, agency, strong):
    found = read_dateline(paragraph)
    assert found is not None
    assert (found.dateline.place, found.dateline.agency, found.strong) == (place, agency, strong)
    assert paragraph[found.end:][:1].isalpha() or paragraph[found.end:][:1] in "\"“"


@pytest.mark.parametrize("paragraph", [
    "Update: The story was corrected to fix the spelling of a name.",
    "Image: a crowd outside the station on the evening of the vote.",
    "The GDP figure for September has finally put paid to the doubters.",
    "Mozambique police Tuesday opened fire in the capital on a crowd.",
    "US President Joe Biden: a profile of the man and his politics.",
    "Russia fired a total of 458 drones and 45 missiles overnight.",
    "He said (reluctantly) - and then left the room without a word.",
    "(Reuters) The agency's name alone, with no place and no dash, is a credit.",
    "Officials (unnamed) Said nothing more about the fire.",
])
def test_ignores_openings_that_are_no_dateline(paragraph):
    assert read_dateline(paragraph) is None


@pytest.mark.parametrize(("paragraph", "place"), [
    ("TROMSØ, Norway (AP) — An avalanche buried the coastal road overnight", "TROMSØ"),
    ("SÃO PAULO (Reuters) - Brazil's central bank held rates on Wednesday", "SÃO PAULO"),
    ("ZÜRICH — Swiss voters rejected the proposal by a wide margin", "ZÜRICH"),
    ("Zürich: Die Abstimmung endete mit einer klaren Mehrheit", "Zürich"),
])
def test_reads_places_written_with_accented_capitals(paragraph, place):
    found = read_dateline(paragraph)
    assert found is not None and found.dateline.place == place


@pytest.mark.parametrize(("paragraph", "month_day"), [
    ("LUSAKA, March 3 (Xinhua) -- Floods swept away a bridge", (None, 3, 3)),
    ("Jaipur, Jun 08, 2017: At least 23 people were killed", (2017, 6, 8)),
    ("KANO, 14 May 2021 - Gunmen abducted", (2021, 5, 14)),
    ("NAIROBI, Kenya, Sept. 14 (Reuters) - Police said", (None, 9, 14)),
    ("HANOI, Dec 1 (VNA) - The storm", (None, 12, 1)),
    ("KYIV, Ukraine (AP) — The situation", None),
])
def test_reads_the_filing_date_some_agencies_print_in_the_dateline(paragraph, month_day):
    found = read_dateline(paragraph)
    assert found is not None and found.filed == month_day
