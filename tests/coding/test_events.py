"""The event coder on sentences written for these tests: every type, negated and
hypothetical mentions, one event per place, counts on the right event, certainty."""
from __future__ import annotations

import pytest

from dateline.coding import code_events, describe_version
from dateline.event_types import list_types

STORY_DATE = "2031-06-12"  # a Thursday


def code(text: str, **options):
    options.setdefault("story_date", STORY_DATE)
    return code_events(text, **options)


def describe(events, *fields: str) -> list[tuple]:
    """Each event as a tuple of the fields asked for ("place" is its place's name)."""
    def read(event, name):
        if name == "place":
            return event.place.name if event.place else None
        if name == "country":
            return event.place.country if event.place else None
        return getattr(event, name)
    return [tuple(read(event, name) for name in fields) for event in events]


EVENT = ("type", "place", "date", "killed", "injured", "arrested")


TYPES = [  # a sentence, the events it tells: (type, place, date, killed, injured, arrested)
    ("Rebel fighters and army troops clashed for hours outside Kharkiv on Tuesday.",
     [("armed_clash", "Kharkiv", "2031-06-10", None, None, None)]),
    ("Gunmen opened fire on worshippers leaving a church in Lagos on Sunday, killing four.",
     [("attack", "Lagos", "2031-06-08", 4, None, None)]),
    ("A car bomb exploded near a checkpoint in Mogadishu on Monday, killing nine people.",
     [("bombing", "Mogadishu", "2031-06-09", 9, None, None)]),
    ("An airstrike on a market in Idlib killed 11 people on Wednesday.",
     [("air_drone_strike", "Idlib", "2031-06-11", 11, None, None)]),
    ("Shelling hit residential blocks in Kherson overnight, injuring five people.",
     [("missile_artillery", "Kherson", "2031-06-12", None, 5, None)]),
    ("Air defences shot down 14 drones over Kyiv overnight, officials said.",
     [("interception", "Kyiv", "2031-06-12", None, None, None)]),
    ("Rebels captured the town of Goma on Monday after days of fighting.",  # the fighting: a clash of its own
     [("territory_change", "Goma", "2031-06-09", None, None, None),
      ("armed_clash", "Goma", "2031-06-09", None, None, None)]),
    ("Armed men kidnapped 20 students from a school in Kaduna on Tuesday.",
     [("abduction", "Kaduna", "2031-06-10", None, None, None)]),
    ("Police arrested 32 people in Nairobi on Wednesday.",
     [("arrest", "Nairobi", "2031-06-11", None, None, 32)]),
    ("Thousands of teachers marched through Santiago on Tuesday in a protest over pay.",
     [("protest", "Santiago", "2031-06-10", None, None, None)]),
    ("Rioters torched cars and looted shops in Dakar on Monday night.",
     [("riot", "Dakar", "2031-06-09", None, None, None)]),
    ("A magnitude 6.1 earthquake struck near Malatya on Tuesday, killing 8 people.",
     [("disaster", "Malatya", "2031-06-10", 8, None, None)]),
    ("The group claimed responsibility for the blast in a statement on Telegram.",
     [("claim_responsibility", None, "2031-06-12", None, None, None)]),
    ("The ministry accused the opposition of stirring unrest.",
     [("accuse", None, "2031-06-12", None, None, None)]),
    ("The government denied the report on Wednesday.",
     [("deny", None, "2031-06-11", None, None, None)]),
    ("The militia threatened retaliation against the army.",
     [("threaten", None, "2031-06-12", None, None, None)]),
    ("The UN urged both sides to protect civilians.",
     [("demand", None, "2031-06-12", None, None, None)]),
    ("The embassy warned of an imminent attack on crowded venues.",
     [("warn", None, "2031-06-12", None, None, None)]),
    ("The two presidents met with business leaders in Lima on Monday.",
     [("meet", "Lima", "2031-06-09", None, None, None)]),
    ("The parties agreed to a ceasefire on Tuesday.",
     [("agree", None, "2031-06-10", None, None, None)]),
    ("Donors pledged humanitarian aid worth $40 million.",
     [("aid", None, "2031-06-12", None, None, None)]),
    ("The army deployed 3,000 troops to the border.",
     [("mobilize", None, "2031-06-12", None, None, None)]),
    ("The European Union imposed new sanctions on the regime.",
     [("sanction", None, "2031-06-12", None, None, None)]),
]


