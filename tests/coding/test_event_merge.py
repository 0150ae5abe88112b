"""Story-level merging, on stories written for these tests: an area-wide tally and the incidents
told with their own scene and time stay apart."""
from __future__ import annotations

from dateline.coding import code_events

TALLY = ("Officials say Israeli strikes across Gaza have killed at least 92 people, including women and children. "
         "Two strikes on Wednesday targeted a crowded area in central Gaza City near a busy market, while "
         "one earlier at a second school killed 16, hospital officials said. An attack Tuesday night on a "
         "school sheltering hundreds of displaced people killed 27 people.")


def test_an_area_wide_tally_and_an_incident_with_its_own_scene_and_time_stay_apart():
    events = [e for e in code_events(TALLY, story_date="2031-06-12") if e.core]
    assert sorted((e.killed or 0) for e in events) == [0, 16, 27, 92]
    untold = next(e for e in events if e.killed is None)
    assert untold.date == "2031-06-11"  # the Wednesday strikes


def test_without_an_area_word_the_incident_joins_the_toll():
    text = TALLY.replace("Israeli strikes across Gaza", "Israeli strikes in Gaza City")
    events = [e for e in code_events(text, story_date="2031-06-12") if e.core]
    assert sorted((e.killed or 0) for e in events) == [16, 27, 92]


def test_a_mention_of_the_past_gives_no_date_to_the_event_it_joins() -> None:
    text = ("A man was shot and killed outside a bar downtown, police said.\n\n"
            "The city's deadliest shooting had been on July 5, 1882, when a gunman killed four people.")
    dates = [e.date for e in code_events(text) if e.core and e.killed == 1]
    assert dates and all(date is None or not date.startswith("1882") for date in dates)
