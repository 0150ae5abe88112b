"""Casualty counts read from one sentence: what a user sees in killed/injured/arrested."""
from __future__ import annotations

import json

import pytest

from dateline.coding.counts import Count, choose_count, describe_version, find_counts


def summarize(sentence: str) -> list[tuple[str, int, str | None]]:
    return [(count.field, count.value, count.qualifier) for count in find_counts(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # passive and intransitive clauses
        ("Officials said six people were killed when the shell hit the market.", [("killed", 6, None)]),
        ("At least 17 people have died since the cold snap began.", [("killed", 17, "at_least")]),
        ("Two brothers are dead after the shooting on Elm Street.", [("killed", 2, None)]),
        ("More than 400 injured were taken to hospitals across the province.", [("injured", 400, "more_than")]),
        ("Nearly 30 protesters were reportedly detained by riot police.", [("arrested", 30, "up_to")]),
        ("Four crew members are still missing, the coast guard said.", [("missing", 4, None)]),
        ("A 23-year-old man was shot and killed outside a gas station late Friday.", [("killed", 1, None)]),
        ("Five officers were fatally wounded in the ambush.", [("killed", 5, None)]),
        ("Two people were stabbed to death in the brawl.", [("killed", 2, None)]),
        ("A bystander suffered minor injuries, police said.", [("injured", 1, None)]),
        # object of an active verb
        ("Gunmen stormed the bus station, injuring 14 people.", [("injured", 14, None)]),
        ("Soldiers swept through the camp and killed eight herders, including three boys.", [("killed", 8, None)]),
        ("Police arrested a 19-year-old on Tuesday.", [("arrested", 1, None)]),
        ("The shelling has killed at least 44 people this week.", [("killed", 44, "at_least")]),
        ('The rocket killed "four people, among them two teachers, and wounded five others", the governor said.',
         [("killed", 4, None), ("injured", 5, None)]),
        # one clause, two fields
        ("A shell struck a bakery, killing three men and leaving 9 injured.",
         [("killed", 3, None), ("injured", 9, None)]),
        ("At least 23 people were killed and more than 250 injured when the dam gave way.",
         [("killed", 23, "at_least"), ("injured", 250, "more_than")]),
        ("Seven people died and 21 were injured after the bus fell.", [("killed", 7, None), ("injured", 21, None)]),
        ("Five people have died and 9 are missing after the cyclone.", [("killed", 5, None), ("missing", 9, None)]),
        # parts of a count are not added to it
        ("The attack left 9 killed, including 4 students.", [("killed", 9, None)]),
        ("Air raids killed at least 35 people, including nurses, pensioners and two teachers.",
         [("killed", 35, "at_least")]),
        ("Six people were killed along the coast, including one who was buried by a wall, and 31 were injured.",
         [("killed", 6, None), ("injured", 31, None)]),
        # sums of conjoined groups
        ("Border guards have detained three smugglers, all of them from the same town, and five other suspected "
         "couriers.", [("arrested", 8, None)]),
        ("Two women and three children were killed in the fire.", [("killed", 5, None)]),
        ("One driver and three soldiers were killed.", [("killed", 4, None)]),
        # a number written twice
        ("Eight other 8 people were wounded in the explosion.", [("injured", 8, None)]),
        # tolls and nouns
        ("The death toll rose to 31 on Sunday.", [("killed", 31, None)]),
        ("Flooding hit the district (7 fatalities) and the valley.", [("killed", 7, None)]),
        ("In the border towns, 3,200 were hospitalised.", [("injured", 3200, None)]),
        # zero
        ("No workers were injured in the blaze.", [("injured", 0, None)]),
        ("Firefighters said no injuries were reported.", [("injured", 0, None)]),
        ("Nobody was killed, the governor said.", [("killed", 0, None)]),
        ("The roof collapsed but there were no casualties.", [("killed", 0, None), ("injured", 0, None)]),
        # vague amounts (docs/counting.md)
        ("Dozens of people were killed in the clashes.", [("killed", 12, None)]),
        ("Hundreds were detained after the rally.", [("arrested", 100, None)]),
        ("Several people were injured in the stampede.", []),
        ("A dozen people were arrested at the checkpoint.", [("arrested", 12, "about")]),
        ("Hundreds of thousands of families were displaced and tens were killed.", [("killed", 10, None)]),
        ("Five fishermen lost their lives when the boat capsized.", [("killed", 5, None)]),
        # the dead whose bodies were found
        ("Soldiers found the burned bodies of what appear to be three women near the highway.", [("killed", 3, None)]),
        ("The bodies of at least 8 migrants were recovered from the beach.", [("killed", 8, "at_least")]),
        ("Divers pulled the remains of two fishermen from the lake.", [("killed", 2, None)]),
        # numbers that are not casualties
        ("The navy launched 120 rockets and 30 drones overnight, and 75 envoys attended the talks.", []),
        ("The ceasefire lasted 48 hours before the guns resumed.", []),
        ("A 14-year-old walked 10 kilometres to reach the camp.", []),
        ("The 22 year old cyclist hurt himself on the climb.", []),
        ("John Carter, 51, died Sunday at the county hospital.", [("killed", 1, None)]),  # one man, not 51
        ("A mother of three is dead after the crash.", [("killed", 1, None)]),  # one mother, not three
        ("Hundreds of displaced families sheltering at the school killed time playing cards.", []),
        ("In 2014 the town was shelled for months.", []),
        ("A crowd of hundreds of people gathered in the square.", []),
    ],
)
def test_find_counts_reads_casualty_figures(sentence: str, expected: list) -> None:
    assert summarize(sentence) == expected


