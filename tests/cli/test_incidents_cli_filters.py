"""`dateline incidents --text/--source/--bbox/--sort`: the filters /api/incidents takes, from
the command line, over a store of made-up reports written directly (no NLP needed)."""
from __future__ import annotations

import json

import pytest

from dateline.models import Event, EventPlace, Extraction, Page, Story
from dateline.store import open_store
from dateline.store.incidents import refresh_incidents


def report(outlet: str, town: tuple[str, str, float, float], date: str, sentence: str, *, trigger: str,
           killed: int) -> Extraction:
    name, country, lat, lon = town
    start = sentence.index(trigger)
    event = Event(type="attack", trigger=trigger, trigger_span=(start, start + len(trigger)), sentence=sentence,
                  sentence_span=(0, len(sentence)), date=date, killed=killed,
                  place=EventPlace(name=name, country=country, admin1="01", lat=lat, lon=lon, precision="place"))
    story = Story(headline=f"Deadly attack in {name}", body=(sentence,), published=date, events=(event,))
    text = f"{outlet} | News | Sport\n{story.headline}\n{sentence}\nAll rights reserved."
    return Extraction(page=Page(outlet, text, url=f"https://{outlet}.example/a/{date}"), stories=(story,),
                      nlp_version="nlp-test", coder_version="coder-test")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("incident-filters") / "news.db")
    with open_store(path) as store:
        store.add_extractions([
            report("lagoon-times", ("Lagos", "NG", 6.45, 3.39), "2025-04-02",
                   "Gunmen opened fire outside a bar in Lagos, killing three.", trigger="opened fire", killed=3),
            report("reef-herald", ("Lautoka", "FJ", -17.61, 177.45), "2025-04-05",
                   "A security guard was shot dead during a robbery in Lautoka.", trigger="shot", killed=1),
            report("tongan-voice", ("Nuku'alofa", "TO", -21.14, -175.2), "2025-04-07",
                   "Two men were stabbed to death in Nuku'alofa after a brawl.", trigger="stabbed", killed=2),
        ])
        refresh_incidents(store)
    return path


def places(run_cli, db: str, *args: str) -> list[str]:
    done = run_cli("incidents", "--db", db, "--format", "json", *args)
    assert done.returncode == 0, done.stderr
    return [json.loads(line)["place_name"] for line in done.stdout.splitlines()]


@pytest.mark.parametrize("args, expected", [
    (("--bbox", "170,-25,-170,-10"), ["Lautoka", "Nuku'alofa"]),   # across the antimeridian
    (("--text", "GUNMEN"), ["Lagos"]),
    (("--source", "tongan-voice.example"), ["Nuku'alofa"]),
    (("--sort=-killed",), ["Lagos", "Nuku'alofa", "Lautoka"]),
    (("--sort", "-killed", "--limit", "1"), ["Lagos"]),
])
def test_filters_and_sort(db, run_cli, args, expected) -> None:
    assert places(run_cli, db, *args) == expected


def test_a_limited_listing_says_how_many_match(db, run_cli) -> None:
    done = run_cli("incidents", "--db", db, "--limit", "2")
    assert done.returncode == 0 and "2 of 3 incidents listed" in done.stderr


@pytest.mark.parametrize("args, message", [
    (("--bbox", "1,2,3"), "west,south,east,north"),
    (("--bbox", "10,50,20,40"), "south <= north"),
    (("--sort", "outlet"), "cannot sort by 'outlet'"),
])
def test_bad_filters_are_refused_with_the_reason(db, run_cli, args, message) -> None:
    done = run_cli("incidents", "--db", db, *args)
    assert done.returncode == 2 and message in done.stderr
