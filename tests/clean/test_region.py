"""The main-content selector: which lines of a flattened page are article text.

Each case is a small page written for this test, as noisy as a real scrape: the
page title first, then menus, bylines, share buttons, the article, related links,
comments and a footer. ``KEEP`` marks the lines a reader would call the article.
"""
from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from pathlib import Path

import pytest

from dateline.clean.region import find_headlines, select_regions

KEEP = "» "  # marks an expected article line in the cases below; stripped before selecting

MENU_AND_FOOTER = """\
Harbour council approves new flood barrier - Coastline Courier
Home
News
Sport
Business
Weather
Subscribe
Sign In
Harbour council approves new flood barrier
By Mara Ellison
November 19, 2019 6:21 AM
Share
Facebook
Twitter
» The harbour council voted on Tuesday to build a concrete flood barrier along the eastern quay, ending two years of argument over how to protect the old town from winter storms.
» Councillors approved the plan by nine votes to four after a three-hour meeting in which residents packed the public gallery and several speakers were asked to leave.
» The barrier will cost about 14 million and is expected to take three years to finish, according to the engineering report presented to the council.
» Opponents said the wall would cut the town off from the sea and damage the fishing trade that has kept the harbour alive for generations.
» The mayor said the council had listened to every objection but could not ignore the damage done by the storms of the last three winters.
Advertisement
About Us
Contact
Privacy Policy
Terms of Use
© 2019 Coastline Courier. All rights reserved.
"""

RELATED_LINKS = """\
Rail strike halts trains across the north | Daily Ledger
Menu
Search
Rail strike halts trains across the north
» Thousands of passengers were stranded on Monday as a strike by signal workers stopped nearly every train between the northern cities for the first time in a decade.
» The union said its members walked out after talks over pay and night shifts broke down late on Sunday, and warned that more strikes could follow before the holidays.
» Rail operators advised travellers to avoid all but essential journeys and said replacement buses would run on a few routes, though queues at the stations stretched for hours.
» A spokesman for the transport ministry said the government was ready to meet both sides but would not intervene in the dispute over wages.
Related Articles
Bus drivers vote to accept new pay offer
Airport chaos as baggage handlers walk out
Five things to know about the new rail timetable
Ferry fares to rise by ten percent in spring
Most Popular
Celebrity chef opens third restaurant in the capital
Why your phone battery drains faster in winter
"""

COMMENTS = """\
Museum returns stolen bronze statue | The Evening Post
Museum returns stolen bronze statue
Posted by Lena Hart on March 3, 2020
» A bronze statue stolen from a village temple more than forty years ago was handed back on Friday by a museum that bought it from a dealer in the 1980s.
» The museum said researchers had traced the statue through old photographs and export papers, and that returning it was the only right thing to do.
» Villagers held a ceremony to welcome the statue home, and the temple's keeper said it would go back on the altar where it had stood for three centuries.
Share this:
Click to share on Facebook (Opens in new window)
12 Comments
bluewater77 says:
March 3, 2020 at 9:14 am
Good to see museums finally doing the right thing, but there are thousands more objects like this sitting in storage rooms and nobody is asking where they came from.
oldtimer says:
March 3, 2020 at 10:02 am
I visited that temple years ago and the empty altar was the saddest thing, it is wonderful news for the whole village and I hope they keep it safe this time.
Leave a Reply
"""

# The second story's headline stands between two runs of prose: it stays, so that
# the cleaner can split the page there and give the story its headline.
TWO_STORIES = """\
World Briefs
Storm knocks out power to thousands on the coast
» PORTLAND (AP) — A winter storm knocked out power to more than 80,000 homes along the coast on Wednesday, closing schools and snarling traffic on the main highways.
» Utility crews from three states were sent to help restore power, and officials said some homes could be without electricity until the weekend.
» The weather service said the storm would move offshore by Thursday morning, but warned that strong winds could bring down more trees and lines.
» Volcano eruption forces evacuation of island villages
» MANILA, Philippines (AP) — A volcano on a small island south of the capital erupted on Thursday, sending ash several kilometres into the sky and forcing the evacuation of nearby villages.
» Officials said about 2,000 people were moved to shelters on the mainland and that no one had been hurt, though ash fell on towns up to 30 kilometres away.
» Scientists raised the alert level and warned that a larger eruption could follow within days, urging fishermen to stay away from the island.
"""

