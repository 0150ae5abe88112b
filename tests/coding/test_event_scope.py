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
    "The junta has vowed to secure the country from growing jihadi violence in the north.",
    "However, militants still carry out attacks in Mogadishu and in nearby towns.",
    "The deaths are the latest sign of a battle that is becoming worse in Port-au-Prince.",
    # the toll of a kind of event, in a relative clause on it
    "The army has pledged to shield the region from rising jihadist violence linked to two armed groups "
    "that has killed thousands of people.",
    "Officials fear the escalating insurgency in the north, which has killed hundreds, will spread.",
    # what happens at such times, in the present
    "“When fighting is taking place, it is hard to count the dead,” the district commissioner said.",
    "Whenever clashes break out in the valley, families flee to the hills, a resident said.",
    # intentions and calls, not events
    "Rebel commanders promised to attack the garrison in Kidal before the rains.",
    "Opposition groups were encouraging people to protest in Mashhad on Friday, the agency said.",
    "The governor called on residents to demonstrate peacefully in Kaduna on Saturday.",
    # what an event left
    "Police continued to inspect the three bombing sites in Narathiwat on Wednesday.",
    "Relatives of the attack victims gathered in Kano on Wednesday.",
    # weapons found or made
    "Weapons and material for making IEDs were also recovered in Mandera, police said.",
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
    text = ("Four police officers were killed on Wednesday when their vehicle hit a roadside bomb near Garissa. "
            "Three were killed instantly and a fourth died of his injuries later, police said.")
    assert core(text) == [("bombing", "Garissa", "2031-06-11", 4, None)]


def test_an_act_of_its_own_with_its_own_toll_is_no_detail() -> None:
    text = ("Israeli airstrikes killed 40 people across Gaza this week, officials said. Two strikes on Wednesday "
            "targeted a market in Gaza City, while one earlier at a school killed 16, hospital officials said.")
    assert sorted(e[3] or 0 for e in core(text))[-2:] == [16, 40]
    assert len(core(text)) == 3


def test_how_the_victims_are_now_is_no_event_of_its_own() -> None:
    text = ("A bomb killed two people and injured 74 at a market in Yala on Wednesday. "
            "Forty of the 74 injured people remained hospitalised as of Thursday.")
    assert core(text) == [("bombing", "Yala", "2031-06-11", 2, 74)]


def test_one_event_told_at_country_level_and_at_its_town_is_one_event() -> None:
    text = ("Five police officers were killed on Wednesday when their vehicle hit a roadside bomb near Garissa, "
            "Kenya.\n\n“The five police officers killed in the attack were headed to the border,” a Kenyan "
            "police spokesman said.")
    assert core(text) == [("bombing", "Garissa", "2031-06-11", 5, None)]


def test_a_country_level_toll_with_a_time_of_its_own_stays_apart() -> None:
    text = ("Police opened fire on a crowd in Maputo on Wednesday, killing two people.\n\n"
            "Earlier this month, at least 14 people were injured in Mozambique when police dispersed a march.")
    assert len(core(text)) == 2


def test_bodies_found_later_are_the_killing_told_before_not_an_event_of_that_day() -> None:
    text = ("Suspected herders killed three farmers at Adaka near Makurdi on Tuesday night, police said.\n\n"
            "“We sent out patrols on Wednesday morning and discovered the corpses of the three persons "
            "brutally killed with machetes,” the chairman said.")
    assert core(text) == [("attack", "Makurdi", "2031-06-10", 3, None)]


def test_a_cause_told_after_the_attack_gives_it_neither_place_nor_day() -> None:
    text = ("A bomb exploded at a market in Yala on Friday, killing two people. "
            "Police said the attack was most likely in retaliation for a drug raid in Pattani on Tuesday.")
    assert core(text) == [("bombing", "Yala", "2031-06-06", 2, None)]


def test_clashes_in_a_story_of_protest_are_a_riot() -> None:
    text = ("Protesters demanding the president's resignation blocked roads across the south.\n\n"
            "“We have confirmed nine dead after the clashes in Juliaca,” the ombudsman said on Wednesday.")
    assert [event[0] for event in core(text, headline="Protesters clash with police in Peru")] == ["protest",
                                                                                                 "riot"]


