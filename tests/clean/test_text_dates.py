from __future__ import annotations

import pytest

from dateline.clean.stamps import find_full_dates, infer_story_date, read_stamp, read_url_date, resolve_year
from dateline.clean.text import clean_text


@pytest.mark.parametrize(("line", "published", "updated"), [
    ("2021-11-08 07:15 Last Updated At:07:32", "2021-11-08T07:15", "2021-11-08T07:32"),
    ("Mon., March 18, 2019", "2019-03-18", None),
    ("Reuters Published 27 Feb, 2022 4:05pm", "2022-02-27T16:05", None),
    ("14 June 2011Press Release", "2011-06-14", None),
    ("2022-09-14 | 18:30", "2022-09-14T18:30", None),
    ("Posted on 3 July 2019 at 9:05 am", "2019-07-03T09:05", None),
    ("Tue 9th April 2019 | 04:40 PM", "2019-04-09T16:40", None),
    ("Saturday 22 October 2016 - 09:15", "2016-10-22T09:15", None),
    ("11Mar19", "2019-03-11", None),          # compact stamps of archive and repost sites
    ("Posted 5-Nov-2021", "2021-11-05", None),
])
def test_reads_page_stamps(line, published, updated):
    stamp = read_stamp(line)
    assert stamp is not None
    assert (stamp.published(), stamp.updated()) == (published, updated)


@pytest.mark.parametrize("line", [
    "Mayor pledges to rebuild the market hall lost in the fire",
    "The council met on 12 May 2021 to approve the plan for the harbour walls and the tram.",
    "Aug 17",
])
def test_lines_that_are_more_than_a_date_are_no_stamp(line):
    assert read_stamp(line) is None


def test_a_stamp_without_year_takes_the_year_whose_calendar_fits_the_story():
    stamp = read_stamp("Aug 17, 3:48 PM EDT")
    assert stamp is not None and stamp.year is None
    # 17 August was a Wednesday in 2016 and a Friday in 2012
    assert resolve_year(stamp, years=[2012, 2016], weekday=2) == 2016
    assert resolve_year(stamp, years=[2012, 2016], weekday=4) == 2012


def test_an_unstamped_story_is_dated_by_its_mentions_and_its_weekday():
    mentioned = find_full_dates("Crews put out a fire in the port, Wednesday, May 1, 2024. (Service via AP)")
    assert infer_story_date(mentioned=mentioned, weekday=3) == "2024-05-02"  # said Thursday
    assert infer_story_date(mentioned=mentioned, weekday=None) is None


def test_second_story_on_a_page_gets_its_own_date():
    page = "\n\n".join([
        "Council approves flood budget after storms",
        "2023-07-05 08:15 Last Updated At:09:02",
        "HARBOURTON, Freedonia (AP) — The city council on Wednesday approved an emergency budget to repair sea walls "
        "after a week of storms flooded the old port district.",
        "Council members voted 11 to 2 for the plan, which draws on reserves set aside for a new tram line.",
        "PORT ELAN, Freedonia (AP) — Rescue crews pulled two fishermen from a capsized trawler off the northern coast, "
        "the coast guard said Monday, a day after high winds drove boats back to harbour.",
        "Coast guard boats leave the harbour of Port Elan, Freedonia, Sunday, July 9, 2023. (Coast Guard via AP)",
    ])
    first, second = clean_text(page).stories
    assert first.published == "2023-07-05T08:15" and first.updated == "2023-07-05T09:02"
    assert second.published == "2023-07-10"


def test_of_two_stamps_the_story_takes_the_one_near_the_dates_it_mentions():
    page = "\n\n".join([
        "14 Feb 2025",                               # the masthead's "today"
        "Thursday 9 June 2016 - 11:20",              # the story's own stamp
        "Ministers agree to reopen the border crossing",
        "Ministers from both countries agreed on Thursday to reopen the northern border crossing, closed since "
        "the floods of May 30, 2016, officials said after the talks.",
        "The crossing will open to trucks first and to cars a week later, the transport ministry said.",
    ])
    (story,) = clean_text(page).stories
    assert story.published == "2016-06-09T11:20"