@pytest.mark.parametrize("sentence, expected", TYPES, ids=[events[0][0] for _, events in TYPES])
def test_every_type_is_coded_from_its_trigger(sentence: str, expected: list[tuple]) -> None:
    assert describe(code(sentence), *EVENT) == expected


def test_every_type_of_the_table_has_a_sentence() -> None:
    assert sorted(events[0][0] for _, events in TYPES) == sorted(list_types())


@pytest.mark.parametrize("sentence", [
    "If the militia overruns the outer checkpoints, it could seize Kharkiv within a week.",
    "The prime minister said she would not rule out sending soldiers to fight near Kharkiv.",
    "Police did not arrest anyone in Nairobi on Wednesday.",
    "No airstrike hit Idlib on Wednesday, the monitor said.",
])
def test_negated_and_hypothetical_mentions_are_not_coded_as_events(sentence: str) -> None:
    assert code(sentence) == ()


def test_a_strike_on_three_regions_is_three_events() -> None:
    events = code("Air defences shot down drones over the Voronezh, Rostov and Lipetsk regions during the night.")
    assert describe(events, "type", "place", "country", "date") == [
        ("interception", "Voronezhskaya oblast'", "RU", "2031-06-12"),
        ("interception", "Rostovskaya oblast'", "RU", "2031-06-12"),
        ("interception", "Lipetskaya oblast'", "RU", "2031-06-12")]


def test_two_attacks_on_different_days_in_one_city_are_two_events() -> None:
    text = ("An airstrike hit a bakery in Idlib on Monday, killing six people.\n\n"
            "Another airstrike hit a school in Idlib on Wednesday, killing four people.")
    assert describe(code(text), *EVENT) == [("air_drone_strike", "Idlib", "2031-06-09", 6, None, None),
                                            ("air_drone_strike", "Idlib", "2031-06-11", 4, None, None)]


def test_mentions_of_one_event_merge_and_keep_the_count() -> None:
    text = ("A bomb exploded at a bus station in Peshawar on Tuesday, killing 12 people.\n\n"
            "The bombing in Peshawar was the deadliest this year, police said.")
    assert describe(code(text), *EVENT) == [("bombing", "Peshawar", "2031-06-10", 12, None, None)]


def test_counts_attach_to_the_event_they_belong_to() -> None:
    text = ("Police arrested 23 people in Tbilisi on Saturday after a rally outside the television station in "
            "which three officers were injured.")
    assert describe(code(text), *EVENT) == [("arrest", "Tbilisi", "2031-06-07", None, None, 23),
                                            ("protest", "Tbilisi", "2031-06-07", None, 3, None)]


def test_fields_carry_offsets_into_the_story_text() -> None:
    text = "Officials met on Monday.\n\nA car bomb exploded in Kabul on Monday, killing nine people."
    [event] = [event for event in code(text) if event.core]
    assert text[slice(*event.trigger_span)] == event.trigger
    assert text[slice(*event.sentence_span)].strip() == event.sentence
    assert text[slice(*event.place.span)] == "Kabul"
    assert text[slice(*event.date_span)].strip().endswith("Monday")
    assert dict(event.count_spans)["killed"][0] >= event.sentence_span[0]
    assert event.coder_version == describe_version() and "event-triggers" in event.coder_version


