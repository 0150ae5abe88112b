"""What is one event and what is no event at all, on sentences written for these tests:
kinds of events and what an event left are no events; details and country-level retellings
join the event they belong to; clashes in a story of protest are riots; arson by armed
people is their attack."""
from __future__ import annotations

import pytest

from dateline.coding import code_events

STORY_DATE = "2031-06-12"  # a Thursday


def core(text: str, **options) -> list[tuple]:
    events = code_events(text, story_date=STORY_DATE, **options)
    return [(e.type, e.place.name if e.place else None, e.date, e.killed, e.injured) for e in events if e.core]


@pytest.mark.parametrize("sentence", [
    # a kind of event, not one event
    "The military government has promised to defend the nation against spreading jihadist attacks in the east.",
    "However, militants still carry out attacks in Mogadishu and in nearby towns.",
    "The killings are the latest sign of a gang battle that keeps growing fiercer in Tegucigalpa.",
    # the toll of a kind of event, in a relative clause on it
    "Commanders have sworn to protect the province from an Islamist insurgency tied to three factions "
    "that has killed thousands of people.",
    "Officials fear the escalating insurgency in the north, which has killed hundreds, will spread.",
    # what happens at such times, in the present
    "“When fighting is going on, nobody can reach the wounded,” a county official said.",
    "Whenever clashes break out in the valley, families flee to the hills, a resident said.",
    # intentions and calls, not events
    "Rebel commanders promised to attack the garrison in Kidal before the rains.",
    "Opposition groups were encouraging people to protest in Mashhad on Friday, the agency said.",
    "The governor called on residents to demonstrate peacefully in Kaduna on Saturday.",
    # what an event left
    "Forensic teams were still examining the two bombing sites in Quetta on Wednesday.",
    "Relatives of the attack victims gathered in Kano on Wednesday.",
    # weapons found or made
    "Rifles and chemicals for making IEDs were also recovered in Mopti, the army said.",
    "Soldiers found explosives and grenades hidden in a truck near Gao on Wednesday.",
])
def test_kinds_of_events_and_what_an_event_left_are_no_events(sentence: str) -> None:
    assert core(sentence) == []


def test_a_specific_attack_next_to_a_kind_of_attack_is_still_coded() -> None:
    text = ("In one of the deadliest attacks this year, gunmen killed 30 villagers in Zamfara on Wednesday, "
            "police said.")
    assert core(text) == [("attack", "Zamfara", "2031-06-11", 30, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause on one event, not on a kind of event
    ("The floods that have killed 40 people in Sindh on Wednesday forced thousands from their homes.",
     [("disaster", "Sindh", "2031-06-11", 40, None)]),
    # "when" in the past: the time of an event that happened
    ("When the fighting broke out in Juba on Tuesday, 12 people were killed.",
     [("armed_clash", "Juba", "2031-06-10", 12, None)]),
    # a call made after an event told in its own clause
    ("Police urged residents to stay indoors after gunmen killed five people in Kano on Wednesday.",
     [("attack", "Kano", "2031-06-11", 5, None)]),
])
def test_events_beside_kinds_of_events_and_calls_are_still_coded(text: str, expected: list) -> None:
    assert core(text) == expected


def test_a_detail_of_victims_joins_the_event_told_before_it() -> None:
    text = ("Six soldiers were killed on Wednesday when their truck struck a roadside bomb outside Kandahar. "
            "Five were killed at the scene and a sixth died later in hospital, the army said.")
    assert core(text) == [("bombing", "Kandahār", "2031-06-11", 6, None)]


def test_an_act_of_its_own_with_its_own_toll_is_no_detail() -> None:
    text = ("Drone strikes killed 35 people across Darfur this week, activists said. Three strikes on Tuesday "
            "hit a market in El Fasher, while one earlier at a clinic killed 11, medics said.")
    assert sorted(e[3] or 0 for e in core(text))[-2:] == [11, 35]
    assert len(core(text)) == 3


