"""What captions add to a story's events: the date an undated story is read by, and the place
inside a country- or region-wide scene, on sentences and captions written for these tests."""
from __future__ import annotations

import pytest

from dateline.coding.events.captions import read_caption_date
from dateline.coding import code_events

FLOODS = "Heavy rain caused floods that killed 11 people in Rwanda."


def first_core(text: str, **options):
    return next(e for e in code_events(text, **options) if e.core)


@pytest.mark.parametrize("captions, expected", [
    (("Flooded street in Kigali, Rwanda, 26 April 2031.",), "2031-04-26"),
    (("Rescue teams in Musanze, April 2031.",), "2031-04"),
    (("Flash floods hit the city on April 25th 2031.", "A road on April 27th 2031."), "2031-04-27"),
    (("Rescue teams on 23 April.",), None),  # no year: nothing to place it by
    (("Rescue teams in Musanze.",), None),
    ((), None),
])
def test_read_caption_date(captions, expected):
    assert read_caption_date(captions) == expected


@pytest.mark.parametrize("text, story_date, captions, expected", [
    # an undated story reads "19 April" by its caption's year
    ("Torrential rain on 19 April brought floods that killed 11 people in Kigali.", None,
     ("Flooded street in Kigali, Rwanda, 26 April 2031.",), "2031-04-19"),
    # an event with no date of its own takes the caption's day, or month
    (FLOODS, None, ("Flooded street in Kigali, Rwanda, 26 April 2031.",), "2031-04-26"),
    (FLOODS, None, ("Rescue teams in Musanze, Rwanda, April 2031.",), "2031-04"),
    # a published date wins over the captions
    (FLOODS, "2031-05-02", ("Rescue teams in Musanze, Rwanda, April 2030.",), "2031-05-02"),
    (FLOODS, None, (), None),
])
def test_captions_date_an_undated_story(text, story_date, captions, expected):
    assert first_core(text, story_date=story_date, captions=captions).date == expected


@pytest.mark.parametrize("text, captions, expected", [
    # a country-wide scene takes the one town the caption names in that country
    (FLOODS, ("Landslide in Musanze, Northern Province, Rwanda.",), "Musanze"),
    # a region-wide scene takes the town inside the region
    ("A landslide killed 8 people in Norte de Santander department.",
     ("Rescue workers search the mud in Gramalote, Norte de Santander, Colombia.",), "Gramalote"),
    # two towns: the caption does not say which one
    (FLOODS, ("Rescue teams in Musanze and Kigali, Rwanda.",), "Rwanda"),
    # a town of another country changes nothing
    (FLOODS, ("Rescue teams in Nairobi, Kenya.",), "Rwanda"),
    # a scene that is already a town keeps it
    ("Heavy rain caused floods that killed 11 people in Kigali.", ("Rescue teams in Musanze, Rwanda.",), "Kigali"),
])
def test_captions_refine_a_wide_scene(text, captions, expected):
    assert first_core(text, story_date="2031-05-02", captions=captions).place.name == expected
