"""Which events of different stories are one happening: the merge rules, table-driven."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from dateline.incidents import SourceEvent, group_incidents
from dateline.models import Party

# A made-up attack at a made-up point; other places by their offset from it.
LAT, LON = 10.52, 7.44


def event(n: int, **fields) -> SourceEvent:
    """An event of story n (its own page and group unless told), a town-precise attack on a day."""
    base = dict(page_id=f"page{n}", story_position=0, event_id=f"ev{n}", group_id=f"group{n}", type="attack",
                family="violence", country="NG", admin1="23", place_name="Kaduna", lat=LAT, lon=LON,
                precision="place", date="2025-03-11", published="2025-03-12")
    base.update(fields)
    return SourceEvent(**base)


REGION = dict(place_name="Kaduna State", precision="region", lat=10.33, lon=7.75)

CASES = [
    ("same town, same day", dict(), True),
    ("next day (overnight)", dict(date="2025-03-12"), True),
    ("three days apart", dict(date="2025-03-14"), False),
    ("a month apart", dict(date="2025-04-11"), False),
    ("a day inside the other's month", dict(date="2025-03"), True),
    ("another month", dict(date="2025-05"), False),
    ("a nearby town 8 km off", dict(place_name="Kakuri", lat=LAT - 0.07, lon=LON), True),
    ("a town 200 km away", dict(place_name="Kano", lat=LAT + 1.8, lon=LON), False),
    ("another country", dict(country="NE"), False),
    ("another family", dict(type="protest", family="protest"), False),
    ("another violence type (one family)", dict(type="armed_clash"), True),
    ("the region holding the town, a name in common", dict(**REGION, actors=("Bandit gang",),
                                                          targets=()), True),
    ("the region holding the town, nothing else in common", dict(**REGION), False),
    ("a region elsewhere", dict(REGION, admin1="20", actors=("Bandit gang",)), False),
    ("country only, same day, the same toll", dict(place_name="Nigeria", precision="country", lat=None,
                                                  lon=None, admin1=None, killed=9, injured=14), True),
    ("country only, same day, nothing else", dict(place_name="Nigeria", precision="country", lat=None,
                                                 lon=None, admin1=None), False),
    ("no place, same day, a victim named in both", dict(place_name=None, precision=None, country=None,
                                                        lat=None, lon=None, admin1=None,
                                                        targets=("Musa Ibrahim",)), True),
    ("undated, same town, same toll, told the next day", dict(date=None, killed=9, injured=14), True),
    ("undated, same town, nothing else in common", dict(date=None), False),
    ("undated, same town, same toll, told two months later", dict(date=None, killed=9, injured=14,
                                                                  published="2025-05-20"), False),
]


@pytest.mark.parametrize("fields, merges", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_two_outlets_events_merge_only_when_the_rules_allow(fields: dict, merges: bool) -> None:
    first = event(1, actors=("Bandit gang",), targets=("Musa Ibrahim",), killed=9, injured=14)
    second = event(2, **fields)
    found = group_incidents([first, second])
    assert len(found) == (1 if merges else 2)


def test_two_events_of_one_story_stay_two_incidents() -> None:
    first, second = event(1), event(1, event_id="ev1b")
    assert len(group_incidents([first, second])) == 2


def test_a_third_report_cannot_join_when_it_conflicts_with_a_member() -> None:
    town = event(1, date="2025-03-11")
    month = event(2, date="2025-03")
    later = event(3, date="2025-03-25")  # inside the month, but two weeks after the town's day
    found = group_incidents([town, month, later])
    assert sorted(len(i.events) for i in found) == [1, 2]


def test_grouping_does_not_depend_on_the_order_events_arrive_in() -> None:
    events = [event(n, date=f"2025-03-{11 + n % 3:02d}", lat=LAT + (n % 4) * 0.3, killed=n % 5)
              for n in range(40)]
    expected = [(i.incident_id, [e.key for e in i.events]) for i in group_incidents(events)]
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    assert [(i.incident_id, [e.key for e in i.events]) for i in group_incidents(shuffled)] == expected
    assert 1 < len(expected) < len(events)


def test_the_summary_takes_the_most_precise_place_and_date_and_the_strongest_certainty() -> None:
    vague = event(1, **REGION, date="2025-03", actors=("Bandit gang",), certainty="claimed")
    precise = event(2, actors=("Bandit gang",))
    [incident] = group_incidents([vague, precise])
    assert (incident.place_name, incident.precision, incident.lat) == ("Kaduna", "place", LAT)
    assert (incident.date, incident.certainty) == ("2025-03-11", "reported")
    assert incident.source_count == 2 and len(incident.events) == 2


def test_syndicated_copies_are_one_source() -> None:
    copies = [event(n, group_id="wire", killed=12) for n in range(3)]
    own = event(9, killed=9)
    [incident] = group_incidents([*copies, own])
    assert incident.source_count == 2 and len(incident.events) == 4
    assert (incident.killed.low, incident.killed.best, incident.killed.high) == (9, 9, 12)
    assert incident.killed.reported == 2


def test_an_event_the_rules_keep_apart_is_not_pulled_in_by_a_copy() -> None:
    copy = event(1, group_id="wire")
    far_copy = replace(event(2, group_id="wire"), place_name="Kano", lat=LAT + 1.8)
    assert len(group_incidents([copy, far_copy])) == 2


@pytest.mark.parametrize("value, first, last", [
    ("2025-03-11", "2025-03-11", "2025-03-11"),
    ("2025-02", "2025-02-01", "2025-02-28"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2024", "2024-01-01", "2024-12-31"),
    ("2025-03-11T08:00", "2025-03-11", "2025-03-11"),
    ("2025-02-30", None, None),  # no such day
    ("2025-13", None, None),     # no such month
    ("0000-01-01", None, None),  # no year 0
    ("soon", None, None),
])
def test_a_date_covers_the_days_of_its_precision_and_an_impossible_one_is_undated(value, first, last) -> None:
    from datetime import date

    from dateline.incidents import span_days

    days = span_days(value)
    expected = None if first is None else (date.fromisoformat(first).toordinal(), date.fromisoformat(last).toordinal())
    assert days == expected


BOKO = Party("Boko Haram", "rebels", "NG")
ISWAP = Party("Islamic State West Africa Province", "rebels", None)
GUNMEN = Party("unidentified armed group", "political_militia", None)
ARMY = Party("Military Forces of Nigeria", "state_forces", "NG")
CHAD = Party("Military Forces of Chad", "state_forces", "TD")


@pytest.mark.parametrize("first, second, merges", [
    (BOKO, BOKO, True),
    (BOKO, None, True),  # one outlet names no doer
    (BOKO, GUNMEN, True),  # "gunmen" in one report, the group in the other
    (BOKO, ISWAP, False),  # two groups named outright, no word in common
    (BOKO, ARMY, False),  # an armed group and a state's forces
    (ARMY, CHAD, False),  # the forces of two states
    (ARMY, Party("security forces", "state_forces", "NG"), True),
], ids=["same group", "one names none", "generic and named", "two groups", "group and army", "two states",
        "army and generic forces"])
def test_incidents_merge_only_events_whose_actors_can_be_one_party(first, second, merges) -> None:
    found = group_incidents([event(1, actor=first), event(2, actor=second)])
    assert len(found) == (1 if merges else 2)


def test_an_incident_takes_the_named_actor_its_sources_give() -> None:
    sources = [event(1, actor=GUNMEN, target=Party("civilians", "civilians", "NG")),
               event(2, actor=BOKO), event(3, actor=BOKO, group_id="group2", page_id="page3")]
    [incident] = group_incidents(sources)
    assert incident.actor == BOKO and incident.target == Party("civilians", "civilians", "NG")
