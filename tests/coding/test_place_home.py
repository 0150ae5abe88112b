"""The state a local story is set in, and the names local news uses that are no places.

Hand-written sentences in the manner of US local news: the story seldom names its state,
so the state that explains most of its names is its home, and its towns resolve there.
"""
from __future__ import annotations

import pytest

from dateline.coding.events.scenes import scene_places
from dateline.coding.places import context_from_story, find_places, resolve_place

# text, dateline, the home state the story's names point to
HOMES = [
    # a small town, its county and the big city nearby agree; the state named after a far town is not home
    ("Deputies said a Uniontown teenager was held in the Fayette County Jail. The victim, 18, of Pittsburgh, "
     "was flown to a hospital in Morgantown, W.Va.", None, ("US", "PA")),
    # a county found in two states and a town found in five: only one state has both
    ("A toddler was shot at a home in Paulding County on Tuesday, sheriff's deputies said. "
     "The boy lived in Dallas with his parents.", None, ("US", "GA")),
    # a bare dateline counts double
    ("Lake County officials said the boy was shot near St. Ignatius.", "RONAN", ("US", "MT")),
    # a town found in one state only
    ("Police in Littlestown said the Adams County coroner ruled the death a homicide.", None, ("US", "PA")),
    # a state agency named for an ambiguous state, and a hospital in one of its towns
    ("A child died in Jefferson on Sunday, the Georgia Bureau of Investigation said. "
     "The child was taken to Athens Regional Medical Center.", "JEFFERSON", ("US", "GA")),
    # a big city outweighs a hamlet of the same name; a street name does not vote
    ("Detroit police said the girl was shot at a home in the 19700 block of Oakfield. "
     "The Wayne County prosecutor filed charges.", None, ("US", "MI")),
    # the big city a small town is measured from
    ("The Yuma County sheriff said the students left Yuma High School for lunch. "
     "The farming town sits 150 miles northeast of Denver.", None, ("US", "CO")),
    # a name after "of" is a place even when a person's name opens the run
    ("A boy was shot by his grandfather, Herbert Harr of Indianapolis, in Campbellsburg.", None, ("US", "IN")),
]


@pytest.mark.parametrize(("text", "dateline", "home"), HOMES, ids=[row[0][:40] for row in HOMES])
def test_the_state_that_explains_the_story_names_is_its_home(text, dateline, home):
    context = context_from_story(text, dateline_place=dateline)
    assert context.home == home
    assert "US" in context.countries


def test_towns_resolve_in_the_home_state_not_at_a_bigger_namesake():
    text = ("A child died in Jefferson on Sunday, the Georgia Bureau of Investigation said. "
            "Jefferson police are investigating.")
    found = [place for _, _, place in find_places(text, context=context_from_story(text))]
    towns = [place for place in found if place.precision == "place"]
    assert towns and all((place.country, place.admin1) == ("US", "GA") for place in towns), towns


def test_a_story_of_other_countries_keeps_its_foreign_cities():
    # Moscow and Odessa have namesakes in US states; a story of Russia and Ukraine has no US home
    text = ("MOSCOW (AP) — Russia fired missiles at Odessa, officials said. The U.S. State Department "
            "condemned the strike, and Moscow denied it.")
    context = context_from_story(text, dateline_place="MOSCOW")
    assert context.home is None
    found = {text[start:end]: place for start, end, place in find_places(text, context=context)}
    assert found["Odessa"].country == "UA" and found["Moscow"].country == "RU"


@pytest.mark.parametrize("text", ["Kherson was shelled overnight, Moscow said.",
                                  "Police in Durango found six bodies; gunmen had opened fire in Monterrey."])
def test_a_story_naming_no_country_is_not_set_in_a_state_with_small_namesakes(text):
    assert context_from_story(text).home is None


def test_a_country_named_like_a_state_is_the_state_in_a_us_local_story():
    text = "A 15-year-old Georgia boy was shot while fishing, Madison County sheriff's deputies said."
    context = context_from_story(text)
    assert context.home == ("US", "GA")
    georgia = resolve_place("Georgia", context=context)
    assert georgia is not None and (georgia.country, georgia.admin1) == ("US", "GA")


# text, names that must be found (name -> country, admin1), names that must not be places
FOUND = [
    ("St. Louis police said the girl was shot in a St. Louis home.", {"St. Louis": ("US", "MO")}, set()),
    ("The shooting near Yuma High School was reported by The Denver Post on Monday.",
     {"Yuma": ("US", None)}, {"Denver"}),
    ("Police said the car stopped at 9th Street and Locust Avenue. It turned onto Locust and sped off.",
     {}, {"Locust"}),
    ("A man was shot at Pershing Court Manor, police said.", {}, {"Pershing"}),
    ("Officers closed Northwest 12th Avenue after the shooting in Miami.", {"Miami": ("US", "FL")}, {"Northwest"}),
]


@pytest.mark.parametrize(("text", "expected", "absent"), FOUND, ids=[row[0][:40] for row in FOUND])
def test_offices_outlets_streets_and_compass_words_are_read_as_local_news_writes_them(text, expected, absent):
    found = {text[start:end]: place for start, end, place in find_places(text, context=context_from_story(text))}
    for name, (country, admin1) in expected.items():
        assert name in found and found[name].country == country, (name, found)
        assert admin1 is None or found[name].admin1 == admin1, (name, found[name])
    assert not absent & set(found), sorted(found)


def test_words_that_look_like_state_abbreviations_or_demonyms_set_no_context():
    context = context_from_story("\"I'll miss him,\" said Lt. Aaron Turk of the sheriff's office.")
    assert ("US", "IL") not in context.admin1
    assert "TR" not in context.countries


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Fighting near Goma in eastern Congo killed 12 people, officials in Kinshasa said.", "CD"),
        ("Floods hit the capital of the Republic of the Congo overnight.", "CG"),
        ("In the Republic of Congo, floods hit Brazzaville.", "CG"),
    ],
)
def test_congo_is_the_drc_unless_the_republic_is_named(text, country):
    found = [place for _, _, place in find_places(text, context=context_from_story(text))]
    congo = [place for place in found if "Congo" in place.name]
    assert congo and congo[0].country == country and congo[0].precision == "country", found


@pytest.mark.parametrize(
    ("sentence", "scene"),
    [
        ("Dronald Smith was shot in Labadieville and flown to a hospital in Baton Rouge.", "Labadieville"),
        ("The boy was shot in Uniontown and taken to Ruby Memorial Medical Center in Morgantown.", "Uniontown"),
        ("John Doe, 18, of Pittsburgh, was shot in Uniontown on Wednesday.", "Uniontown"),
    ],
)
def test_the_town_of_the_hospital_or_of_the_victims_home_is_no_scene(sentence, scene):
    context = context_from_story(sentence + " Sheriff's deputies and the county coroner are investigating.")
    places = find_places(sentence, context=context)
    scenes = [sentence[start:end] for start, end, _ in scene_places(sentence, places, 0, len(sentence))]
    assert scenes == [scene]
