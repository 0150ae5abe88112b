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


REGION_AND_TOWN = ("Soldiers killed nine people over two days in the Donetsk region, officials said on Friday. "
                   "Four people were killed by army fire in Kramatorsk, a city that was recently the scene of "
                   "heavy shelling, the officials said. Doctors said 11 people were wounded, while witnesses said "
                   "a drone struck a market in Kramatorsk.")


def test_a_mention_at_a_town_joins_the_event_told_at_that_town_before_the_region_tally():
    events = [e for e in code_events(REGION_AND_TOWN, story_date="2031-06-13") if e.core]
    town = [e for e in events if e.place is not None and e.place.name.startswith("Kramatorsk")]
    assert [(e.killed, e.injured) for e in town] == [(4, 11)]  # not the region's nine
    assert [e.killed for e in events if e not in town] == [9]


def test_a_country_wide_telling_and_its_town_with_nothing_new_are_one_event():
    # the town's mention brings no figure and no time of its own: it places the event told for the country
    text = ("At least 20 people were killed when two trains collided in Greece, the fire brigade said.\n\n"
            "The trains collided head-on outside Larissa, the regional governor said.")
    found = [(e.type, e.place.name, e.killed) for e in code_events(text, story_date="2031-06-12",
                                                                   headline="Greece train crash kills 20") if e.core]
    assert found == [("disaster", "Lárisa", 20)]


def test_a_definite_retelling_at_the_same_scene_with_another_figure_is_the_same_event():
    # "the gunmen" with no day of its own: the attack told again; its figure does not replace the toll
    text = ("Gunmen attacked a church in Kazan on Sunday, killing 11 people.\n\n"
            "The regional ministry said police had killed three of the gunmen in Kazan.")
    found = [(e.type, e.place.name, e.date, e.killed) for e in code_events(text, story_date="2031-06-12") if e.core]
    assert found == [("attack", "Kazan", "2031-06-08", 11)]