def test_clashes_with_an_armed_group_in_a_story_of_protest_stay_a_clash() -> None:
    text = ("Protesters blocked roads across the south on Monday.\n\n"
            "Soldiers and rebels clashed near Juliaca on Wednesday, the army said.")
    assert "armed_clash" in [event[0] for event in core(text, headline="Protesters clash with police in Peru")]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Gang members set fire to dozens of homes in Saint-Marc on Wednesday.", "attack"),
    ("Rioters set fire to dozens of cars in Saint-Marc on Wednesday.", "riot"),
])
def test_arson_by_armed_people_is_their_attack(sentence: str, kind: str) -> None:
    assert [event[0] for event in core(sentence)] == [kind]


def test_looting_and_clashes_in_one_sentence_are_one_riot() -> None:
    text = ("Amid the clashes, thousands of residents took to the streets of Valparaiso on Wednesday to protest "
            "against rising prices.")
    assert [event[0] for event in core(text)] == ["riot"]


def test_the_occupied_territory_is_no_territory_change() -> None:
    text = ("Soldiers killed three men in a raid on Tulkarem in the occupied West Bank on Wednesday, the health "
            "ministry said.")
    assert [event[0] for event in core(text)] == ["attack"]


def test_a_force_that_occupied_a_town_changed_its_territory() -> None:
    assert [event[0] for event in core("Rebels occupied the town of Kalehe on Wednesday.")] == ["territory_change"]


def test_background_of_a_year_before_the_story_with_no_scene_of_its_own_is_no_event() -> None:
    text = ("Security forces fired tear gas at protesters in Behbahan on Wednesday, a news agency said.\n\n"
            "Last year's unrest began with protests over prices but turned political.")
    assert [event[0] for event in core(text)] == ["protest"]


def test_a_past_event_with_its_own_scene_is_kept() -> None:
    text = ("A gas explosion killed four miners in Lenguazaque on Wednesday.\n\n"
            "It was the worst accident since July 2027, when 86 workers died in a blast at a mine in Amaga.")
    assert len(core(text)) == 2


def test_a_mob_that_surrounds_a_base_is_a_riot() -> None:
    text = "On Wednesday, a mob surrounded the police complex in Imphal and tried to seize weapons."
    assert [event[0] for event in core(text)] == ["riot"]


def test_gunfire_heard_is_no_attack_of_its_own() -> None:
    assert core("Sounds of gunfire were heard in Imphal for several hours on Wednesday.") == []


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
    text = ("A passenger train collided with a freight train outside Larissa on Wednesday night, the governor "
            "said.\n\nAt least 20 people were killed and 60 injured after two trains collided in Greece, the fire "
            "brigade said.")
    assert core(text, headline="Greece train crash kills 20") == [("disaster", "Lárisa", "2031-06-11", 20, 60)]


@pytest.mark.parametrize(("second", "expected"), [
    # a vague amount ("dozens") agrees with the figure told later: one toll told twice
    ("A total of 50 people have died and 70 were injured in floods across the country, the minister said.",
     [(50, 70)]),
    # two exact figures that differ, with no day to tie them: two tolls
    ("Floods killed 12 people and injured 70 in the country last month, the minister said.",
     [(50, None), (12, 70)]),
])
def test_a_vague_amount_agrees_with_the_figure_told_later(second: str, expected: list) -> None:
    text = ("At least 50 people died and dozens were injured as floods swept the country this week, "
            "officials said.\n\n" + second)
    assert [(e[3], e[4] if e[4] != 12 else None) for e in core(text)] == expected


def test_deaths_told_with_no_act_in_a_story_of_protest_are_the_unrest_s() -> None:
    # no one is said to attack anyone: the deaths belong to the riot told before, a part of its toll
    text = ("At least nine people have been killed in riots in Valparaiso since protesters took to the streets "
            "on Wednesday.\n\nFour people died in a fire at a looted shopping centre in Valparaiso on Wednesday, "
            "officials said.")
    assert [(e[0], e[2], e[3]) for e in core(text, headline="Riots spread in Chile")] == [("riot", "2031-06-11", 9)]


def test_killings_by_armed_people_in_a_story_of_protest_stay_an_attack() -> None:
    text = ("Protesters took to the streets of Valparaiso on Wednesday.\n\n"
            "Gunmen killed four people at a shopping centre in Valparaiso on Wednesday, officials said.")
    assert "attack" in [e[0] for e in core(text, headline="Riots spread in Chile")]


def test_a_death_told_in_a_story_of_a_rally_is_no_riot() -> None:
    # the story is of a shooting and a rally, not of riots: the death is not the unrest's
    text = ("A state trooper shot a man during a traffic stop in Tyler on Saturday night, officials said.\n\n"
            "The man was taken to a hospital in Tyler where he later died.")
    kinds = [e[0] for e in core(text, headline="Residents rally for man shot by trooper")]
    assert "riot" not in kinds
