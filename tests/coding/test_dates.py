"""Event dates resolved against the story date: what a user sees in an event's date."""
from __future__ import annotations

import json
import re

import pytest

from dateline.coding.dates import describe_version, find_dates, resolve_date

THURSDAY = "2024-05-02"  # a Thursday
TUESDAY = "2024-04-02"


def first(sentence: str, story: str | None, previous: str | None = None):
    mention = resolve_date(sentence, story_date=story, previous=previous)
    return None if mention is None else (mention.value, mention.end, mention.certainty)


@pytest.mark.parametrize(
    ("sentence", "story", "expected"),
    [
        # weekdays: the latest such day on or before the story date
        ("On Monday, four fishermen were killed when a mortar hit the harbour.", THURSDAY, ("2024-04-29", None, None)),
        ("Rebels attacked the town early Saturday.", THURSDAY, ("2024-04-27", None, None)),
        ("Officials said Thursday the bridge was hit.", THURSDAY, ("2024-05-02", None, None)),
        ("Fighting has raged since last Thursday.", THURSDAY, ("2024-04-25", None, None)),
        ("A raid Tuesday night on a clinic killed 11 people.", THURSDAY, ("2024-04-30", None, None)),
        # the future: on or after the story date, certainty planned
        ("The ministers will meet on Friday in Geneva.", THURSDAY, ("2024-05-03", None, "planned")),
        ("On Thursday, leaders will sign the accord.", THURSDAY, ("2024-05-02", None, "planned")),
        # a date that modifies a noun is the noun's time, not the later verb's
        ("Both patients hurt in a Wednesday night stabbing are expected to recover.", THURSDAY,
         ("2024-05-01", None, None)),
        ("Saturday's attack will be investigated by a commission.", THURSDAY, ("2024-04-27", None, None)),
        ("The talks will resume next Thursday.", THURSDAY, ("2024-05-09", None, "planned")),
        # a date right after a reporting verb is when something was said, not a plan
        ("The army said Wednesday it will retaliate.", THURSDAY, ("2024-05-01", None, None)),
        # calendar dates: the latest not after the story
        ("The killings on March 22 shocked the capital.", TUESDAY, ("2024-03-22", None, None)),
        ("Militants attacked the border post on October 7.", THURSDAY, ("2023-10-07", None, None)),
        ("A hailstorm on 19 April flattened the crops.", THURSDAY, ("2024-04-19", None, None)),
        ("The quake struck on Friday, Oct. 30, 2020, at noon.", "2020-10-31", ("2020-10-30", None, None)),
        ("Floods hit the coast on April 25th 2022.", THURSDAY, ("2022-04-25", None, "historical")),
        ("The record shows 2024-03-22 as the day of the raid.", None, ("2024-03-22", None, None)),
        # ranges carry their last day; announced ones are planned
        ("A donors' conference will be held in the old town on July 9 and 10.", THURSDAY,
         ("2024-07-09", "2024-07-10", "planned")),
        ("Talks were held on 3-4 March in the capital.", TUESDAY, ("2024-03-03", "2024-03-04", None)),
        # months: precision month
        ("Troops withdrew from the city in February.", TUESDAY, ("2024-02", None, None)),
        ("The consulate cautioned in early March about unrest.", TUESDAY, ("2024-03", None, None)),
        ("The rebels took the capital in December.", "2024-06-06", ("2023-12", None, None)),
        ("The war began in April 2023.", "2024-06-06", ("2023-04", None, "historical")),
        ("The army fired 500 shells in April alone.", THURSDAY, ("2024-04", None, None)),
        # years
        ("The conflict has simmered since 2014.", THURSDAY, ("2014", None, "historical")),
        # relative to the story
        ("Power lines were cut by shelling overnight.", THURSDAY, ("2024-05-02", None, None)),
        ("Three soldiers died yesterday.", THURSDAY, ("2024-05-01", None, None)),
        ("Earlier this month, 14 people were injured.", "2024-12-20", ("2024-12", None, None)),
        ("Last month's massacre stunned the region.", THURSDAY, ("2024-04", None, None)),
        ("A bomb went off a week ago.", THURSDAY, ("2024-04-25", None, None)),
        ("Clashes erupted over the weekend.", "2024-05-06", ("2024-05-04", "2024-05-05", None)),
        # 'last week' is a month only when the whole week lies in one month
        ("The camp was shelled last week.", "2024-05-15", ("2024-05", None, None)),
        ("The camp was shelled last week.", "2024-05-06", (None, None, None)),
        # no story date: relative expressions stay open
        ("On Monday, gunmen opened fire.", None, (None, None, None)),
        ("The war began in April 2023.", None, ("2023-04", None, None)),
        # nothing to resolve
        ("The strike hit a school.", THURSDAY, None),
        ("The march may go ahead, organisers said.", THURSDAY, None),
        ("About 2000 people marched through the city.", THURSDAY, None),
    ],
)
def test_resolve_date_gives_the_date_the_text_supports(sentence, story, expected) -> None:
    assert first(sentence, story) == expected


