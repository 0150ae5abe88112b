"""Scenes of events, on sentences written for these tests: a territory change names the place
taken, and an event the text never places stands at the story's first town, else its country."""
from __future__ import annotations

import pytest

from dateline.coding import code_events

STORY_DATE = "2031-06-12"


def territory_changes(text: str) -> list:
    return [e for e in code_events(text, story_date=STORY_DATE) if e.type == "territory_change"]


@pytest.mark.parametrize("text, types", [
    ("Rebels captured the town of Goma on Monday after days of fighting.", ["territory_change", "armed_clash"]),
    ("Russian forces captured Bakhmut on Saturday.", ["territory_change"]),
    # a village the gazetteer does not know
    ("The soldiers occupied Nyaung Pin following the airstrikes.", ["territory_change", "air_drone_strike"]),
    ("Vuhledar fell to Russian forces in October.", ["territory_change"]),
    ("The base was seized by militants overnight.", ["territory_change"]),
    ("Ukrainian units withdrew from Siversk, a small town in the Donetsk region, in January.", ["territory_change"]),
    ("M23 fighters took control of the provincial capital Uvira in February.", ["territory_change"]),
    ("Militants seized control of the district headquarters on Sunday.", ["territory_change"]),
])
def test_territory_change_names_the_place_taken(text, types):
    assert [event.type for event in code_events(text, story_date=STORY_DATE)] == types


@pytest.mark.parametrize("text", [
    "The shooting was captured on video and shared online.",
    "The moment was captured by her surveillance cameras.",
    "Police captured the second suspect in the case on Friday.",
    "Deputies captured one man, identified as Pedro Ortiz, 25, about 2 a.m.",
    "Investigators seized 15 guns and two handguns from the house.",
    "The boy fell to the floor with a bullet wound to his chest.",
])
def test_taking_a_person_a_weapon_or_a_picture_is_no_territory_change(text):
    assert territory_changes(text) == []


def test_unplaced_event_stands_at_the_first_town_the_story_names():
    text = ("A teenager was fatally shot on Tuesday afternoon, police said.\n\n"
            "The county coroner identified the victim. Students at a high school in Pittsburgh will be "
            "offered counselling.")
    events = code_events(text, story_date=STORY_DATE)
    assert [(event.type, event.place.name if event.place else None) for event in events] == [("attack", "Pittsburgh")]


def test_unplaced_event_in_a_story_of_one_country_stands_in_that_country():
    text = ("A man was shot and killed on Tuesday night, the sheriff's office said.\n\n"
            "Deputies said the suspect fled in a pickup truck. The sheriff asked anyone with information "
            "to call the tip line.")
    events = code_events(text, story_date=STORY_DATE)
    assert [(event.type, event.place.country if event.place else None, event.place.precision if event.place else None)
            for event in events] == [("attack", "US", "country")]


@pytest.mark.parametrize("text, expected", [
    # a later mention of the incident names the town inside the region
    ("Police in the state of Michoacán found the bodies of four men on Tuesday.\n\n"
     "The bodies were found close to the city of Uruapan.", "Uruapan"),
    # a town named only for the past does not move the incident there
    ("Police in the state of Michoacán found the bodies of four men on Tuesday.\n\n"
     "Morelia has been the scene of gang violence for years.", "Michoacán de Ocampo"),
])
def test_a_region_wide_event_moves_to_the_town_a_mention_of_it_names(text, expected):
    [event] = [e for e in code_events(text, story_date=STORY_DATE) if e.core]
    assert event.place.name == expected and event.killed == 4


def scenes(text: str, *, dateline: str | None = None) -> list[tuple]:
    return [(event.type, event.place.name if event.place else None)
            for event in code_events(text, story_date=STORY_DATE, dateline_place=dateline) if event.core]


@pytest.mark.parametrize("text, dateline, expected", [
    # the hospital is what was hit, not where the wounded were taken: the city named is the scene
    ("A Russian missile struck a hospital in Dnipro on Sunday, killing four people.", "KYIV",
     [("missile_artillery", "Dnipro")]),
    # taken to a hospital elsewhere: still the dateline's town
    ("A man was shot on Sunday night and was taken to a hospital in Morgantown.", "UNIONTOWN, Pa.",
     [("attack", "Uniontown")]),
])
def test_a_hospital_hit_is_the_scene_and_a_hospital_reached_is_not(text, dateline, expected):
    assert scenes(text, dateline=dateline) == expected