def test_subject_of_an_active_verb_is_not_a_casualty_count() -> None:
    sentence = "A rocket hitting a stadium housing hundreds of evacuated families killed 19 people."
    assert summarize(sentence) == [("killed", 19, None)]


def test_spans_point_at_the_evidence_with_the_sentence_offset() -> None:
    sentence = "Rescuers said at least 26 people have died."
    (count,) = find_counts(sentence, offset=100)
    assert sentence[count.span[0] - 100 : count.span[1] - 100] == "at least 26 people have died"
    assert count.exact is False and count.rule == "passive"


def test_vague_amounts_are_marked_inexact() -> None:
    (count,) = find_counts("Dozens of people were killed.")
    assert count.value == 12 and count.exact is False


def test_choose_count_takes_the_lowest_figure_when_sources_differ() -> None:
    counts = find_counts("At least 9 people were killed.") + find_counts("Officials said 13 people were killed.")
    chosen = choose_count(counts, "killed")
    assert isinstance(chosen, Count) and chosen.value == 9
    assert choose_count(counts, "arrested") is None


def test_version_names_every_word_list() -> None:
    version = describe_version()
    assert version.startswith("counts-") and "count-words-" in version and "count-vague-" in version


def test_dev_gold_counts_do_not_fall_below_floor(shared_dir) -> None:
    """Ratchet: the counts of core gold events read back from their own evidence sentence."""
    right = total = 0
    for path in sorted((shared_dir / "dev").glob("*.gold.json")):
        for event in json.loads(path.read_text(encoding="utf-8")).get("events", []):
            if not event.get("core"):
                continue
            found = find_counts(event.get("evidence") or "")
            for field in ("killed", "injured", "arrested"):
                gold = event.get(field)
                if gold is None:
                    continue
                total += 1
                values = [count.value for count in found if count.field == field]
                right += gold in values or (gold == 0 and not values)
    assert total and right >= 22, f"{right}/{total} gold counts read back (floor 22)"


# One person as the subject of a casualty clause, as local news writes it.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The victim was pronounced dead at the scene shortly after midnight.", [("killed", 1, None)]),
        ("Darnell Okafor, 19, died Sunday at a trauma center.", [("killed", 1, None)]),
        ("Okafor was pronounced dead at 3:40 a.m., the coroner said.", [("killed", 1, None)]),
        ("The boy was rushed to the hospital, where he was later pronounced dead.", [("killed", 1, None)]),
        ("The 4-year-old was killed when a round came through the wall.", [("killed", 1, None)]),
        # the name's age and home town set off by commas
        ("Darnell Okafor, 19, of North Tulsa, was shot and killed late Saturday.", [("killed", 1, None)]),
        ("Darnell Okafor, of Tulsa, died at the scene.", [("killed", 1, None)]),
        ("She was wounded in the arm and is expected to recover.", [("injured", 1, None)]),
        # an active verb with an object: the subject is the shooter, not a victim
        ("He killed his girlfriend in the parking lot, detectives said.", []),
        ("The man shot and killed his neighbour before fleeing.", []),
        # words that open a clause but name no one person
        ("Police were called to the apartment around 9 p.m.", []),
        ("Deputies were injured in the crash, the sheriff said.", []),
    ],
)
def test_one_person_named_as_the_subject_counts_one(sentence: str, expected: list) -> None:
    assert summarize(sentence) == expected


