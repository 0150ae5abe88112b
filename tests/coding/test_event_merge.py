"""Story-level merging, on stories written for these tests: an area-wide tally and the incidents
told with their own scene and time stay apart."""
from __future__ import annotations

from dateline.coding import code_events

TALLY = ("Health officials say air strikes across Idlib province have killed at least 58 people, among them children. "
         "Two air strikes on Wednesday hit a busy street in central Idlib near a bakery, while one earlier at a "
         "clinic killed 12, doctors said. A strike Tuesday night on a mosque sheltering hundreds of displaced "
         "families killed 19 people.")


def test_an_area_wide_tally_and_an_incident_with_its_own_scene_and_time_stay_apart():
    events = [e for e in code_events(TALLY, story_date="2031-06-12") if e.core]
    assert sorted((e.killed or 0) for e in events) == [0, 12, 19, 58]
    untold = next(e for e in events if e.killed is None)
    assert untold.date == "2031-06-11"  # the Wednesday strikes


def test_without_an_area_word_the_incident_joins_the_toll():
    text = TALLY.replace("air strikes across Idlib province", "air strikes in Idlib city")
    events = [e for e in code_events(text, story_date="2031-06-12") if e.core]
    assert sorted((e.killed or 0) for e in events) == [12, 19, 58]


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


def _draft(place: str, admin1: str, date: str, *, killed: int | None = None, update: bool = False,
           timed: bool = False):
    from dateline.coding.events.merge import Draft
    from dateline.models import EventPlace
    draft = Draft(type="disaster", strong=True, trigger="quake", trigger_span=(0, 5), sentence_span=(0, 10),
                  place=EventPlace(name=place, country="JP", admin1=admin1, lat=None, lon=None, precision="region",
                                   span=None),
                  date=date, date_end=None, date_span=None, certainty="reported", update=update, timed=timed)
    if killed is not None:
        draft.add_count("killed", killed, (0, 2))
    return draft


def test_an_update_at_a_place_of_its_own_takes_the_day_of_the_event_it_updates():
    # "He now says 30 have died in Ishikawa, 14 in Toyama, ...": a place of the update's breakdown
    # stands apart, on the day of the quake told before, not the day of the saying
    from dateline.coding.events.merge import merge_drafts
    quake = _draft("Niigata", "09", "2031-06-09")
    part = _draft("Toyama", "11", "2031-06-11", killed=14, update=True)
    merged = merge_drafts([quake, part], news_date="2031-06-12")
    assert [(d.place.name, d.date) for d in merged] == [("Niigata", "2031-06-09"), ("Toyama", "2031-06-09")]


def test_an_update_with_a_time_of_its_own_keeps_its_day():
    from dateline.coding.events.merge import merge_drafts
    quake = _draft("Niigata", "09", "2031-06-09")
    part = _draft("Toyama", "11", "2031-06-11", killed=14, update=True, timed=True)
    merged = merge_drafts([quake, part], news_date="2031-06-12")
    assert [d.date for d in merged] == ["2031-06-09", "2031-06-11"]


def test_a_figure_told_as_what_officials_now_count_is_a_toll_update():
    from dateline.coding.events.telling import tells_update
    assert tells_update("The agency now says 40 people have died in the three provinces.")
    assert tells_update("Officials now count 61 dead, the minister said in a tweet.")
    assert not tells_update("Forty people died when the bridge collapsed on Monday.")