def test_anniversary_dates_the_past_event_and_marks_it_historical() -> None:
    sentence = "Thursday was the 7th anniversary of a mine collapse in the valley that buried 31 workers."
    mention = resolve_date(sentence, story_date=THURSDAY)
    assert (mention.value, mention.rule, mention.certainty) == ("2017-05-02", "anniversary", "historical")
    (only,) = find_dates(sentence, story_date=THURSDAY)  # the weekday names the anniversary, not an event
    assert only.rule == "anniversary"


def test_two_days_later_counts_from_the_event_before_not_the_story() -> None:
    text = "On Monday, four fishermen were killed by shelling; two days later a fifth man died nearby."
    values = [mention.value for mention in find_dates(text, story_date=THURSDAY)]
    assert values == ["2024-04-29", "2024-05-01"]


def test_event_relative_phrases_need_an_earlier_event() -> None:
    assert first("Two days later, police arrested two men.", THURSDAY) == (None, None, None)
    assert first("Two days later, police arrested two men.", THURSDAY, previous="2024-04-20") == (
        "2024-04-22", None, None)
    assert first("The next day the bodies were found.", THURSDAY, previous="2024-04-20") == ("2024-04-21", None, None)


def test_years_after_an_event_named_in_the_text_is_not_counted_from_the_previous_date() -> None:
    text = "The siege began on April 20. Almost four years after the invasion, the front is quiet."
    values = [mention.value for mention in find_dates(text, story_date=THURSDAY)]
    assert values == ["2024-04-20"]


def test_previous_carries_across_sentences() -> None:
    text = "The raid began on April 20. The following day, troops withdrew. Three days later they returned."
    values = [mention.value for mention in find_dates(text, story_date=THURSDAY)]
    assert values == ["2024-04-20", "2024-04-21", "2024-04-24"]


def test_spans_are_offsets_into_the_text() -> None:
    text = "Intro line.\nThe town was shelled on Monday."
    (mention,) = find_dates(text, story_date=THURSDAY, offset=5)
    assert text[mention.span[0] - 5 : mention.span[1] - 5] == "on Monday"


def test_version_names_every_table() -> None:
    version = describe_version()
    assert version.startswith("dates-") and "date-months-" in version and "date-relative-" in version


def test_dev_gold_dates_do_not_fall_below_floor(shared_dir) -> None:
    """Ratchet: gold event dates read back from their own evidence sentence and story date."""
    right = total = 0
    for path in sorted((shared_dir / "dev").glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        published = [story["published"] for story in gold["stories"] if story.get("published")]
        for event in gold.get("events", []):
            if not event.get("date") or not published:
                continue
            total += 1
            right += any(
                mention.value in event["date"]
                for story in published
                for mention in find_dates(event.get("evidence") or "", story_date=story)
            )
    assert total and right >= 20, f"{right}/{total} gold dates read back (floor 20)"


@pytest.mark.parametrize(("text", "expected"), [
    # the event told first is dated; "came N days after" dates the other, earlier event
    ("Police found the bodies on Tuesday. The discovery came two days after gunmen raided a bar.",
     ["2024-04-30", "2024-04-28"]),
    ("The fire broke out on Tuesday. It happened a week before gunmen raided the depot.",
     ["2024-04-30", "2024-05-07"]),
    # with no event told before, the news is what came after: count from the story day
    ("The find comes two days after a farmer was found dead in his barn.", ["2024-04-30"]),
    # a sentence-opening "two days after the attack" is not this rule
    ("Two days after the attack, police arrested him.", []),
])
def test_an_event_said_to_come_days_after_another_dates_the_other_one_back(text, expected) -> None:
    values = [mention.value for mention in find_dates(text, story_date=THURSDAY)]
    assert values == expected


# Four-digit numbers that are no years: an event is never dated before 1900 unless the text gives that year.
NOT_YEARS = [
    "Deputies found the woman in the 1700 block of S. 14th Avenue on Tuesday.",
    "Officers were sent to the 1800 blk of Larkspur Road.",
    "Officers were called to 1905 W. Main Street at 2 a.m.",
    "She was found on the steps of 1873 Hollis with a stab wound.",
    "A help desk opened in the hall of 1888 Tavern & Kitchen.",
    "The curfew runs from 1800 hours until dawn.",
    "Between 1800 and 1900 people fled the fighting.",
    "On May 5, 1800 people were evacuated from the valley.",
    "In May, 1800 residents were evacuated.",
    "Monday is the 60th anniversary of the Aug. 14, 1964, flood in the valley.",
]


@pytest.mark.parametrize("sentence", NOT_YEARS)
def test_addresses_times_and_amounts_are_not_years(sentence) -> None:
    values = [mention.value for mention in find_dates(sentence, story_date=THURSDAY) if mention.value]
    assert all(value[:4] >= "1900" for value in values), values


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The mill burned down in a great fire in 1871.", ["1871"]),
    ("Marshal Penrose was shot dead March 9, 1889, a year after taking office.", ["1889-03-09"]),
    ("On May 5, 1800 people were evacuated from the valley.", ["2023-05-05"]),
    ("Monday is the 60th anniversary of the Aug. 14, 1964, flood in the valley.", ["2024-04-29", "1964-08-14"]),
])
def test_years_the_text_gives_are_kept(sentence, expected) -> None:
    assert [mention.value for mention in find_dates(sentence, story_date=THURSDAY)] == expected


