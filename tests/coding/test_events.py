"""The event coder on sentences written for these tests: every type, negated and
hypothetical mentions, one event per place, counts on the right event, certainty."""
from __future__ import annotations

import pytest

from dateline.coding import describe_version
from dateline.event_types import core_types
from dateline.coding import code_events

STORY_DATE = "2031-06-12"  # a Thursday


def code(text: str, **options):
    options.setdefault("story_date", STORY_DATE)
    return code_events(text, **options)


TYPES = [
    ("Rebel fighters and army troops clashed for hours outside Kharkiv on Tuesday.", "armed_clash"),
    ("Gunmen opened fire on worshippers leaving a church in Lagos on Sunday, killing four.", "attack"),
    ("A car bomb exploded near a checkpoint in Mogadishu on Monday, killing nine people.", "bombing"),
    ("An airstrike on a market in Idlib killed 11 people on Wednesday.", "air_drone_strike"),
    ("Shelling hit residential blocks in Kherson overnight, injuring five people.", "missile_artillery"),
    ("Air defences shot down 14 drones over Kyiv overnight, officials said.", "interception"),
    ("Rebels captured the town of Goma on Monday after days of fighting.", "territory_change"),
    ("Armed men kidnapped 20 students from a school in Kaduna on Tuesday.", "abduction"),
    ("Police arrested 32 people in Nairobi on Wednesday.", "arrest"),
    ("Thousands of teachers marched through Santiago on Tuesday in a protest over pay.", "protest"),
    ("Rioters torched cars and looted shops in Dakar on Monday night.", "riot"),
    ("A magnitude 6.1 earthquake struck near Malatya on Tuesday, killing 8 people.", "disaster"),
    ("The group claimed responsibility for the blast in a statement on Telegram.", "claim_responsibility"),
    ("The ministry accused the opposition of stirring unrest.", "accuse"),
    ("The government denied the report on Wednesday.", "deny"),
    ("The militia threatened retaliation against the army.", "threaten"),
    ("The UN urged both sides to protect civilians.", "demand"),
    ("The embassy warned of an imminent attack on crowded venues.", "warn"),
    ("The two presidents met with business leaders in Lima on Monday.", "meet"),
    ("The parties agreed to a ceasefire on Tuesday.", "agree"),
    ("Donors pledged humanitarian aid worth $40 million.", "aid"),
    ("The army deployed 3,000 troops to the border.", "mobilize"),
    ("The European Union imposed new sanctions on the regime.", "sanction"),
]


@pytest.mark.parametrize("sentence, expected", TYPES)
def test_every_type_is_coded_from_its_trigger(sentence: str, expected: str) -> None:
    assert expected in [event.type for event in code(sentence)]


def test_every_core_type_is_covered_by_the_table() -> None:
    covered = {expected for _, expected in TYPES}
    assert core_types() <= covered


@pytest.mark.parametrize("sentence", [
    "If the rebels break through the front lines, they could take Kharkiv within days.",
    "The minister said he doesn't exclude sending troops to fight in Kharkiv.",
    "Police did not arrest anyone in Nairobi on Wednesday.",
    "No airstrike hit Idlib on Wednesday, the monitor said.",
])
def test_negated_and_hypothetical_mentions_are_not_coded_as_events(sentence: str) -> None:
    assert [event for event in code(sentence) if event.core] == []


def test_a_strike_on_three_regions_is_three_events() -> None:
    events = code("Drones were shot down over the Bryansk, Kursk and Belgorod regions overnight.")
    interceptions = [event for event in events if event.type == "interception"]
    assert len(interceptions) == 3
    assert {event.place.country for event in interceptions} == {"RU"}
    assert len({event.place.name for event in interceptions}) == 3


def test_two_attacks_on_different_days_in_one_city_are_two_events() -> None:
    text = ("An airstrike hit a bakery in Idlib on Monday, killing six people.\n\n"
            "Another airstrike hit a school in Idlib on Wednesday, killing four people.")
    events = [event for event in code(text) if event.core]
    assert sorted((event.date, event.killed) for event in events) == [("2031-06-09", 6), ("2031-06-11", 4)]