LIST_IN_ARTICLE = """\
City marathon changes its route for next year - Runner's Weekly
Events
Results
City marathon changes its route for next year
» Organisers of the city marathon announced on Thursday that next year's race will start at the stadium instead of the old town square, after complaints about crowding at the start.
» The new route will cross the river twice and finish in the central park, and organisers say it will be faster and easier for spectators to follow.
» Here are the main changes to the course:
» Start moved to the stadium
» Second river crossing at the old bridge
» Finish line in the central park
» Registration opens in January, and the race director said places were expected to sell out within a few days, as they have for the last five years.
Tags: marathon, running, city events
Newsletter
Get our weekly running newsletter in your inbox.
"""

CASES = {
    "menu and footer": MENU_AND_FOOTER,
    "related links": RELATED_LINKS,
    "comments": COMMENTS,
    "two stories": TWO_STORIES,
    "list inside the article": LIST_IN_ARTICLE,
}


def split_case(page: str) -> tuple[list[str], set[int]]:
    lines, expected = [], set()
    for i, raw in enumerate(page.splitlines()):
        if raw.startswith(KEEP):
            expected.add(i)
        lines.append(raw.removeprefix(KEEP))
    return lines, expected


def kept_indexes(lines: list[str], **options) -> set[int]:
    return {i for start, end in select_regions(lines, **options) for i in range(start, end)}


@pytest.mark.parametrize("name", list(CASES))
def test_select_regions_keeps_the_article_and_only_the_article(name: str) -> None:
    lines, expected = split_case(CASES[name])
    kept = kept_indexes(lines)
    missing = sorted(expected - kept)
    extra = sorted(kept - expected)
    assert not missing, f"article lines dropped: {[lines[i][:60] for i in missing]}"
    assert not extra, f"chrome lines kept: {[lines[i][:60] for i in extra]}"


@pytest.mark.parametrize("name", list(CASES))
def test_select_regions_returns_ordered_disjoint_half_open_runs(name: str) -> None:
    lines, _ = split_case(CASES[name])
    runs = select_regions(lines)
    assert runs, "an article page gives at least one run"
    for (start, end), following in zip(runs, runs[1:] + [(len(lines), len(lines))]):
        assert 0 <= start < end <= following[0] <= len(lines)


def test_select_regions_keeps_every_story_of_a_page_with_several() -> None:
    lines, _ = split_case(TWO_STORIES)
    kept = kept_indexes(lines)
    assert {i for i, line in enumerate(lines) if line.startswith("MANILA")} <= kept
    assert {i for i, line in enumerate(lines) if line.startswith("PORTLAND")} <= kept


def test_select_regions_stops_at_the_comment_section() -> None:
    lines, _ = split_case(COMMENTS)
    kept = kept_indexes(lines)
    assert not any("says:" in lines[i] or "temple years ago" in lines[i] for i in kept)


@pytest.mark.parametrize("lines", [[], ["Home", "News", "Contact", "Privacy Policy"], ["", ""]])
def test_select_regions_finds_nothing_on_a_page_of_chrome_or_nothing(lines: list[str]) -> None:
    assert select_regions(lines) == []


def test_select_regions_handles_a_huge_page_quickly() -> None:
    lines, _ = split_case(MENU_AND_FOOTER)
    many = lines * 2000  # about 70,000 lines
    runs = select_regions(many)
    assert runs and all(0 <= start < end <= len(many) for start, end in runs)


def test_find_headlines_finds_the_title_without_the_site_name() -> None:
    lines, _ = split_case(MENU_AND_FOOTER)
    assert [lines[i] for i in find_headlines(lines)] == ["Harbour council approves new flood barrier"]


# --- the selector alone on the article-extraction benchmark (a ratchet) -------------

TOKEN = re.compile(r"\w+")
FLAT_FLOOR = 0.91  # measured 0.920 over all 181 flat pages; raise it, never lower it quietly


def shingles(text: str) -> Counter:
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3)) if tokens[i:i + 4])


@pytest.mark.slow
def test_selector_alone_scores_above_its_floor_on_the_flat_benchmark(shared_dir: Path) -> None:
    bench = shared_dir / "corpora" / "article-extraction-benchmark"
    if not bench.is_dir():
        pytest.skip(f"article-extraction benchmark not found under {shared_dir}")
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    precisions, recalls = [], []
    for page_id, gold in truth.items():
        text = (bench / "flat" / f"{page_id}.txt").read_text(encoding="utf-8")
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        body = "\n".join(dict.fromkeys(lines[i] for s, e in select_regions(lines) for i in range(s, e)))
        true, pred = shingles(gold["articleBody"]), shingles(body)
        tp = sum((true & pred).values())
        if pred:
            precisions.append(tp / sum(pred.values()))
        if true:
            recalls.append(tp / sum(true.values()))
    precision, recall = statistics.mean(precisions), statistics.mean(recalls)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= FLAT_FLOOR, f"selector F1 {f1:.3f} fell below its floor {FLAT_FLOOR}"