def test_a_place_the_gazetteer_lacks_told_as_nearby_stands_at_the_story_first_scene():
    text = ("Soldiers were killed in an ambush in Niger's Tillaberi region on Sunday.\n\n"
            "The army has been fighting to retake Banibangou and Abala.\n\n"
            "Twelve young men were kidnapped by gunmen on Friday in nearby Tinkim, officials said.")
    assert [place for kind, place in scenes(text) if kind == "abduction"] == ["Tillabéri"]  # not Abala


def test_a_village_the_gazetteer_lacks_stands_at_the_story_first_scene_not_at_a_far_dateline():
    text = ("Maiduguri, the Borno state capital, has been under a curfew since March.\n\n"
            "Farmers said they feared for their harvest.\n\n"
            "Gunmen killed five people in the village of Kwamba on Monday, residents said.")
    found = scenes(text, dateline="ABUJA")
    assert found and {place for _, place in found} == {"Maiduguri"}, found


@pytest.mark.parametrize("text, dateline, expected", [
    # a landmark the text puts far away is no stand-in; one close by is
    ("Two buses collided on Tuesday about 400 kilometers south of Cairo, killing 9 people.", None, [None]),
    ("Two buses collided on Tuesday 15 kilometers north of Asyut, killing 9 people.", None, ["Asyūţ"]),
    # "in neighbouring X", "in nearby X": X is where it happened
    ("Floods killed 20 people in neighbouring Morelos state on Tuesday.", "MEXICO CITY", ["Morelos"]),
    ("Gunmen killed three farmers in nearby Gwoza on Tuesday.", "MAIDUGURI, Nigeria", ["Gwoza"]),
    # a village of no gazetteer, in the region of a country named by its possessive
    ("A civilian was killed in an attack overnight in Tinkim of Niger's Diffa Region.", None, ["Diffa"]),
])
def test_distance_and_neighbourhood_words_place_the_scene(text, dateline, expected):
    assert [place for _, place in scenes(text, dateline=dateline)] == expected


@pytest.mark.parametrize("text", [
    "Russian forces captured Bakhmut on Saturday, the Russian defence ministry said.",
    "Vuhledar fell to Russian forces on Saturday.",
])
def test_forces_named_by_their_country_do_not_move_the_place_taken_into_it(text):
    assert [(event.place.country, event.place.precision) for event in territory_changes(text)] == [("UA", "place")]


@pytest.mark.parametrize("text, expected", [
    # the place across a border is neither the scene nor a stand-in for one
    ("Shelling killed two people on Monday in Vovchansk, a town on the border with the Belgorod region.",
     [("missile_artillery", "Vovchansk")]),
    ("Shelling killed two people on Monday in a village on the border with the Belgorod region, "
     "officials in Kharkiv said.", [("missile_artillery", None)]),
    # where passengers were taken after a crash is not where a later mention of it happened
    ("A train derailed near Asyut on Monday, killing seven people.\n\n"
     "Thirty passengers were taken safely to Minya by bus.\n\nThree carriages derailed in the crash.",
     [("disaster", "Asyūţ")]),
    # the injured named as where they were sent: one event, at the blast, with their number
    ("An explosion at a chemical plant in Ludhiana killed 12 workers on Monday.\n\n"
     "Eleven injured people were referred to Chandigarh for treatment, officials said.", [("disaster", "Ludhiana")]),
    # a country's institution ("the Uganda Red Cross") does not make its name a person's
    ("A roadside bomb killed four soldiers in Uganda on Monday.\n\nThe Uganda Red Cross said the blast struck their "
     "truck.", [("bombing", "Uganda")]),
])
def test_places_named_for_a_border_care_or_an_institution_are_no_scene(text, expected):
    assert scenes(text) == expected