def test_mentions_of_one_event_merge_and_keep_the_count() -> None:
    text = ("A bomb exploded at a bus station in Peshawar on Tuesday, killing 12 people.\n\n"
            "The bombing in Peshawar was the deadliest this year, police said.")
    events = [event for event in code(text) if event.core]
    assert len(events) == 1
    assert events[0].killed == 12 and events[0].date == "2031-06-10"


def test_counts_attach_to_the_event_they_belong_to() -> None:
    text = ("Police detained 18 people in Belgrade on Sunday after a protest outside parliament in "
            "which two officers were injured.")
    events = {event.type: event for event in code(text)}
    assert events["arrest"].arrested == 18 and events["arrest"].injured is None
    assert events["protest"].injured == 2 and events["protest"].arrested is None


def test_fields_carry_offsets_into_the_story_text() -> None:
    text = "Officials met on Monday.\n\nA car bomb exploded in Kabul on Monday, killing nine people."
    [event] = [event for event in code(text) if event.core]
    assert text[slice(*event.trigger_span)] == event.trigger
    assert text[slice(*event.sentence_span)].strip() == event.sentence
    assert text[slice(*event.place.span)] == "Kabul"
    assert text[slice(*event.date_span)].strip().endswith("Monday")
    assert dict(event.count_spans)["killed"][0] >= event.sentence_span[0]
    assert event.coder_version == describe_version() and "event-triggers" in event.coder_version


@pytest.mark.parametrize("sentence, certainty", [
    ("Rebels attacked an army base in Goma on Monday, killing seven soldiers.", "reported"),
    ("The group claimed it had fired rockets at an air base in Erbil on Monday.", "claimed"),
    ("The army denied that its artillery shelled Kherson on Monday.", "denied"),
    ("Unions will protest in Santiago next week.", "planned"),
    ("Rebels captured Goma in 2012 after weeks of fighting.", "historical"),
])
def test_certainty_says_how_the_text_holds_the_event(sentence: str, certainty: str) -> None:
    events = [event for event in code(sentence) if event.core]
    assert events and events[0].certainty == certainty


def test_a_date_the_text_does_not_fix_stays_null_without_a_story_date() -> None:
    events = code_events("Rebels captured the town of Goma after days of fighting.")
    [event] = [e for e in events if e.type == "territory_change"]
    assert event.date is None


def test_a_date_given_earlier_in_the_paragraph_carries_to_the_next_sentence() -> None:
    text = ("On Monday, protesters gathered outside the parliament in Belgrade. "
            "Police arrested 14 of them in Belgrade.")
    events = {event.type: event for event in code(text)}
    assert events["arrest"].date == "2031-06-09"


def test_the_dateline_places_an_event_the_sentence_does_not_place() -> None:
    [event] = [e for e in code("Gunmen shot and killed three police officers on Tuesday.", dateline_place="NAIROBI")
               if e.core]
    assert event.place.country == "KE" and event.killed == 3


def core_events(text: str, **options):
    return [event for event in code(text, **options) if event.core]


@pytest.mark.parametrize("text, scene, not_scene", [
    ("Rockets fired by Tehran’s allies struck Haifa on Monday, injuring four people.", "IL", "IR"),
    ("Kherson was shelled overnight, Moscow said, and two people were wounded.", "UA", "RU"),
])
def test_a_place_that_acts_or_owns_is_not_the_scene(text: str, scene: str, not_scene: str) -> None:
    countries = {event.place.country for event in core_events(text) if event.place}
    assert scene in countries and not_scene not in countries


def test_a_possessive_naming_a_part_of_the_place_stays_the_scene() -> None:
    [event] = core_events("Drones struck Kharkiv’s northern suburbs on Monday, injuring six people.")
    assert event.place.country == "UA" and event.injured == 6


def test_a_clause_with_its_own_time_is_an_event_of_its_own() -> None:
    text = ("On Monday, four people were killed in an airstrike on Idlib, and two days later "
            "five people died there in another raid.")
    events = sorted((event.date, event.killed) for event in core_events(text))
    assert events == [("2031-06-09", 4), ("2031-06-11", 5)]


@pytest.mark.parametrize("sentence", [
    "Protesters clashed with riot police in Nairobi on Tuesday.",
    "Clashes broke out between demonstrators and police in Dakar on Monday.",
])
def test_clashes_told_with_protesters_are_a_riot(sentence: str) -> None:
    assert [event.type for event in core_events(sentence)] == ["riot"]


