from __future__ import annotations

import pytest

from dateline.clean.captions import ends_on_date, is_caption, split_credit


@pytest.mark.parametrize(("line", "text", "credit"), [
    ("Officials attend the annual meeting in Harbourton, Freedonia, Tuesday, April 2, 2024. "
     "(Mira Castell, Harbour Press, Pool Photo via AP)",
     "Officials attend the annual meeting in Harbourton, Freedonia, Tuesday, April 2, 2024.",
     "Mira Castell, Harbour Press, Pool Photo via AP"),
    ("FILE - Smoke rises over the port. (Anton Reyes/Harbour News Agency via AP, File)",
     "FILE - Smoke rises over the port.", "Anton Reyes/Harbour News Agency via AP"),
    ("A burned house in the village on Wednesday after an airstrike. / Valley Defence Force",
     "A burned house in the village on Wednesday after an airstrike.", "Valley Defence Force"),
    ("© Ana Ruiz QuintanaMudslide on a road near Valtera, Montagne Province, 12 May 2021.",
     "Mudslide on a road near Valtera, Montagne Province, 12 May 2021.", "Ana Ruiz Quintana"),
    ("Children cool off in a fountain on May 14th 2021.", "Children cool off in a fountain on May 14th 2021.", None),
])
def test_splits_the_credit_off(line, text, credit):
    caption = split_credit(line)
    assert (caption.text, caption.credit) == (text, credit)


@pytest.mark.parametrize("line", [
    "FILE - Thick smoke rises above the ferry terminal, Saturday, June 8, 2019.",
    "In this photo provided by the Emergency Service, crews work to put out a fire, May 1, 2024."
    " (Emergency Service via AP)",
    "Residents wade through a flooded hall, Sunday, July 2, 2023. (Anton Reyes/AP Photo)",
])
def test_knows_a_caption_by_its_opening_or_credit(line):
    assert is_caption(line)


@pytest.mark.parametrize("line", [
    "The shelling wounded two farmers, the ministry said (AP).",
    "The quake struck 41.2 km (25.6 miles) inland at a shallow 7 km (4.3 miles) below ground. (K/TR2)",
    "He said it was fine (though not everyone agreed).",
    "HELSINKI (AP) — The prime minister promised Friday to find those responsible.",
])
def test_body_sentences_are_no_captions(line):
    assert not is_caption(line)


def test_a_line_ending_on_a_date_may_be_a_caption():
    assert ends_on_date("Flash floods hit the coast on April 25th 2022.")
    assert ends_on_date("Rescuers search the hillside in Cachipay, Colombia, April 2022.")
    assert not ends_on_date("Rescuers searched the hillside until dark.")