def test_how_the_victims_are_now_is_no_event_of_its_own() -> None:
    text = ("A bomb killed three people and injured 58 at a bus station in Maiduguri on Wednesday. "
            "Twenty of the 58 injured were still in hospital on Thursday.")
    assert core(text) == [("bombing", "Maiduguri", "2031-06-11", 3, 58)]


def test_one_event_told_at_country_level_and_at_its_town_is_one_event() -> None:
    text = ("Seven soldiers were killed on Wednesday when a roadside bomb struck their convoy outside Kandahar, "
            "Afghanistan.\n\n“The seven soldiers killed in the blast were on a routine patrol,” an Afghan "
            "army spokesman said.")
    assert core(text) == [("bombing", "Kandahār", "2031-06-11", 7, None)]


def test_a_country_level_toll_with_a_time_of_its_own_stays_apart() -> None:
    text = ("Police fired on a crowd in Harare on Wednesday, killing three people.\n\n"
            "Earlier in the month, at least 22 people were injured in Zimbabwe when police broke up a rally.")
    assert len(core(text)) == 2


def test_bodies_found_later_are_the_killing_told_before_not_an_event_of_that_day() -> None:
    text = ("Armed men killed four farmers at Kufana near Kaduna on Tuesday night, police said.\n\n"
            "“Our patrol went out on Wednesday morning and found the corpses of the four victims savagely "
            "killed with cutlasses,” the village head said.")
    assert core(text) == [("attack", "Kaduna", "2031-06-10", 4, None)]


def test_a_cause_told_after_the_attack_gives_it_neither_place_nor_day() -> None:
    text = ("A bomb went off at a bus stop in Mardan on Friday, killing three people. "
            "Officials think the bombing was probably carried out in retaliation for a police raid in Swat "
            "on Tuesday.")
    assert core(text) == [("bombing", "Mardan", "2031-06-06", 3, None)]


def test_clashes_in_a_story_of_protest_are_a_riot() -> None:
    text = ("Demonstrators calling for early elections blocked highways across the east.\n\n"
            "“Six people are dead after the clashes in Cochabamba,” the rights office said on Wednesday.")
    assert [event[0] for event in core(text, headline="Protesters clash with police in Bolivia")] == ["protest",
                                                                                                 "riot"]


def test_clashes_with_an_armed_group_in_a_story_of_protest_stay_a_clash() -> None:
    text = ("Demonstrators blocked highways across the east on Monday.\n\n"
            "Soldiers and rebels clashed near Cochabamba on Wednesday, the army said.")
    assert "armed_clash" in [event[0] for event in core(text, headline="Protesters clash with police in Bolivia")]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Gang members set fire to about 30 houses in Tegucigalpa on Wednesday.", "attack"),
    ("Rioters set fire to about 30 cars in Tegucigalpa on Wednesday.", "riot"),
])
def test_arson_by_armed_people_is_their_attack(sentence: str, kind: str) -> None:
    assert [event[0] for event in core(sentence)] == [kind]


def test_looting_and_clashes_in_one_sentence_are_one_riot() -> None:
    text = ("Amid the clashes, thousands of residents marched through the streets of Rosario on Wednesday to "
            "protest against soaring food prices.")
    assert [event[0] for event in core(text)] == ["riot"]


def test_the_occupied_territory_is_no_territory_change() -> None:
    text = ("Soldiers killed three men in a raid on Tulkarem in the occupied West Bank on Wednesday, the health "
            "ministry said.")
    assert [event[0] for event in core(text)] == ["attack"]


def test_a_force_that_occupied_a_town_changed_its_territory() -> None:
    assert [event[0] for event in core("Rebels occupied the town of Kalehe on Wednesday.")] == ["territory_change"]


def test_background_of_a_year_before_the_story_with_no_scene_of_its_own_is_no_event() -> None:
    text = ("Police used tear gas on demonstrators in Mendoza on Wednesday, a local radio station said.\n\n"
            "Last year's unrest started with protests against bus fares and soon turned into calls for new "
            "elections.")
    assert [event[0] for event in core(text)] == ["protest"]