@pytest.mark.parametrize("sentence", [
    "Many wonder how gunmen could slip past the guards in Lagos so easily.",
    "The unit lost much of its fighting strength in Bakhmut last year.",
    "Students demanded the release from detention of a classmate in Belgrade.",
    "Police in Dallas have been granted an arrest warrant for the man.",
    "The arrest report from Dallas says the gun was left in the car.",
    "His criminal record in Dallas includes prior arrests for burglary.",
    "A reward is offered for any information that leads to an arrest in Dallas.",
])
def test_words_that_only_look_like_an_event_are_not_coded(sentence: str) -> None:
    assert core_events(sentence) == []


def test_a_vow_does_not_make_the_past_strike_it_answers_a_plan() -> None:
    [event] = core_events("The president vowed to avenge those killed by the airstrike on Idlib on Monday.")
    assert event.type == "air_drone_strike" and event.certainty == "reported"


def test_the_date_nearest_the_trigger_wins_over_the_date_of_the_saying() -> None:
    [event] = core_events("The governor said Thursday that rebels had launched 40 rocket attacks on Goma in May.")
    assert event.date == "2031-05"


def test_a_known_event_told_again_merges_and_takes_its_own_date() -> None:
    text = ("President Ruto vowed Tuesday to punish those behind the Nairobi mall attack that left 12 people dead.\n\n"
            "The attack has shaken the city. The March 3 attack was the deadliest in years.")
    [event] = core_events(text)
    assert event.place.country == "KE" and event.killed == 12 and event.date == "2031-03-03"


def test_a_sentence_without_a_place_takes_the_places_the_paragraph_names_next() -> None:
    text = ("Drones struck energy sites in three regions overnight. The governors of Kursk and Belgorod "
            "reported damage to power lines.")
    events = [event for event in core_events(text) if event.type == "air_drone_strike"]
    assert len(events) == 2 and {event.place.country for event in events} == {"RU"}


def test_a_region_and_a_town_inside_it_are_one_scene() -> None:
    text = ("Air defences shot down drones over the Kursk region on Monday.\n\n"
            "Most were intercepted over Kursk, the governor said.")
    assert len([event for event in core_events(text) if event.type == "interception"]) == 1


def test_a_weak_trigger_with_its_own_scene_and_day_counts_in_a_story_of_violence() -> None:
    text = "An airstrike killed nine people in Idlib on Monday. Two strikes on Tuesday targeted a market in Aleppo."
    events = core_events(text, headline="Airstrikes hit northern Syria")
    assert len(events) == 2 and {event.date for event in events} == {"2031-06-09", "2031-06-10"}


@pytest.mark.parametrize("text", [
    "A missile struck a warehouse in Odesa on Monday, killing two people. A fire broke out after the attack.",
    "Drones hit a fuel depot in Kursk on Monday, injuring three people. The depot caught fire.",
])
def test_a_fire_caused_by_an_attack_is_not_a_disaster_of_its_own(text: str) -> None:
    assert [event.type for event in core_events(text) if event.type == "disaster"] == []


def test_the_first_figure_of_a_clause_stands() -> None:
    [event] = core_events("At least 30 people were injured in an earthquake in Malatya on Monday, "
                          "with four hospitalized.")
    assert event.injured == 30


def test_an_earlier_attack_the_news_came_days_after_takes_its_own_day() -> None:
    text = ("Police in Durango found six bodies in a ravine on Tuesday, prosecutors said.\n\n"
            "The discovery came two days after gunmen opened fire at a bar in Monterrey, killing three people. "
            "Eight people were wounded in the Sunday attack.")
    dates = sorted((event.date, event.killed, event.injured) for event in core_events(text)
                   if event.place is not None and event.place.name.startswith("Monterrey"))
    assert dates == [("2031-06-08", 3, 8)]


def test_background_fire_since_an_old_attack_does_not_take_the_old_attacks_scene_or_day() -> None:
    text = ("Rebel units have been trading near-daily cross-border fire with the army since gunmen attacked "
            "Goma on March 3, 2029, sparking a war in North Kivu.")
    clashes = [event for event in code(text) if event.type == "armed_clash"]
    assert clashes and all(event.date != "2029-03-03" for event in clashes)
    assert all(event.certainty == "historical" for event in clashes)


