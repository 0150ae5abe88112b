"""A toll broken down by place ("the districts of A (7 fatalities), B (2) and C (1)"): one event
per place with its own figure, on sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.coding.events.breakdown import find_breakdown
from dateline.coding import code_events

STORY_DATE = "2031-05-02"  # a Friday


def places_and_counts(text: str, field: str = "killed") -> list[tuple[str, str, int | None]]:
    events = code_events(text, story_date=STORY_DATE)
    return [(e.place.name if e.place else "", e.place.precision if e.place else "", getattr(e, field))
            for e in events if e.core]


@pytest.mark.parametrize("sentence, unit, field, parts", [
    ("Affected areas included the districts of Rubavu (6 fatalities), Musanze (3), and Nyabihu (2).",
     "district", "killed", [("Rubavu", 6), ("Musanze", 3), ("Nyabihu", 2)]),
    ("Deaths were reported in Homs (12 dead), Hama (nine) and Idlib (4).",
     None, "killed", [("Homs", 12), ("Hama", 9), ("Idlib", 4)]),
    ("Police detained people in Paris (12 arrested) and Lyon (3).", None, "arrested", [("Paris", 12), ("Lyon", 3)]),
    ("The provinces of Kandahar (2), Helmand (5 injured) were hit.", "province", "injured",
     [("Kandahar", 2), ("Helmand", 5)]),
])
def test_find_breakdown_reads_places_and_figures(sentence, unit, field, parts):
    breakdown = find_breakdown(sentence)
    assert breakdown is not None
    assert breakdown.unit == unit and breakdown.field == field
    assert [(part.name, part.value) for part in breakdown.parts] == parts


@pytest.mark.parametrize("sentence", [
    "Floods damaged homes in Rubavu (120 homes) and Musanze (30 homes).",  # things, not people
    "The results: Smith (42 votes), Jones (17).",
    "Ruto (UDA) met Odinga (ODM) in Nairobi.",  # brackets with no figure
    "Rubavu (6 deaths) was the worst hit.",  # one place is no breakdown
    "Rubavu (6), Musanze (3) and Nyabihu (2) reported damage.",  # no word says what the figures count
    "Rubavu (6 dead), Musanze (3 injured) and Nyabihu (2).",  # two fields: not one toll
])
def test_find_breakdown_ignores_other_brackets(sentence):
    assert find_breakdown(sentence) is None


def test_breakdown_gives_each_place_its_own_event_and_the_total_its_country():
    text = ("Floods have killed at least 11 people in several districts of the country since Monday.\n\n"
            "The worst hit were the districts of Rubavu (6 deaths), Musanze (3) and Nyabihu (2).")
    assert places_and_counts(text) == [("Rwanda", "country", 11), ("Rubavu District", "region", 6),
                                       ("Musanze District", "region", 3), ("Nyabihu District", "region", 2)]
    assert {e.date for e in code_events(text, story_date=STORY_DATE)} == {"2031-04-28"}


def test_breakdown_replaces_the_mentions_of_its_own_sentence():
    text = ("Fighting killed 30 people across the region on Monday. "
            "Deaths were reported in Homs (12 dead), Hama (9) and Idlib (four).")
    found = places_and_counts(text)
    assert [count for _, _, count in found] == [30, 12, 9, 4]
    assert found[0][:2] == ("Syria", "country")


def test_breakdown_of_arrests_stays_on_arrests():
    found = places_and_counts("Police arrested 20 protesters on Monday, in Paris (12 arrested) and Lyon (3).",
                              field="arrested")
    assert found == [("France", "country", 20), ("Paris", "place", 12), ("Lyon", "place", 3)]


@pytest.mark.parametrize("text", [
    # the parts add up to more than the toll: not its breakdown
    "Floods have killed at least 11 people since Monday. The districts of Rubavu (6 deaths), Musanze (3) "
    "and Nyabihu (5) were the worst hit.",
    # no toll told before the list
    "Heavy rain fell on Monday. The districts of Rubavu (6 deaths), Musanze (3) and Nyabihu (2) were hit.",
])
def test_breakdown_needs_a_toll_it_can_split(text):
    assert all("District" not in name for name, _, _ in places_and_counts(text))


def test_figures_set_in_places_break_a_toll_down_without_brackets():
    text = ("The earthquake has killed at least 60 people, the civil defence agency said on Monday.\n\n"
            "It says 30 people have died in Lisbon, 20 in Porto, seven in Braga and three in Faro.")
    found = places_and_counts(text)
    assert [count for _, _, count in found] == [60, 30, 20, 7, 3]
    assert [name for name, _, _ in found][1:] == ["Lisbon", "Porto", "Braga", "Faro"]


def test_two_figures_in_places_are_no_breakdown():
    text = ("The earthquake has killed at least 60 people, the civil defence agency said on Monday.\n\n"
            "It says 30 people have died in Lisbon and 20 in Porto.")
    assert "Porto" not in [name for name, _, _ in places_and_counts(text)]  # a list needs three places