def test_a_past_event_with_its_own_scene_is_kept() -> None:
    text = ("A methane explosion killed five miners in Rybnik on Wednesday.\n\n"
            "It was the deadliest accident since March 2027, when 41 workers died in a blast at a mine in Katowice.")
    assert len(core(text)) == 2


def test_a_mob_that_surrounds_a_base_is_a_riot() -> None:
    text = "A mob surrounded the army barracks in Bamenda on Thursday and tried to take rifles."
    assert [event[0] for event in core(text)] == ["riot"]


def test_gunfire_heard_is_no_attack_of_its_own() -> None:
    assert core("Heavy gunfire could be heard in Goma through much of Wednesday night.") == []


@pytest.mark.parametrize("sentence", [
    "Explosions in chemical plants, as well as in other units, are common in the province.",
    "Kidnappings of travellers on the highway occur frequently, residents say.",
])
def test_a_kind_of_event_named_later_in_its_clause_is_no_event(sentence: str) -> None:
    assert core(sentence) == []


def test_a_toll_update_gives_the_event_its_latest_figures_not_a_second_event() -> None:
    text = ("A landslide buried houses in Tanah Merah on Monday, killing 12 people, officials said. "
            "The death toll rose to 31 on Wednesday after rescuers found more people killed in the houses.")
    events = core(text)
    assert len(events) == 1
    assert events[0][0] == "disaster" and events[0][2] == "2031-06-09" and events[0][3] == 31


def test_a_country_level_toll_joins_the_town_telling_with_a_time_but_no_toll() -> None:
    # the town's telling gives the time, the country's the toll: one event told twice
    text = ("A freight train and a passenger train collided near Sohag on Wednesday night, the provincial governor "
            "said.\n\nAt least 18 people were killed and 45 injured after two trains collided in Egypt, the health "
            "ministry said.")
    assert core(text, headline="Egypt train crash kills 18") == [("disaster", "Sohag", "2031-06-11", 18, 45)]


@pytest.mark.parametrize(("second", "expected"), [
    # a vague amount ("dozens") agrees with the figure told later: one toll told twice
    ("In all, 35 people have died and 64 were injured in the floods nationwide, the minister said.",
     [(35, 64)]),
    # two exact figures that differ, with no day to tie them: two tolls
    ("Floods killed 12 people and injured 64 in the country last month, the minister said.",
     [(35, None), (12, 64)]),
])
def test_a_vague_amount_agrees_with_the_figure_told_later(second: str, expected: list) -> None:
    text = ("At least 35 people have died and dozens more were hurt after floods hit the country this week, "
            "officials said.\n\n" + second)
    assert [(e[3], e[4] if e[4] != 12 else None) for e in core(text)] == expected


def test_deaths_told_with_no_act_in_a_story_of_protest_are_the_unrest_s() -> None:
    # no one is said to attack anyone: the deaths belong to the riot told before, a part of its toll
    text = ("At least seven people have died in riots in Rosario since protesters took to the streets "
            "on Wednesday.\n\nThree people died in a fire at a looted supermarket in Rosario on Wednesday, "
            "officials said.")
    assert [(e[0], e[2], e[3]) for e in core(text, headline="Riots spread in Argentina")] == [("riot", "2031-06-11", 7)]


def test_killings_by_armed_people_in_a_story_of_protest_stay_an_attack() -> None:
    text = ("Protesters took to the streets of Rosario on Wednesday.\n\n"
            "Gunmen killed three people at a supermarket in Rosario on Wednesday, officials said.")
    assert "attack" in [e[0] for e in core(text, headline="Riots spread in Argentina")]


def test_a_death_told_in_a_story_of_a_rally_is_no_riot() -> None:
    # the story is of a shooting and a rally, not of riots: the death is not the unrest's
    text = ("A state trooper shot a man during a traffic stop in Tyler on Saturday night, officials said.\n\n"
            "The man was taken to a hospital in Tyler where he later died.")
    kinds = [e[0] for e in core(text, headline="Residents rally for man shot by trooper")]
    assert "riot" not in kinds