def test_rockets_fired_at_an_unplaced_target_take_the_place_the_next_paragraph_names() -> None:
    text = ("Militants said early Friday they had fired a barrage of rockets at the army's northern command.\n\n"
            "The military said about 20 projectiles crossed the border around Haifa, where the command is based.")
    [event] = [event for event in core_events(text, dateline_place="Beirut") if event.type == "missile_artillery"]
    assert event.place.country == "IL"


@pytest.mark.parametrize("text", [
    "A teenager was fatally shot in Tulsa on Tuesday afternoon.",
    "A man is in critical condition from a gunshot wound to the head after a fight in Tulsa on Saturday.",
    "The father's gun accidentally discharged while he cleaned it at home in Tulsa on Saturday, striking his daughter.",
    "Her brother set the rifle down in their Tulsa home on Monday and it fell over and went off.",
    "Police say two men fired numerous times at a crowd in a Tulsa yard on Saturday.",
    "Shots were fired at a house in Tulsa on Saturday night.",
    "A 3-year-old boy shot himself in the chest at a home in Tulsa on Tuesday.",
    "The gunman shot his neighbour twice outside a Tulsa church on Sunday.",
    "A woman was hit by a stray bullet on a Tulsa street on Sunday.",
])
def test_a_shooting_told_in_the_words_of_local_news_is_an_attack(text: str) -> None:
    assert [event.type for event in core_events(text)] == ["attack"]


@pytest.mark.parametrize("text", [
    "He was discharged from the hospital in Tulsa on Monday.",
    "The alarm went off at noon in Tulsa.",
    "The ceremony in Tulsa went off without a hitch on Monday.",
    "The coach was fired on Monday in Tulsa.",
])
def test_words_that_only_sound_like_a_shooting_code_nothing(text: str) -> None:
    assert core_events(text) == []


def test_a_known_event_takes_no_day_from_another_verb_of_its_sentence() -> None:
    text = ("Two men were arrested Monday in the fatal shooting of a teenager in Tulsa. "
            "The shooting happened Saturday night outside a store.")
    dates = sorted((event.type, event.date) for event in core_events(text))
    assert dates == [("arrest", "2031-06-09"), ("attack", "2031-06-07")]


def test_a_mention_dated_only_by_the_news_day_joins_the_telling_that_gives_its_day() -> None:
    text = ("A 17-year-old girl died after a rifle accidentally discharged a bullet in Tulsa, police said.\n\n"
            "On Monday night, her brother set the rifle down and it fell over and went off.")
    [event] = core_events(text)
    assert (event.type, event.date, event.killed) == ("attack", "2031-06-09", 1)


def test_a_news_day_mention_with_figures_of_its_own_stays_apart_from_an_older_strike() -> None:
    text = ("Russian missiles struck Odesa, injuring 14 people.\n\n"
            "Six people were killed in a missile strike on Odesa last month.")
    events = sorted((event.date, event.killed, event.injured) for event in core_events(text))
    assert events == [("2031-05", 6, None), (STORY_DATE, None, 14)]


@pytest.mark.parametrize("text, killed, injured", [
    # figures of a sentence that names no event go to the event told last
    ("Gunmen opened fire on a bus in Tulsa on Saturday. Two passengers were taken to hospital in critical condition.",
     None, 2),
    ("A man was shot outside a bar in Tulsa on Saturday night. He was pronounced dead at the scene.", 1, None),
    # one victim told to have died later moves from injured to killed
    ("A man was shot in the leg outside a bar in Tulsa on Saturday night. He died at the hospital.", 1, None),
])
def test_figures_told_apart_from_the_trigger_stay_on_the_incident(text: str, killed, injured) -> None:
    [event] = core_events(text)
    assert (event.killed, event.injured) == (killed, injured)


def test_figures_of_another_day_are_not_carried_to_the_incident() -> None:
    text = "Gunmen opened fire on a bus in Tulsa on Saturday. Last year, 40 people were hospitalized in the city."
    [event] = core_events(text)
    assert (event.date, event.injured) == ("2031-06-07", None)
