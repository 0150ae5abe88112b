"""Places on pages nobody tuned for: words that are no places, spellings, same-named places
abroad, villages the gazetteer lacks. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from dateline.coding.places import PlaceContext, context_from_story, find_places, measure_km, resolve_place

SYRIA = PlaceContext(countries=("SY",))


def found_in(text: str, *, dateline: str | None = None, headline: str | None = None) -> dict[str, tuple]:
    context = context_from_story(text, dateline_place=dateline, headline=headline)
    return {text[start:end]: (place.country, place.admin1, place.precision, place.lat, place.lon)
            for start, end, place in find_places(text, context=context)}


# an acronym means a country only in capitals; wire agencies and page labels are no towns
@pytest.mark.parametrize("text", [
    "Car bomb kills 14 in northern city",
    "March 3 (Xinhua) -- Officials said the storm had passed.",
    "A driver fled after the crash, Anadolu reported.",
    "Police: Man\u2019s vehicle stolen from a driveway overnight",  # "Man." is a province only with its stop
    "Po\u00adlice said the man was found in a field.",  # a soft hyphen splits no word into a town
])
def test_words_that_are_no_places_resolve_to_nothing(text):
    assert found_in(text) == {}


def test_a_wire_agency_in_a_dateline_is_no_place_though_the_city_is():
    assert set(found_in("BEIJING, March 3 (Xinhua) -- Officials said the storm had passed.")) == {"BEIJING"}


def test_an_acronym_written_in_capitals_is_still_the_country():
    place = resolve_place("CAR")
    assert place is not None and (place.country, place.precision) == ("CF", "country")
    assert resolve_place("Car") is None


@pytest.mark.parametrize(("name", "point"), [
    ("Raqa", (35.95, 39.01)),  # Raqqa, spelt with one q
    ("Azaz", (36.59, 37.05)),  # GeoNames spells it I'zaz
    ("Deir Ezzor", (35.34, 40.14)),  # Deir ez-Zor
])
def test_a_spelling_the_gazetteer_lacks_finds_the_place_spelt_alike(name, point):
    place = resolve_place(name, context=SYRIA)
    assert place is not None and place.country == "SY", place
    assert measure_km(place.lat, place.lon, *point) <= 30, place


@pytest.mark.parametrize(("name", "country"), [
    ("Democratic Republic of Congo", "CD"),
    ("Republic of Congo", "CG"),
    ("DR Congo", "CD"),
])
def test_both_congos_are_told_apart_by_name(name, country):
    place = resolve_place(name)
    assert place is not None and (place.country, place.precision) == (country, "country")


@pytest.mark.parametrize(("text", "country"), [
    ("Floods killed 12 people in Congo on Monday, officials in Brazzaville said.", "CG"),
    ("Floods killed 12 people in Congo on Monday, officials in Kinshasa said.", "CD"),
])
def test_congo_is_the_one_whose_towns_the_story_names(text, country):
    assert found_in(text)["Congo"][0] == country


# a US local story: a car, a dog breed or an ethnicity that names a town abroad is none
@pytest.mark.parametrize(("text", "absent"), [
    ("Akron police said the shooter fled in a silver Toyota. The family dog, an Akita, was not hurt. "
     "The victim, a 29-year-old Latina, died at the scene, the county coroner's office said.",
     {"Toyota", "Akita", "Latina"}),
    ("Deputies from the Falcon Division went to the house in Colorado Springs, Colo., and found the man "
     "dead. His brother was taken to St. Elizabeth Hospital.", {"Falcon Division", "St. Elizabeth"}),
    ("Des Moines police said the man was shot in the parking lot of a Kum & Go store on the east side.",
     {"Kum"}),
])
def test_a_local_story_names_no_town_or_region_abroad_without_its_country(text, absent):
    found = found_in(text)
    assert all(found[name][0] == "US" for name in found), found
    assert not absent & set(found)


@pytest.mark.parametrize(("text", "name", "country"), [
    ("The man, of North Carolina, was flown to a hospital in Augusta.", "North Carolina", "US"),
    ("Fighting in North Kivu forced thousands to flee on Sunday.", "North Kivu", "CD"),
    ("Troops raided a camp in the West Bank on Monday.", "West Bank", "PS"),
    ("A bomb scare closed roads in Northern Ireland.", "Northern Ireland", "GB"),
])
def test_a_name_that_opens_with_a_compass_word_is_kept_whole(text, name, country):
    found = found_in(text)
    assert name in found and found[name][0] == country, found


def test_a_possessive_inside_a_run_splits_it_into_the_country_and_the_place():
    found = found_in("Soldiers died in an ambush in Burkina Faso's Gourma province on Sunday.")
    assert found["Gourma province"][:3] == ("BF", "08", "region")
    assert found["Burkina Faso's"][0] == "BF"


def test_a_village_is_the_one_inside_the_region_the_text_names_and_beside_the_towns_it_names():
    text = ("Soldiers raised a flag in the village of Blahodatne in the eastern Donetsk region. "
            "The brigade also took Urozhaine.")
    place = found_in(text)["Blahodatne"]
    assert place[:3] == ("UA", "05", "place")
    assert measure_km(place[3], place[4], 47.70, 37.42) <= 20  # the Blahodatne beside Urozhaine


def test_a_village_not_in_the_region_the_text_names_gives_way_to_the_region():
    found = found_in("Shelling hit the village of Blahodatne in the Kharkiv region on Monday.")
    assert "Blahodatne" not in found  # no Blahodatne lies in the Kharkiv region
    assert found["Kharkiv region"][:3] == ("UA", "07", "region")


def test_forces_named_by_a_demonym_do_not_make_their_country_the_place():
    found = found_in("Russian forces captured Bakhmut on Saturday after months of fighting.")
    assert found["Bakhmut"][:3] == ("UA", "05", "place")


def test_georgia_is_the_state_when_the_story_towns_all_lie_in_it():
    text = ("A man shot his neighbour during an argument in Georgia on Sunday, Glynn County police said. "
            "Officers found him at an apartment in Brunswick.")
    found = found_in(text)
    assert found["Georgia"][:3] == ("US", "GA", "region")
    assert found["Brunswick"][:2] == ("US", "GA")
    abroad = found_in("Protesters marched in Georgia on Sunday against the law, police in Tbilisi said.")
    assert abroad["Georgia"][0] == "GE"


@pytest.mark.parametrize(("text", "absent"), [
    # "Maurice" is Mauritius in French, "Adams" a hamlet in New York: here people's names
    ("PHILADELPHIA - A boy was shot in Kensington on Monday. Maurice got up from the couch when the "
     "shots rang out, police said. Maurice Phillips, 9, was hurt.", "Maurice"),
    ("A man was shot dead in Brooklyn on Sunday. Adams said the city would add patrols after Borough "
     "President Eric Adams visited the block.", "Adams"),
])
def test_a_name_the_text_gives_a_person_is_no_country_or_hamlet(text, absent):
    found = found_in(text)
    assert absent not in found and all(place[0] == "US" for place in found.values()), found


def test_a_town_that_opens_an_office_name_is_still_the_town():
    text = ("A woman was found dead in her Baytown home on Tuesday, police said. Anyone with information "
            "may call Baytown Crime Stoppers.")
    assert found_in(text, dateline="BAYTOWN, Texas")["Baytown"][:2] == ("US", "TX")


@pytest.mark.parametrize(("name", "expected"), [
    ("Dagestan", ("RU", "17", "region")),  # "Dagestan, Respublika" in the tables
    ("Khorasan Razavi province", ("IR", "42", "region")),  # Razavi Khorasan, words the other way round
    ("Kursk", ("RU", "41", "place")),  # a bare name is the city, not the region named after it
])
def test_a_state_is_found_by_its_bare_name_or_its_words_reversed(name, expected):
    place = resolve_place(name)
    assert place is not None and (place.country, place.admin1, place.precision) == expected, place


def test_a_day_written_right_after_a_town_is_no_part_of_its_name():
    found = found_in("A man shot at officers outside a mall in Gastonia Monday, police said.")
    assert found["Gastonia"][:2] == ("US", "NC")


def test_an_alias_unlike_a_state_name_is_no_bare_name_of_it():
    assert resolve_place("First") is None  # "First Governorate" is an alias of Aden, Yemen


LANDMARK_CITIES = [
    # a big city the story names without its country backs the small towns around it, though the
    # only country the story names is a neighbour across the border
    ("Police in Cusco said a crowd from Bolivia blocked the road at Urubamba.", "Urubamba", "PE"),
    ("Officials in Tucson said migrants from Mexico were found near Sahuarita.", "Sahuarita", "US"),
]


@pytest.mark.parametrize(("text", "name", "country"), LANDMARK_CITIES, ids=[row[1] for row in LANDMARK_CITIES])
def test_a_small_town_beside_a_big_city_of_the_story_is_taken(text, name, country):
    assert found_in(text)[name][0] == country


@pytest.mark.parametrize("text", [
    "Officials in Tucson said migrants from Mexico were found near Kingman.",  # far from Tucson
    "Police in Cusco said a crowd from Bolivia was held in Chachapoyas.",
    "Officials in Bolivia said a crowd was held in Urubamba.",  # no big city of Peru near by
])
def test_a_small_town_far_from_every_backed_or_big_place_is_still_refused(text):
    assert not set(found_in(text)) & {"Kingman", "Chachapoyas", "Urubamba"}


@pytest.mark.parametrize(("text", "unit", "country"), [
    # a unit below a state named by its town and a unit word in any of its spellings: the unit, at that town
    ("Gunmen killed five farmers in Bokkos Local Government Area of Plateau State on Monday.",
     "Bokkos Local Government Area", "NG"),
    ("Gunmen killed five farmers in Bokkos local government area of Plateau State on Monday.",
     "Bokkos local government area", "NG"),
    ("Gunmen attacked a market in Gwoza LGA, Borno State, on Monday.", "Gwoza LGA", "NG"),
    ("Troops entered Kolasib Sub-Division on Monday.", "Kolasib Sub-Division", "IN"),
    ("Floods hit villages in Jhelum Tehsil, Pakistan.", "Jhelum Tehsil", "PK"),
])
def test_a_town_with_a_unit_word_is_that_unit(text, unit, country):
    found = found_in(text)
    assert found[unit][0] == country and found[unit][2] == "region"


def test_a_unit_of_a_state_is_the_unit_and_the_state():
    found = found_in("Gunmen killed five farmers in Bokkos Local Government Area of Plateau State on Monday.")
    assert found["Plateau State"][:3] == found["Bokkos Local Government Area"][:2] + ("region",)