@pytest.mark.parametrize("sentence, expected", [
    ("Rebels attacked an army base in Goma on Monday, killing seven soldiers.",
     [("armed_clash", "2031-06-09", "reported")]),
    ("The group claimed it had fired rockets at an air base in Erbil on Monday.",
     [("missile_artillery", "2031-06-09", "claimed")]),
    ("The army denied that its artillery shelled Kherson on Monday.",
     [("deny", "2031-06-09", "reported"), ("missile_artillery", "2031-06-09", "denied")]),
    ("Unions will protest in Santiago next week.", [("protest", "2031-06", "planned")]),
    ("Rebels captured Goma in 2012 after weeks of fighting.",
     [("territory_change", "2012", "historical"), ("armed_clash", "2012", "historical")]),
])
def test_certainty_says_how_the_text_holds_the_event(sentence: str, expected: list[tuple]) -> None:
    assert describe(code(sentence), "type", "date", "certainty") == expected


def test_a_date_the_text_does_not_fix_stays_null_without_a_story_date() -> None:
    events = code_events("Rebels captured the town of Goma after days of fighting.")
    [event] = [e for e in events if e.type == "territory_change"]
    assert event.date is None


def test_a_date_given_earlier_in_the_paragraph_carries_to_the_next_sentence() -> None:
    text = ("On Tuesday, demonstrators gathered in front of the government building in Yerevan. "
            "Police arrested 11 of them in Yerevan.")
    assert describe(code(text), "type", "date", "arrested") == [("protest", "2031-06-10", None),
                                                                ("arrest", "2031-06-10", 11)]


def test_the_dateline_places_an_event_the_sentence_does_not_place() -> None:
    events = code("Gunmen shot and killed three police officers on Tuesday.", dateline_place="NAIROBI")
    assert describe(events, "type", "country", "date", "killed") == [("attack", "KE", "2031-06-10", 3)]


def core_events(text: str, **options):
    return [event for event in code(text, **options) if event.core]


@pytest.mark.parametrize("text, expected", [
    ("Rockets fired by Tehran’s allies struck Haifa on Monday, injuring four people.",
     [("attack", "Haifa", "IL", 4)]),  # not Iran
    ("Kherson was shelled overnight, Moscow said, and two people were wounded.",
     [("missile_artillery", "Kherson", "UA", 2)]),  # not Russia
])
def test_a_place_that_acts_or_owns_is_not_the_scene(text: str, expected: list[tuple]) -> None:
    assert describe(code(text), "type", "place", "country", "injured") == expected


def test_a_possessive_naming_a_part_of_the_place_stays_the_scene() -> None:
    [event] = core_events("Drones struck Kharkiv’s northern suburbs on Monday, injuring six people.")
    assert event.place.country == "UA" and event.injured == 6


def test_a_clause_with_its_own_time_is_an_event_of_its_own() -> None:
    text = ("On Monday, four people were killed in an airstrike on Idlib, and two days later "
            "five people died there in another raid.")
    assert describe(code(text), *EVENT) == [("air_drone_strike", "Idlib", "2031-06-09", 4, None, None),
                                            ("air_drone_strike", "Idlib", "2031-06-11", 5, None, None)]


@pytest.mark.parametrize("sentence", [
    "Protesters clashed with riot police in Nairobi on Tuesday.",
    "Clashes broke out between demonstrators and police in Dakar on Monday.",
])
def test_clashes_told_with_protesters_are_a_riot(sentence: str) -> None:
    assert [event.type for event in core_events(sentence)] == ["riot"]