# Local news on gun violence: who was hit, who died, who is in hospital.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "was shot" with no death: one injured
        ("A 31-year-old woman was shot in the hip outside a laundromat on Pine Street.", [("injured", 1, None)]),
        ("A teenager was shot twice and taken to a trauma center by private car.", [("injured", 1, None)]),
        ("Two men were shot near the bus depot late Saturday.", [("injured", 2, None)]),
        ("Officers said the driver was shot in the shoulder and is in stable condition.", [("injured", 1, None)]),
        ("He suffered a gunshot wound to the thigh, deputies said.", [("injured", 1, None)]),
        ("The shooting left a man in critical condition at a downtown hospital.", [("injured", 1, None)]),
        ("She was listed in serious condition Tuesday night.", [("injured", 1, None)]),
        ("The gunman robbed and shot a pizza delivery driver on Oak Avenue.", [("injured", 1, None)]),
        ("Gunfire on Maple Court left one man with non-life-threatening injuries.", [("injured", 1, None)]),
        ("The boy received minor injuries from broken glass.", [("injured", 1, None)]),
        ("The fire left the family with no injuries but nowhere to live.", [("injured", 0, None)]),
        # "shot" that ends in a death: killed only
        ("A 44-year-old man was shot and killed on the porch of his home.", [("killed", 1, None)]),
        ("A bystander was shot in the neck and later died at the hospital.", [("killed", 1, None)]),
        ("The suspect fatally shot a store clerk during the holdup.", [("killed", 1, None)]),
        ("A man and a woman were shot on their doorstep; the man died where he fell.",
         [("injured", 1, None), ("killed", 1, None)]),
        # a victim named with an apposition or an age in front
        ("Marcus Delane Pryor, a 27-year-old father of two, died Friday after being shot.", [("killed", 1, None)]),
        ("Investigators said 52-year-old Alma Ruiz was found shot to death in her kitchen.", [("killed", 1, None)]),
        ("Police say a man in his 30s was shot and killed behind a gas station.", [("killed", 1, None)]),
        # a headline glued to the first line ("...News.comA man was shot")
        ("Man killed on Route 9 | Channel 4 News.comA man was shot and killed late Friday.", [("killed", 1, None)]),
        # not a new count: the victim of a story already told, or shots that hit no one
        ("Neighbors heard an argument shortly before he was shot.", []),
        ("Detectives arrived after a man was shot on the corner.", []),
        ("Rivera was shot inside the garage where he worked.", []),
        ("The officer was shot at but not hit, the chief said.", []),
        ("Deputies shot 4 times at the fleeing truck.", []),
        ("Police would not describe his condition.", []),
    ],
)
def test_local_news_shootings_count_killed_and_injured(sentence: str, expected: list) -> None:
    assert summarize(sentence) == expected


def test_no_figure_reads_across_a_blank_line() -> None:
    # a station's number ends the heading; the text below starts with the same heading
    sentence = "Coroner names man fatally shot downtown | Channel 59\n\nCoroner names man fatally shot downtown"
    assert summarize(sentence) == []
    text = "Traffic update | Radio 88\n\nTwo people were killed on the bridge."
    (count,) = find_counts(text, offset=5)
    assert (count.field, count.value) == ("killed", 2)
    assert text[count.span[0] - 5 : count.span[1] - 5] == "Two people were killed"


