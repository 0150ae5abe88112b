"""Looking actors up: phrases of our own, as news writes them, to the actor an analyst would code."""
from __future__ import annotations

import pytest

from dateline.actors import find_actor, find_demonym, get_actor, match_actors


def first_match(text: str):
    found = match_actors(text)
    assert found, f"no actor in {text!r}"
    return found[0]


@pytest.mark.parametrize(("text", "name", "kind", "country", "said"), [
    ("Russian forces shelled the port overnight", "Military Forces of Russia", "state_forces", "RU", "Russian forces"),
    ("the Israeli military said it struck", "Military Forces of Israel", "state_forces", "IL", "Israeli military"),
    ("Nigerian troops repelled the raid", "Military Forces of Nigeria", "state_forces", "NG", "Nigerian troops"),
    ("Kenyan police fired tear gas", "Police Forces of Kenya", "state_forces", "KE", "Kenyan police"),
    ("an RSF drone strike on a market", "Rapid Support Forces", "rebels", "SD", "RSF"),
    ("ISWAP fighters overran a base", "Islamic State West Africa Province", "rebels", None, "ISWAP fighters"),
    ("suspected al-Shabab militants ambushed a convoy", "al-Shabaab", "rebels", "SO", "al-Shabab militants"),
    ("unidentified gunmen opened fire on a bus", "unidentified gunmen", "political_militia", None,
     "unidentified gunmen"),
    ("Fulani herders attacked the village", "Fulani ethnic militia", "identity_militia", None, "Fulani herders"),
    ("Houthi rebels launched a missile at a ship", "Houthis", "rebels", "YE", "Houthi rebels"),
    ("the Pentagon said two soldiers were hurt", "Military Forces of the United States", "state_forces", "US",
     "Pentagon"),
    ("Moscow's troops advanced on the town", "Military Forces of Russia", "state_forces", "RU", "Moscow's troops"),
    ("Russia's Defence Ministry said air defences downed drones", "Military Forces of Russia", "state_forces", "RU",
     "Russia's Defence Ministry"),
    ("Ukrainian drones struck an oil depot", "Military Forces of Ukraine", "state_forces", "UA", "Ukrainian drones"),
    ("Russian air defence intercepted 12 drones", "Military Forces of Russia", "state_forces", "RU",
     "Russian air defence"),
    ("an Islamic State affiliate in Afghanistan said its men", "Islamic State Khorasan Province", "rebels", None,
     "Islamic State affiliate in Afghanistan"),
    ("IS-K gunmen stormed the hall", "Islamic State Khorasan Province", "rebels", None, "IS-K gunmen"),
    ("Hamas's armed wing fired rockets", "Qassam Brigades", "rebels", "PS", "Hamas's armed wing"),
    ("the IDF said it killed a commander", "Military Forces of Israel", "state_forces", "IL", "IDF"),
    ("Myanmar junta airstrikes hit a school", "Military Forces of Myanmar", "state_forces", "MM", "Myanmar junta"),
    ("Wagner mercenaries and Malian soldiers", "Wagner Group", "external_other", "RU", "Wagner mercenaries"),
    ("the Jalisco New Generation Cartel (CJNG)", "Jalisco New Generation Cartel", "political_militia", "MX",
     "Jalisco New Generation Cartel"),
    ("Gran Grif gang members burned homes", "Gran Grif", "political_militia", "HT", "Gran Grif gang members"),
    ("bandits abducted 30 pupils", "bandits", "political_militia", None, "bandits"),
    ("protesters marched on parliament", "protesters", "protesters", None, "protesters"),
    ("a mob set the station on fire", "rioters", "rioters", None, "mob"),
    ("worshippers were leaving the mosque", "civilians", "civilians", None, "worshippers"),
    ("Tsahal troops entered the camp", "Military Forces of Israel", "state_forces", "IL", "Tsahal troops"),
    ("the Tatmadaw shelled the village", "Military Forces of Myanmar", "state_forces", "MM", "Tatmadaw"),
])
def test_a_phrase_names_the_actor_an_analyst_would_code(text, name, kind, country, said) -> None:
    found = first_match(text)
    assert (found.actor.name, found.actor.kind, found.country, found.text) == (name, kind, country, said)
    assert text[found.start:found.end] == said


@pytest.mark.parametrize(("text", "name"), [
    ("South Sudanese troops crossed the border", "Military Forces of South Sudan"),  # not Sudan's
    ("the Islamic State Khorasan Province said", "Islamic State Khorasan Province"),  # not the core group
    ("the Pakistani Taliban claimed the bombing", "Tehreek-e-Taliban Pakistan"),  # not the Afghan Taliban
    ("Guinea-Bissau soldiers", "Military Forces of Guinea-Bissau"),  # not Guinea's
])
def test_the_longest_alias_wins(text, name) -> None:
    assert first_match(text).actor.name == name


@pytest.mark.parametrize(("text", "wanted"), [
    ("AA fighters seized the town", "Arakan Army"),
    ("the PDF ambushed a convoy", "People's Defence Force"),
    ("KIA troops", "Kachin Independence Army"),
    ("ADF rebels killed 40 people", "Allied Democratic Forces"),
    ("SAF warplanes bombed the market", "Military Forces of Sudan"),
])
def test_acronyms_match_as_written(text, wanted) -> None:
    assert first_match(text).actor.name == wanted


@pytest.mark.parametrize("text", [
    "an aa battery", "download the pdf", "a kia sedan", "it is what it is", "saf", "told us forces were near",
    "Is it over?",
])
def test_acronyms_in_lower_case_are_ordinary_words(text) -> None:
    assert match_actors(text) == []


