"""Who did it, to whom: each event's actor and target as the coder reads them from the parse,
sentences of our own, each asserting the (type, actor, target) of every core event."""
from __future__ import annotations

import pytest

from dateline.coding import code_events
from dateline.models import Event, Party
from dateline.nlp.analysis import parse_story
from dateline.nlp.parse import read_parse

STORY_DATE = "2031-06-12"


def code(nlp, text: str) -> list[Event]:
    """The story's core events, coded from its parse as the pipeline codes them."""
    doc = parse_story(text, nlp=nlp)
    sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]
    return [e for e in code_events(text, sentences=sentences, story_date=STORY_DATE, parse=read_parse(doc)) if e.core]


def describe(party: Party | None) -> tuple[str, str, str | None] | None:
    return (party.name, party.kind, party.country) if party is not None else None


def parties(nlp, text: str) -> list[tuple]:
    return [(e.type, describe(e.actor), describe(e.target)) for e in code(nlp, text)]


RUSSIA = ("Military Forces of Russia", "state_forces", "RU")
UKRAINE = ("Military Forces of Ukraine", "state_forces", "UA")

CASES = [
    ("the subject of an active verb",
     "Boko Haram militants killed 14 farmers in the village of Kirawa in Borno State on Tuesday.",
     [("attack", ("Boko Haram", "rebels", None), ("civilians", "civilians", "NG"))]),
    ("the 'by' phrase of a passive",
     "Six traders were shot dead by al-Shabaab militants in Lamu on Monday.",
     [("attack", ("al-Shabaab", "rebels", "SO"), ("civilians", "civilians", "KE"))]),
    ("the possessor of a nominal trigger",
     "Russia's missile strike on Kharkiv on Sunday killed four people.",
     [("missile_artillery", RUSSIA, ("civilians", "civilians", "UA"))]),
    ("a name before a nominal trigger",
     "An RSF drone strike hit a market in Omdurman on Friday, killing nine people.",
     [("air_drone_strike", ("Rapid Support Forces", "rebels", "SD"), ("civilians", "civilians", "SD"))]),
    ("a demonym before a nominal trigger; forces at war abroad stay state forces",
     "Israeli airstrikes killed 20 people in Gaza City on Wednesday.",
     [("air_drone_strike", ("Military Forces of Israel", "state_forces", "IL"), ("civilians", "civilians", "PS"))]),
    ("foreign forces in a war not their own are external forces",
     "A U.S. drone strike killed two al-Shabaab commanders near Jilib on Thursday.",
     [("air_drone_strike", ("Military Forces of the United States", "external_other", "US"),
       ("al-Shabaab", "rebels", "SO"))]),
    ("a country as the subject stands for its forces; a city hit for its people",
     "Russia fired ballistic missiles at Zaporizhzhia on Monday, injuring 11 people.",
     [("missile_artillery", RUSSIA, ("civilians", "civilians", "UA"))]),
    ("a place is never an actor",
     "Kramatorsk was hit by shelling on Monday that killed two people.",
     [("missile_artillery", None, ("civilians", "civilians", "UA"))]),
    ("'the paramilitary' is the group the story named",
     "The Rapid Support Forces have besieged the city for months. On Sunday the paramilitary shelled "
     "a market in Khartoum, killing five people.",
     [("missile_artillery", ("Rapid Support Forces", "rebels", "SD"), ("civilians", "civilians", "SD"))]),
    ("unnamed gunmen are a political militia",
     "Gunmen killed five people at a bar in Celaya on Saturday.",
     [("attack", ("unidentified gunmen", "political_militia", None), ("civilians", "civilians", "MX"))]),
    ("herders are an identity militia",
     "Armed herders attacked a farming village in Plateau State on Sunday, killing 30 residents.",
     [("attack", ("herders", "identity_militia", "NG"), ("civilians", "civilians", "NG"))]),
    ("an unknown named group keeps its name, its kind from its role words",
     "Fighters of the Kawthoolei Liberation Front ambushed an army convoy near Myawaddy on Tuesday.",
     [("armed_clash", ("Kawthoolei Liberation Front", "rebels", "MM"),
       ("Military Forces of Myanmar", "state_forces", "MM"))]),
    ("a claim of responsibility names the doer of the attack",
     "Gunmen attacked a church in Owo on Sunday, killing 40 worshippers. ISWAP claimed responsibility for "
     "the attack on Monday.",
     [("attack", ("Islamic State West Africa Province", "rebels", None), ("civilians", "civilians", "NG"))]),
    ("a claim outweighs a doer that a later mention of another act brought when it joined the event",
     "A car bomb went off near a police patrol in Kismayo on Thursday, killing four people. Al-Shabaab claimed "
     "responsibility for the attack. Thursday's bombing came a week after a U.S. airstrike killed an al-Shabaab "
     "commander.",
     [("bombing", ("al-Shabaab", "rebels", "SO"), ("Police Forces of Somalia", "state_forces", "SO"))]),
    ("a demonym inside a participle adjective ('U.S.-trained') names no doer of the trigger",
     "A suicide bomber blew himself up near a convoy of Somalia's U.S.-trained commandos in Kismayo on "
     "Thursday, killing four people.",
     [("bombing", ("unidentified gunmen", "political_militia", None),
       ("Military Forces of Somalia", "state_forces", "SO"))]),
    ("the forces a bomber struck near are the target, the people killed its victims",
     "A suicide car bomber detonated his vehicle near a convoy of Somali soldiers outside Kismayo, killing four "
     "people, police said on Thursday.",
     [("attack", ("unidentified armed group", "political_militia", None),
       ("Military Forces of Somalia", "state_forces", "SO"))]),
    ("a market struck near stands for its people",
     "A suicide car bomber detonated his vehicle near a busy market outside Kismayo, killing four people, police "
     "said on Thursday.",
     [("attack", ("unidentified armed group", "political_militia", None), ("civilians", "civilians", "SO"))]),
    ("the victims of a strike that killed a group's officer are that group",
     "A U.S. airstrike killed al-Shabaab's explosives chief near Kismayo on Tuesday.",
     [("air_drone_strike", ("Military Forces of the United States", "external_other", "US"),
       ("al-Shabaab", "rebels", "SO"))]),
    ("a base named by a body whose troops the dictionary knows stands for those troops",
     "Al-Shabaab gunmen attacked an African Union base near Kismayo on Thursday.",
     [("attack", ("al-Shabaab", "rebels", "SO"), ("African Union Mission in Somalia", "external_other", None))]),
    ("a building named by no such body stands for its people",
     "Al-Shabaab gunmen attacked the Jubba Star Hotel in Kismayo on Thursday.",
     [("attack", ("al-Shabaab", "rebels", "SO"), ("civilians", "civilians", "SO"))]),
    ("an interception: the defenders and the side whose weapons they stopped",
     "Ukraine's air force said it shot down 40 Russian drones over the Kyiv region overnight on Sunday.",
     [("interception", UKRAINE, RUSSIA)]),
    ("ground lost: the subject lost it, the other side took it",
     "Russian forces have pushed on Kurakhove for months. Ukrainian troops withdrew from Kurakhove on Saturday.",
     [("territory_change", RUSSIA, UKRAINE)]),
    ("ground retaken: the subject took it back from the side that held it",
     "Russian forces have held Kupiansk since March. On Saturday Ukraine's army said its troops had retaken "
     "Kupiansk.",
     [("territory_change", UKRAINE, RUSSIA)]),
    ("people arrested at a protest are protesters",
     "Police arrested 40 students at a protest against new fees in Dhaka on Monday.",
     [("arrest", ("Police Forces of Bangladesh", "state_forces", "BD"), ("students", "protesters", "BD")),
      ("protest", ("protesters", "protesters", "BD"), ("Police Forces of Bangladesh", "state_forces", "BD"))]),
    ("a riot's crowd is the actor, the police it fought the target",
     "Police clashed with rioters in Nairobi on Tuesday after a disputed vote.",
     [("riot", ("rioters", "rioters", "KE"), ("Police Forces of Kenya", "state_forces", "KE"))]),
    ("a disaster has no actor; its victims are civilians",
     "An earthquake killed 12 people in Herat on Saturday.",
     [("disaster", None, ("civilians", "civilians", "AF"))]),
    ("one who gives himself up is taken by those he gives himself up to",
     "A 40-year-old trader turned himself in to the police in Mombasa on Friday.",
     [("arrest", ("Police Forces of Kenya", "state_forces", "KE"), ("civilians", "civilians", "KE"))]),
    ("one held for the story's attack is on the side of the group that did it",
     "Al-Shabaab gunmen killed six people at a bus stop in Lamu on Monday.\n\n"
     "Police said a suspect had been arrested in connection with the attack.",
     [("attack", ("al-Shabaab", "rebels", "SO"), ("civilians", "civilians", "KE")),
      ("arrest", ("Police Forces of Kenya", "state_forces", "KE"), ("al-Shabaab", "rebels", "SO"))]),
    ("the suspect of an attack whose doer the story does not name is of an unidentified armed group",
     "Soldiers detained the alleged perpetrator of a bombing that injured five people in Maiduguri in April.",
     [("arrest", ("Military Forces of Nigeria", "state_forces", "NG"),
       ("unidentified armed group", "political_militia", "NG")),
      ("bombing", ("unidentified armed group", "political_militia", None), ("civilians", "civilians", "NG"))]),
    ("'it said it ...' is the body that spoke before, not the last group named",
     "The Nigerian army said it had raided a camp in Maiduguri, a stronghold of Boko Haram militants.\n\n"
     "It said it had detained 9 people at the camp.",
     [("arrest", ("Military Forces of Nigeria", "state_forces", "NG"), ("people", "civilians", "NG"))]),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_actor_and_target_of_each_event(nlp, text: str, expected: list[tuple]) -> None:
    assert parties(nlp, text) == expected


def test_the_raw_mentions_stay_beside_the_coded_parties(nlp) -> None:
    [event] = code(nlp, "An RSF drone strike hit a market in Omdurman on Friday, killing nine people.")
    assert event.actors == ("RSF",) and "nine people" in event.targets
    text = "An RSF drone strike hit a market in Omdurman on Friday, killing nine people."
    assert event.actor is not None and event.actor.span is not None
    assert text[slice(*event.actor.span)] == "RSF"


def test_without_a_parse_the_type_still_gives_its_parties(nlp) -> None:
    [event] = [e for e in code_events("Police arrested 12 men in Nairobi on Monday.", story_date=STORY_DATE)
               if e.core]
    assert (event.type, describe(event.actor), describe(event.target)) == (
        "arrest", ("Police Forces of Kenya", "state_forces", "KE"), ("civilians", "civilians", "KE"))