def test_injured_sent_elsewhere_add_their_number_to_the_event():
    text = ("An explosion at a chemical plant in Ludhiana killed 12 workers on Monday.\n\n"
            "Eleven injured people were referred to Chandigarh for treatment, officials said.")
    [event] = [e for e in code_events(text, story_date=STORY_DATE) if e.core]
    assert (event.killed, event.injured) == (12, 11)


COUNTRY_PARTS = [
    # a clause that names no place but a compass part of the story's country stands in that part,
    # not at the story's own town
    ("Gunmen killed four farmers in Mopti on Monday.\n\nIn March, 30 soldiers died at a northern army base "
     "after an ambush.", "Mopti", ("lat", 1)),
    ("Floods killed 12 people in Cusco on Sunday.\n\nLast year a landslide killed 40 people in the north "
     "of the country.", "Cusco", ("lat", 1)),
    ("A bus crash killed nine people in Cali on Friday.\n\nIn May, 20 workers died at a south-eastern "
     "gold mine.", "Cali", ("lon", 1)),
]


@pytest.mark.parametrize(("text", "town", "way"), COUNTRY_PARTS, ids=[row[1] for row in COUNTRY_PARTS])
def test_an_event_in_a_compass_part_of_the_country_leaves_the_story_town(text, town, way):
    first, second = code_events(text, story_date=STORY_DATE)
    assert first.place is not None and first.place.name == town
    assert second.place is not None and second.place.precision == "region"
    assert second.place.country == first.place.country and second.place.name != town
    axis, sign = way
    assert (getattr(second.place, axis) - getattr(first.place, axis)) * sign > 0  # the part lies that way
    assert second.place.name.split()[0] in {"northern", "south-eastern"}  # named as a reader writes it


@pytest.mark.parametrize("text", [
    # a place the clause names is the scene
    "Gunmen killed four farmers in Mopti on Monday.\n\nIn March, 30 soldiers died at a northern army base in Gao.",
    # a local story's "northern town" is one near its own
    "A man was shot dead on Main Street on Monday.\n\nLater a woman was shot dead in a northern town.",
])
def test_a_compass_word_beside_a_named_place_or_in_a_local_story_names_no_part_of_a_country(text):
    places = [event.place for event in code_events(text, story_date=STORY_DATE, dateline_place="DAYTON, Ohio")
              if event.place is not None] if "Main Street" in text else [
              event.place for event in code_events(text, story_date=STORY_DATE) if event.place is not None]
    assert places and all(place.precision != "region" or "north" not in place.name.lower() for place in places)


def test_the_compass_part_is_the_scene_the_next_paragraph_carries_on_from():
    text = ("Gunmen killed four farmers in Mopti on Monday.\n\nIn March, 30 soldiers died at a northern army base "
            "after an ambush.\n\nRebels have clashed with troops for weeks.")
    events = code_events(text, story_date=STORY_DATE)
    assert events[0].place is not None and events[0].place.name == "Mopti"
    assert events[1:] and all(event.place is not None and event.place.name != "Mopti" for event in events[1:])


@pytest.mark.parametrize(("town", "expected"), [
    ("Cali", "north-eastern Colombia"),  # the story's town lies elsewhere: the part of the country
    ("Cucuta", "Cúcuta"),  # the story's town lies in that part: the town
])
def test_a_country_after_a_compass_word_is_that_part_unless_the_story_town_lies_there(town, expected):
    text = (f"A bus crash killed nine people in {town} on Friday.\n\nIn May, 20 workers died in a mine blast "
            "in north-eastern Colombia.")
    events = code_events(text, story_date=STORY_DATE)
    assert [event.place.name for event in events if event.place is not None][-1] == expected


def test_a_country_scene_under_a_headline_country_stands_at_the_first_town_the_text_gives():
    text = ("A bus plunged into a ravine near Ayacucho late on Monday, local radio said.\n\nAt least 20 people "
            "were killed when the bus left the road near the village of Pucaurqu in central Peru, police said.")
    events = code_events(text, story_date=STORY_DATE, headline="Bus crash in Peru kills 20")
    assert [(event.place.name, event.killed) for event in events if event.place is not None] == [("Ayacucho", 20)]