def test_of_two_stamps_and_no_dated_mention_the_one_with_a_time_is_the_storys():
    page = "\n\n".join([
        "14 Feb 2025",
        "Ministers agree to reopen the border crossing",
        "9 June 2016 11:20",
        "Ministers from both countries agreed on Thursday to reopen the northern border crossing, closed since "
        "the floods last month, officials said after the talks.",
        "The crossing will open to trucks first and to cars a week later, the transport ministry said.",
    ])
    (story,) = clean_text(page).stories
    assert story.published == "2016-06-09T11:20"


def test_a_repost_stamped_months_later_takes_the_date_of_its_dateline():
    page = "\n\n".join([
        "Posted: 02 Aug 2021",
        "Gunmen kill four at a roadside market",
        "LOKOJA, March 28 (Xinhua) -- Gunmen killed four traders at a roadside market on Sunday night, "
        "police in the central state said on Monday.",
        "The attackers fled into the nearby forest before security forces arrived, a police spokesman said.",
    ])
    (story,) = clean_text(page).stories
    assert story.published == "2021-03-28"
    assert (story.dateline.place, story.dateline.agency) == ("LOKOJA", "Xinhua")


def test_a_dateline_date_the_stamp_confirms_keeps_the_stamp():
    page = "\n\n".join([
        "Gunmen kill four at a roadside market",
        "March 29, 2021 7:05 AM",
        "LOKOJA, March 28 (Xinhua) -- Gunmen killed four traders at a roadside market on Sunday night, "
        "police in the central state said on Monday.",
        "The attackers fled into the nearby forest before security forces arrived, a police spokesman said.",
    ])
    (story,) = clean_text(page).stories
    assert story.published == "2021-03-29T07:05"


@pytest.mark.parametrize(("url", "day"), [
    ("https://news.example.org/world/2019/06/20/floods-close-roads", "2019-06-20"),
    ("https://example.com/2023-11-26-army-raid.html", "2023-11-26"),
    ("https://example.com/archive/20150104/story", "2015-01-04"),
    ("https://example.com/news/40322303/health-ministry-says", None),  # an article number is no date
    ("https://example.com/2019/13/01/x", None),
    (None, None),
])
def test_reads_the_day_a_page_address_gives(url, day):
    assert read_url_date(url) == day


def test_a_text_page_without_a_stamp_takes_the_day_in_its_address():
    page = "\n\n".join([
        "Floods close mountain roads",
        "Heavy rain closed three mountain roads on Thursday and cut power to two villages, the regional "
        "authorities said, as rivers rose above their banks.",
        "Crews expect to reopen the roads by the weekend, a spokesman for the roads agency said.",
    ])
    (story,) = clean_text(page, url="https://news.example.org/world/2019/06/20/floods-close-roads").stories
    assert story.published == "2019-06-20"
    (stamped,) = clean_text("19 June 2019 17:30\n\n" + page, url="https://x.example/2019/06/20/a").stories
    assert stamped.published == "2019-06-19T17:30"  # the story's own stamp comes first


def test_a_story_with_no_stamp_is_dated_by_the_day_in_its_dateline():
    page = "\n\n".join([
        "Boiler blast at rice mill injures 6",
        "Guntur, Oct 12, 2019: Six workers were injured when a boiler burst at a rice mill on Saturday, "
        "police said.",
        "Two of the injured were taken to the district hospital with burns, a doctor said.",
    ])
    (story,) = clean_text(page).stories
    assert (story.published, story.dateline.place) == ("2019-10-12", "Guntur")


def test_a_story_with_no_other_date_is_dated_by_its_pictures_after_any_page_stamp():
    body = ("Rescue teams searched the rubble of two collapsed buildings as the toll from the earthquake rose to "
            "40, the civil defence agency said.")
    caption = ("A rescuer walks past debris in the old town of Talara, Saturday, March 4, 2023. "
               "(AP Photo/Inez Marlow)")
    (story,) = clean_text("\n\n".join(["Quake toll rises to 40", caption, body, SECOND_DAY])).stories
    assert story.published == "2023-03-04"
    (stamped,) = clean_text("date 2023-03-05 " + "\n\n".join(["Quake toll rises to 40", caption, body,
                                                              SECOND_DAY])).stories
    assert stamped.published == "2023-03-05"  # the page's stamp comes before the pictures' day


SECOND_DAY = "Crews expect to reopen the coastal road by the end of the week, the roads agency said."