@pytest.mark.parametrize("sentence", [
    "Many wonder how gunmen could slip past the guards in Lagos so easily.",
    "The unit lost much of its fighting strength in Bakhmut last year.",
    "Students demanded the release from detention of a classmate in Yerevan.",
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
    text = ("Drone attacks hit power plants in two provinces during the night. The governors of Voronezh and "
            "Lipetsk reported damage to transformers.")
    assert describe(code(text), "type", "place", "country") == [("air_drone_strike", "Voronezh", "RU"),
                                                                ("air_drone_strike", "Lipetsk", "RU")]


def test_a_region_and_a_town_inside_it_are_one_scene() -> None:
    text = ("Air defences shot down drones over the Voronezh region on Monday.\n\n"
            "Most were intercepted over Voronezh, the governor said.")
    assert describe(code(text), "type", "place", "date") == [("interception", "Voronezh", "2031-06-09")]


def test_a_weak_trigger_with_its_own_scene_and_day_counts_in_a_story_of_violence() -> None:
    text = "An airstrike killed seven people in Idlib on Monday. Three strikes on Tuesday targeted a bakery in Aleppo."
    events = code(text, headline="Airstrikes hit northern Syria")
    assert describe(events, *EVENT) == [("air_drone_strike", "Idlib", "2031-06-09", 7, None, None),
                                        ("air_drone_strike", "Aleppo", "2031-06-10", None, None, None)]


@pytest.mark.parametrize("text, expected", [
    ("A missile struck a warehouse in Odesa on Monday, killing two people. "
     "A fire broke out in the building after the strike.",
     [("missile_artillery", "Odesa", "2031-06-09", 2, None, None)]),
    ("Drones hit a fuel depot in Kursk on Monday, injuring three people. The depot caught fire.",
     [("air_drone_strike", "Kursk", "2031-06-09", None, 3, None)]),
])
def test_a_fire_caused_by_an_attack_is_not_a_disaster_of_its_own(text: str, expected: list[tuple]) -> None:
    assert describe(code(text), *EVENT) == expected


def test_the_first_figure_of_a_clause_stands() -> None:
    [event] = core_events("At least 30 people were injured in an earthquake in Malatya on Monday, "
                          "with four hospitalized.")
    assert event.injured == 30


def test_an_earlier_attack_the_news_came_days_after_takes_its_own_day() -> None:
    text = ("Police in Durango found six bodies in a ravine on Tuesday, prosecutors said.\n\n"
            "The discovery came two days after gunmen opened fire at a bar in Monterrey, killing three people. "
            "Eight others were hurt in the Sunday shooting.")
    assert describe(code(text), *EVENT) == [("attack", "Monterrey", "2031-06-08", 3, 8, None)]


def test_background_fire_since_an_old_attack_does_not_take_the_old_attacks_scene_or_day() -> None:
    text = ("Rebel units have been exchanging cross-border fire with the army almost daily since gunmen attacked "
            "Goma on March 3, 2029, sparking a war in North Kivu.")
    events = code(text)
    assert describe(events, "type", "place", "certainty") == [("armed_clash", "Goma", "historical"),
                                                              ("attack", "Goma", "historical")]
    assert events[0].date != "2029-03-03" and events[1].date == "2029-03-03"  # the attack keeps its own day


def test_rockets_fired_at_an_unplaced_target_take_the_place_the_next_paragraph_names() -> None:
    text = ("Militants said early Friday they had fired a barrage of rockets at the army's northern command.\n\n"
            "The military said about 20 projectiles crossed the border around Haifa, where the command is based.")
    assert describe(code(text, dateline_place="Beirut"), "type", "place", "country") == [
        ("missile_artillery", "Haifa", "IL")]


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
    text = ("Russian missiles hit Zaporizhzhia, injuring 11 people.\n\n"
            "Five people were killed in a missile strike on Zaporizhzhia last month.")
    events = sorted((event.date, event.killed, event.injured) for event in core_events(text))
    assert events == [("2031-05", 5, None), (STORY_DATE, None, 11)]


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


SURRENDERS = [
    "A 29-year-old carpenter turned himself in to the police in Kisumu on Tuesday.",
    "The driver gave herself up at a police station in Kisumu on Tuesday.",
    "Two brothers surrendered to the authorities in Kisumu on Tuesday.",
]


@pytest.mark.parametrize("sentence", SURRENDERS)
def test_one_who_gives_himself_up_is_arrested(sentence: str) -> None:
    [event] = core_events(sentence)
    assert (event.type, event.place.name, event.date) == ("arrest", "Kisumu", "2031-06-10")


def test_a_surrender_is_one_arrest_and_the_day_it_was_told_dates_the_detention() -> None:
    text = ("A gunman killed four people at a market in Kisumu on Monday.\n\n"
            "A suspect was taken into custody in connection with the shooting.\n\n"
            "Police said on Wednesday that a 31-year-old man had turned himself in and confessed.")
    events = core_events(text, story_date="2031-06-12")
    assert describe(events, "type", "date", "killed", "arrested") == [
        ("attack", "2031-06-09", 4, None), ("arrest", "2031-06-11", None, 1)]


def test_a_date_in_a_relative_clause_after_the_trigger_dates_its_noun() -> None:
    text = ("Troops raided a camp outside Kisumu on Tuesday.\n\n"
            "The army said it had detained the man suspected of an ambush that killed four guards in March.")
    arrest = next(e for e in core_events(text) if e.type == "arrest")
    assert arrest.date == "2031-06-10"


def test_a_relative_clause_on_a_noun_of_the_event_itself_keeps_its_date() -> None:
    text = "Three guards were wounded in the incident that happened on Tuesday near Kisumu."
    assert [event.date for event in core_events(text) if event.type == "attack"] == ["2031-06-10"]


@pytest.mark.parametrize("text, later", [
    ("arrested the man suspected of an ambush that killed four soldiers in March", True),
    ("arrested the man suspected of an ambush that killed four and wounded two in March", True),
    ("arrested a driver who hit a cyclist escaped the town on Friday", False),  # the clause closed
    ("arrested a driver, who hit a cyclist, on Friday", False),
])
def test_a_date_belongs_to_a_later_noun_only_inside_its_open_relative_clause(text: str, later: bool) -> None:
    from dateline.coding.events.clauses import dates_later_noun
    day = text.rsplit(maxsplit=1)[-1]
    assert dates_later_noun(text, len("arrested"), text.rindex(day), "arrest") is later


def test_a_relative_clause_closed_before_the_date_leaves_the_date_to_the_trigger() -> None:
    [event] = core_events("Clashes with farmers, who are demanding new roads, left six dead in Kisumu on Monday.")
    assert (event.date, event.killed) == ("2031-06-09", 6)


def test_a_date_after_a_verb_of_saying_and_where_it_was_said_dates_the_saying() -> None:
    from dateline.coding.events.clauses import is_speech_date
    for text, day in [("The minister said in a statement on Friday", "Friday"),
                      ("She told reporters Monday", "Monday"), ("Floods hit the town on Friday", "Friday")]:
        assert is_speech_date(text, text.rindex(day)) == (not text.startswith("Floods"))


def test_a_toll_said_later_and_broken_down_by_place_takes_the_day_of_the_event() -> None:
    text = ("A strong earthquake shook western Afghanistan on Tuesday, toppling hundreds of homes.\n\n"
            "The civil defence chief said in a post on Wednesday that officials now count 40 dead.\n\n"
            "He now says 20 people have died in Herat, 12 in Farah and eight in Badghis.")
    events = core_events(text, story_date="2031-06-12")
    parts = [(e.place.name, e.date, e.killed) for e in events if e.place is not None and e.place.precision != "country"]
    assert ("Farah", "2031-06-10", 12) in parts and all(date == "2031-06-10" for _, date, _ in parts)


def test_today_in_a_direct_quote_is_the_speakers_day_not_a_new_event() -> None:
    text = ("Clashes between protesters and police left nine dead in Kisumu on Monday.\n\n"
            "\u201cWe have counted nine dead today in Kisumu after the clashes with police,\u201d an official told "
            "reporters.")
    events = core_events(text, story_date="2031-06-12")
    assert [(e.type, e.date, e.killed) for e in events if e.type == "riot"] == [("riot", "2031-06-09", 9)]


def test_today_in_a_direct_quote_does_not_date_the_rest_of_its_paragraph() -> None:
    text = ("Floods swept through Kisumu on Monday, killing seven people.\n\n"
            "\u201cWe buried seven today,\u201d a local chief said. A bridge in Ahero collapsed, killing two.")
    events = core_events(text, story_date="2031-06-12")
    assert ("disaster", "Ahero", "2031-06-12") not in describe(events, "type", "place", "date")
