from __future__ import annotations

import pytest

from dateline.clean.datelines import read_dateline


@pytest.mark.parametrize(("paragraph", "place", "agency", "strong"), [
    ("HELSINKI (AP) — The prime minister promised Friday to reopen the border", "HELSINKI", "AP", True),
    ("QUITO, Ecuador (AP) — Rescue crews on the mountain road are still digging", "QUITO", "AP", True),
    ("BUENOS AIRES (AP) -- Prosecutors in the northern province charged", "BUENOS AIRES", "AP", True),
    ("RAS AL-KHAIMAH, United Arab Emirates (AP) — Officials say floods have cut", "RAS AL-KHAIMAH", "AP", True),
    ("(Reuters) - The central bank held rates steady on Thursday", None, "Reuters", True),
    ("AMMAN: The Jordanian interior ministry said two guards were among", "AMMAN", None, True),
    ("GAINESVILLE, Fla. - A man was arrested after a standoff", "GAINESVILLE", None, True),
    ("SKOPJE, North Macedonia - Hundreds of farmers blocked a border crossing", "SKOPJE", None, True),
    ("Tabriz, IRNA – Nine people were hurt when a bus overturned", "Tabriz", "IRNA", False),
    ("Ottawa: For the second time this year, the four ministers met", "Ottawa", None, False),
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
    "The CPI reading for March has at last silenced the sceptics.",
    "Uruguay customs officers Friday seized a cargo at the port.",
    "US President Joe Biden: a profile of the man and his politics.",
    "Chile deployed a total of 640 firefighters and 38 aircraft overnight.",
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
    ("Kochi, Aug 19, 2014: At least 11 people were injured", (2014, 8, 19)),
    ("KANO, 14 May 2021 - Gunmen abducted", (2021, 5, 14)),
    ("NAIROBI, Kenya, Sept. 14 (Reuters) - Police said", (None, 9, 14)),
    ("HANOI, Dec 1 (VNA) - The storm", (None, 12, 1)),
    ("QUITO, Ecuador (AP) — Rescue crews", None),
])
def test_reads_the_filing_date_some_agencies_print_in_the_dateline(paragraph, month_day):
    found = read_dateline(paragraph)
    assert found is not None and found.filed == month_day