# Local news: wounded and dead told apart in one sentence, lists set off by commas or dashes, care.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # those shot, then how many of them died: the dead are not also injured
        ("Three men were shot, one fatally, outside a bar on Elm Street.", [("injured", 2, None), ("killed", 1, None)]),
        ("Six people were shot, three of them fatally.", [("injured", 3, None), ("killed", 3, None)]),
        ("Three teenagers were shot, one of whom died in the ambulance.", [("injured", 2, None), ("killed", 1, None)]),
        ("Two men were shot and one died later.", [("injured", 1, None), ("killed", 1, None)]),
        # a later victim, one more: the fourth of four dead, or one more of another field
        ("Two were killed instantly and a third died of her wounds overnight.", [("killed", 3, None)]),
        ("Two guards were killed and a third was wounded.", [("killed", 2, None), ("injured", 1, None)]),
        ("One woman died on the road, and another was taken to hospital in critical condition.",
         [("killed", 1, None), ("injured", 1, None)]),
        ("He then shot the second man in the leg.", []),  # "the second man": one already told of
        # "shot ... to death" is a killing
        ("Attackers shot 7 people to death outside a church.", [("killed", 7, None)]),
        ("Gunmen shot two farmers dead on the road.", [("killed", 2, None)]),
        # the counted set off by commas or dashes: ages, a list, a part
        ("Two men, 19 and 23, were shot near the park.", [("injured", 2, None)]),
        ("Two people \u2014 a 64-year-old woman and her 9-year-old granddaughter \u2014 were injured in the strike.",
         [("injured", 2, None)]),
        ("Seven people, including three pensioners, were wounded.", [("injured", 7, None)]),
        ("A woman and her brother were injured when her rifle went off.", [("injured", 2, None)]),
        # taken to care: injured, unless the clause goes on to a death
        ("Four people were taken to hospital after the crash.", [("injured", 4, None)]),
        ("Both victims were transported to the hospital.", [("injured", 2, None)]),
        ("Two victims were treated at a local hospital and released.", [("injured", 2, None)]),
        ("The boy was rushed to the hospital, where he was later pronounced dead.", [("killed", 1, None)]),
        ("Patel was driven to a county hospital with a bullet wound in the stomach and later died.",
         [("killed", 1, None)]),
        ("He was taken to the hospital.", []),  # the victim the story already told of
        # where the counted belong, between the number and the clause's verb
        ("Two members of the family were killed in the blaze.", [("killed", 2, None)]),
        ("Four guards of a relief convoy sustained shrapnel injuries.", [("injured", 4, None)]),
        # a named victim set off by an apposition; the bodies found are the dead
        ("Inspector (CID) Ruth Achola, also from the district, was killed.", [("killed", 1, None)]),
        ("Twenty-two bodies have so far been recovered from the rubble.", [("killed", 22, None)]),
        ("Investigators found 6 bodies in a ditch.", [("killed", 6, None)]),
        ("Officials have not yet named the four bodies found in the warehouse.", []),  # the dead already counted
        # the dead a killing names
        ("The group mourned the killing of its commander in a drone strike.", [("killed", 1, None)]),
        ("She was charged in the shooting death of Tomas Varga, 36.", [("killed", 1, None)]),
        ("A quarrel ended in the murder of the farmer and his son.", [("killed", 2, None)]),
        ("Police said the shooting was a murder-suicide.", [("killed", 2, None)]),
        ("A woman accused in a lakeside double murder was refused bail.", [("killed", 2, None)]),
        ("The deaths of three people shocked the town.", [("killed", 3, None)]),
        ("The killing of farmers drew protests.", []),  # no number, no one person
        ("The death of democracy was mourned.", []),
    ],
)
def test_local_news_wounded_and_dead_in_one_sentence(sentence: str, expected: list) -> None:
    assert summarize(sentence) == expected


# One more, the Nth: an ordinal after "a" is one more even with a noun for a person.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two guards died at the gate, and a third guard died in hospital.", [("killed", 3, None)]),
        ("All three died on the road and a fourth victim died later in hospital.", [("killed", 4, None)]),
        ("Two guards were killed and a third guard was wounded.", [("killed", 2, None), ("injured", 1, None)]),
    ],
)
def test_an_ordinal_person_is_one_more(sentence: str, expected: list) -> None:
    assert summarize(sentence) == expected


# One person told by a singular noun, one body recovered: a count of one.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A doctor was killed on Tuesday outside the clinic.", [("killed", 1, None)]),
        ("A 40-year-old farmer was injured when the shell landed.", [("injured", 1, None)]),
        ("Divers recovered one body from the river on Monday.", [("killed", 1, None)]),
        ("A doctor said the wards were full.", []),
    ],
)
def test_one_person_or_one_body_counts_one(sentence: str, expected: list) -> None:
    assert summarize(sentence) == expected


# A toll with words of its own between it and its verb: the figure is still the toll.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The death toll from the fire that swept the market on Friday rose to 27.", [("killed", 27, None)]),
        ("Officials said the death toll has been raised to 61.", [("killed", 61, None)]),
        ("The injury toll from Sunday's blast climbed to 75.", [("injured", 75, None)]),
        ("The number of confirmed dead across the hill towns climbed to 14.", [("killed", 14, None)]),
        # not a toll: no toll word, or a comma breaks the phrase, or no verb that sets a toll
        ("The number of people who fled the town rose to 4,000.", []),
        ("The toll, officials said, rose to 12.", []),
    ],
)
def test_a_toll_with_a_modifier_is_still_the_toll(sentence: str, expected: list) -> None:
    assert summarize(sentence) == expected