def test_case_accents_and_punctuation_do_not_matter_in_names() -> None:
    for text in ["AL-SHABAAB fighters", "Al Shabaab", "al-Shabaab", "Hay'at Tahrir al-Sham", "HAYAT TAHRIR AL SHAM",
                 "Cártel de Jalisco Nueva Generación", "Cartel de Jalisco Nueva Generacion"]:
        assert first_match(text).actor.kind in {"rebels", "political_militia"}, text
    assert find_actor("U.S. forces") is find_actor("US forces") is get_actor("Military Forces of the United States")


def test_a_generic_actor_takes_the_country_of_the_demonym_before_it() -> None:
    found = first_match("Palestinian civilians sheltering in a school")
    assert (found.actor.name, found.country) == ("civilians", "PS")
    assert first_match("South Sudanese civilians").country == "SS"
    assert first_match("Kenyan protesters blocked the road").country == "KE"
    assert first_match("civilians fled").country is None
    assert first_match("a Russian, civilians").country is None  # not written together


def test_every_actor_in_a_sentence_in_order() -> None:
    text = "Russian forces and Wagner fighters attacked Ukrainian troops while civilians fled."
    found = match_actors(text)
    assert [m.actor.name for m in found] == ["Military Forces of Russia", "Wagner Group",
                                             "Military Forces of Ukraine", "civilians"]
    assert [m.text for m in found] == ["Russian forces", "Wagner fighters", "Ukrainian troops", "civilians"]


def test_a_shared_alias_goes_to_the_actor_of_the_story_country() -> None:
    assert find_actor("SNA", countries=["SO"]).name == "Military Forces of Somalia"
    assert find_actor("SNA", countries=["SY"]).name == "Syrian National Army"
    found = match_actors("al-Shabab insurgents raided Mocimboa da Praia", countries=["MZ"])[0]
    assert found.actor.name == "Islamic State Mozambique Province"
    assert {a.name for a in found.candidates} == {"al-Shabaab", "Islamic State Mozambique Province"}
    assert match_actors("al-Shabab insurgents raided a base")[0].actor.name == "al-Shabaab"


def test_exact_lookups() -> None:
    assert find_actor("RSF").name == "Rapid Support Forces"
    assert find_actor("the Kremlin").name == "Government of Russia"
    assert find_actor("Rapid Support Forces fighters") is None  # the whole text must be an alias
    assert find_actor("nobody in particular") is None
    assert get_actor("rapid support forces").country == "SD"
    assert get_actor("Taliban").kind == "state_forces"  # Afghanistan's rulers since 2021
    assert get_actor("Tehreek-e-Taliban Pakistan").kind == "rebels"


@pytest.mark.parametrize(("word", "country"), [
    ("Russian", "RU"), ("Ukrainian", "UA"), ("Russians", "RU"), ("Israelis", "IL"), ("South Sudanese", "SS"),
    ("Sudanese", "SD"), ("Filipino", "PH"), ("Nigerien", "NE"), ("Nigerian", "NG"), ("Burkinabè", "BF"),
    ("Swiss", "CH"), ("U.S.", "US"), ("Congolese", "CD"),
])
def test_a_demonym_gives_its_country(word, country) -> None:
    assert find_demonym(word) == country


@pytest.mark.parametrize("word", ["Russia", "Martian", "Korean", "", "forces"])
def test_a_word_that_is_not_a_demonym_gives_no_country(word) -> None:
    assert find_demonym(word) is None


def test_kinds_follow_acleds_rules() -> None:
    assert get_actor("unidentified gunmen").kind == "political_militia"  # unnamed armed men
    assert get_actor("herders").kind == "identity_militia"
    assert get_actor("communal militia").kind == "identity_militia"
    assert get_actor("Wagner Group").kind == "external_other" and get_actor("Wagner Group").country == "RU"
    assert get_actor("US-led coalition").country == "US"  # foreign forces keep their own country
    assert get_actor("Jalisco New Generation Cartel").kind == "political_militia"
    assert get_actor("CODECO").kind == "identity_militia"
    assert get_actor("civilians").inter == 7 and get_actor("Military Forces of Russia").inter == 1


@pytest.mark.parametrize(("text", "wanted"), [
    ("the White House said", "Government of the United States"),
    ("a small white house on the corner", None),  # a proper name must be capitalised
    ("Wagner fighters", "Wagner Group"),
    ("a wagner opera", None),
])
def test_capitalised_names_must_be_capitalised(text, wanted) -> None:
    found = match_actors(text)
    assert (found[0].actor.name if found else None) == wanted


@pytest.mark.parametrize("text", [
    "DEPUTIES SAY THE BRIDGE IS CLOSED UNTIL MORNING",  # a transcript in capitals: IS is a word
    "OCALA, FLA. (WKRX) - Deputies and ambulance teams",
])
def test_acronyms_are_not_taken_from_text_in_capitals(text) -> None:
    assert [m.actor.name for m in match_actors(text) if m.actor.kind != "state_forces"] == []


def test_an_alias_does_not_run_across_a_clause_break() -> None:
    assert first_match("Mali: Armed forces say 60 were killed").actor.name == "security forces"
    assert first_match("ROSWELL, New Mexico - Police detained three").actor.name == "police"
    assert first_match("Islamic State-Khorasan claimed").actor.name == "Islamic State Khorasan Province"
    assert first_match("Tehreek–e–Taliban Pakistan (TTP)").text == "Tehreek–e–Taliban Pakistan"
    assert first_match("the Kremlin's forces struck").actor.name == "Military Forces of Russia"