YEAR_WRITTEN = (r"(?:\b(?:in|since|until|from|of|year)\s+|[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}},?\s+)"
                r"{year}\b(?!\s+(?:[A-Z]|blk\b|block))")


def test_no_corpus_page_gives_a_date_before_1900_it_does_not_write(shared_dir) -> None:
    """Every GVC and GVDB page and every dev page: a date before 1900 only where the text writes that year as
    a year ("in 1882", "July 5, 1882"), never from a street number, a clock time or an amount."""
    docs = []
    for name in ("gvc_semeval2018t5", "gvdb"):
        path = shared_dir / "corpora" / name / "docs.jsonl"
        if path.is_file():
            with path.open(encoding="utf-8") as handle:
                docs += [(doc["id"], doc["text"], doc.get("dct")) for doc in map(json.loads, handle)]
    for path in sorted((shared_dir / "dev").glob("*.txt")):
        docs.append((path.stem, path.read_text(encoding="utf-8"), None))
    if len(docs) < 1000:
        pytest.skip("the GVC and GVDB corpora are not on this machine")
    old = [(doc_id, mention.text) for doc_id, text, story in docs
           for mention in find_dates(text, story_date=story)
           if mention.value and mention.value[:4] < "1900"
           and not re.search(YEAR_WRITTEN.format(year=mention.value[:4]), text)]
    assert not old, old[:10]


@pytest.mark.parametrize(
    ("sentence", "story", "expected"),
    [
        # holidays: the latest on or before the story date, or the year the text gives
        ("On Christmas day gunmen attacked the main base.", "2015-01-04", ("2014-12-25", None, None)),
        ("Militants bombed a church on Christmas Eve.", "2024-12-27", ("2024-12-24", None, None)),
        ("The bombing happened on New Year's Eve, police said.", "2024-01-03", ("2023-12-31", None, None)),
        ("Shots were fired into a crowd on the Fourth of July.", "2024-07-06", ("2024-07-04", None, None)),
        ("A family was shot at home on Thanksgiving.", "2024-12-01", ("2024-11-28", None, None)),
        ("Two men were stabbed on Good Friday.", "2024-04-02", ("2024-03-29", None, None)),
        ("Gunmen opened fire on worshippers on Christmas Day 2019, police said.", "2024-05-02",
         ("2019-12-25", None, "historical")),
        ("The march will be held on Christmas Eve.", "2024-05-02", ("2024-12-24", None, "planned")),
        # an Islamic holiday by the tabular calendar: from the day before it to its last day
        ("A bomb exploded at a mosque during Eid al-Fitr prayers.", "2023-04-25", ("2023-04-21", "2023-04-24", None)),
        ("A car bomb hit a market on the eve of Eid al-Adha.", "2023-07-05", ("2023-06-27", "2023-06-28", None)),
        ("A blast hit the mosque during Eid prayers.", "2024-05-02", ("2024-04-09", "2024-04-12", None)),
        # a holiday that names a thing, not a day
        ("A truck drove into a Christmas market.", "2024-12-27", None),
        # a night: the day it began; "into Sunday" spans both days
        ("Drones hit the port overnight Saturday.", THURSDAY, ("2024-04-27", None, None)),
        ("Drones hit the port Saturday overnight.", THURSDAY, ("2024-04-27", None, None)),
        ("Drones hit the port overnight into Sunday.", THURSDAY, ("2024-04-27", "2024-04-28", None)),
        ("Rebels attacked the town late Saturday.", THURSDAY, ("2024-04-27", None, None)),
        ("Rebels attacked the town in the early hours of Sunday.", THURSDAY, ("2024-04-28", None, None)),
        # the dateline's own date is the story's, not the event's
        ("Pune, Aug 06, 2019: Two porters were killed on Monday in a fire.", "2019-08-06",
         ("2019-08-05", None, None)),
        ("ABUJA, Jan. 27 (Xinhua) -- Gunmen killed five villagers on Sunday.", "2024-01-27",
         ("2024-01-21", None, None)),
        ("August 6, 2019 \u2014 A fire killed two porters.", "2019-08-06", None),
        # a date after the place in running text is the event's
        ("Gunmen attacked Kano, Jan. 27, killing five.", "2024-02-02", ("2024-01-27", None, None)),
    ],
)
def test_holidays_nights_and_datelines(sentence, story, expected) -> None:
    assert first(sentence, story) == expected
