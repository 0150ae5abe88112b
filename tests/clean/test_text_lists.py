"""Lists, teaser blocks, slideshows and comment sections on flattened pages: what a
reader of the cleaned record notices (list items kept, teasers and comments gone).

Every page here is written for the test, as noisy as a real scrape."""
from __future__ import annotations

from dateline.clean.lists import find_list_items
from dateline.clean.region import is_glued_teaser
from dateline.clean.text import clean_text

INTRO = ("The band said on Monday it would play thirty dates across the country next summer, its first tour "
         "together in more than twenty years, with tickets going on sale early next month.")
MIDDLE = ("The singer told the crowd at the end of the show that the group had been rehearsing old songs for "
          "months and that the new dates would lean heavily on the records that made them famous.")
ANNOUNCE = "The tour dates announced so far:"
DATES = ["June 9 – Riverside Amphitheatre, Port Elan", "June 10 – Harbour Arena, Harbourton",
         "June 14 – Civic Hall, Northgate", "June 17 – Exhibition Park Pavilion, Eastbrook"]
MENU = ["Home", "News", "Sport", "Weather", "Subscribe", "Sign In"]
FOOTER = ["About us", "Contact", "Privacy policy", "Terms of use", "© 2019 Coastline Courier"]


def body_of(text: str) -> list[str]:
    return [p for story in clean_text(text).stories for p in story.body]


def test_a_list_announced_by_a_colon_stays_in_the_story():
    body = body_of("\n".join(["Band announces thirty-date summer tour - Coastline Courier", *MENU, INTRO, MIDDLE,
                              ANNOUNCE, *DATES, "Share", "Facebook", "Twitter", *FOOTER]))
    assert body[-len(DATES):] == DATES
    assert "Facebook" not in body and "Contact" not in body


def test_a_numbered_list_after_the_article_stays_in_the_story():
    items = ["1) Garden hose reel with brass fittings https://shop.example/a1",
             "2) Folding step ladder, three steps https://shop.example/b2",
             "3) Cordless leaf blower with two batteries https://shop.example/c3",
             "4) Set of six terracotta pots https://shop.example/d4"]
    body = body_of("\n".join([*MENU, INTRO, MIDDLE, *items, *FOOTER]))
    assert body[-len(items):] == items


def test_a_numbered_list_under_a_closing_heading_is_not_the_article():
    most_read = ["Most read", "1. Council approves flood barrier after long row",
                 "2. Fishermen rescued from capsized trawler", "3. Tram line delayed for another year"]
    body = body_of("\n".join([*MENU, INTRO, MIDDLE, *most_read, *FOOTER]))
    assert body == [INTRO, MIDDLE]


def test_numbered_subheads_of_a_listicle_are_kept():
    steps = ["1. Know your numbers", "2. Build an emergency fund", "3. Pay off the expensive debt first"]
    paragraphs = [f"{INTRO} Step {n} matters because the figures change every year and most people never check."
                  for n in range(3)]
    lines = ["Three money habits for the new year - Coastline Courier", *MENU, INTRO]
    for step, paragraph in zip(steps, paragraphs, strict=True):
        lines += [step, paragraph]
    body = body_of("\n".join([*lines, *FOOTER]))
    assert [line for line in body if line in steps] == steps


def test_find_list_items_needs_article_text_before_the_list():
    texts = ["Home", "News", ANNOUNCE, *DATES]
    assert find_list_items(texts, [False] * len(texts)) == set()
    inside = [False, False, True] + [False] * len(DATES)
    assert find_list_items(texts, inside) == set(range(3, 3 + len(DATES)))


def test_a_glued_teaser_card_is_told_from_prose_and_brand_names():
    assert is_glued_teaser("Customers Leave Without Paying Bill At Harbour SteakhouseA party of six left the "
                           "restaurant without paying a bill of nearly 700 crowns, police said.")
    assert is_glued_teaser("Snow Arrives Early In The Northern ValleysOfficially, winter starts in December, but "
                           "the first flakes fell on Monday.")
    assert not is_glued_teaser("Teens love their new AirPods, and they are putting them on holiday wish lists.")
    assert not is_glued_teaser("Hong Kong (Harbour Business)A muddled view of trade talks is weighing on investors.")
    assert not is_glued_teaser("The 16-inch MacBook Pro also features a physical Esc key and a new keyboard.")


TEASERS = [
    ("Tram line delayed for another year", "NORTHGATE: The council said on Tuesday it would put off the tram "
     "line again, blaming rising steel prices and a shortage of drivers."),
    ("Fishermen rescued from capsized trawler", "EASTBROOK: Two fishermen were pulled from the water after their "
     "boat overturned in heavy seas, the coast guard said on Sunday."),
    ("Drought forces farmers to sell cattle early", "PORT ELAN: Farmers in the dry south are selling herds months "
     "ahead of the usual market, pushing prices to a ten-year low."),
    ("School closes after roof collapse", "WESTMERE: Pupils were sent home on Friday when part of the gym roof fell "
     "in overnight; nobody was hurt, the headteacher said in a letter."),
]
ARTICLE = [
    f"HARBOURTON: {INTRO}", MIDDLE,
    "Promoters expect the larger venues to sell out within hours, and a second run of autumn dates is already "
    "being discussed for cities the summer leg does not reach.",
    "The drummer, who left the group in the nineties, will rejoin for the whole tour, the band's manager confirmed "
    "in a short statement released after the concert ended.",
]


def test_teaser_blocks_are_dropped_when_the_page_holds_an_article():
    teasers = [line for pair in TEASERS for line in pair]
    body = body_of("\n".join([*MENU, "Band announces thirty-date summer tour", *ARTICLE, "More news", *teasers,
                              *FOOTER]))
    assert body == ARTICLE


def test_briefs_alone_are_not_teasers():
    briefs = [line for headline, text in TEASERS[:3] for line in (headline, text.replace(":", " (AP) —", 1))]
    assert len(clean_text("\n".join(briefs)).stories) == 3


def test_a_slideshow_counter_makes_the_next_line_a_caption():
    cleaned = clean_text("\n".join([INTRO, "Image 1 of 3", "The stage at Riverside Amphitheatre before the show.",
                                    "(Image credit: Coastline Courier)", MIDDLE]))
    (story,) = cleaned.stories
    assert story.body == (INTRO, MIDDLE)
    assert [c.text for c in story.captions] == ["The stage at Riverside Amphitheatre before the show."]


def test_nothing_after_a_bracketed_comment_count_is_the_article():
    comment = ("I think they will sell out every date within an hour, the same as last time, and the prices will "
               "be far higher than anyone expects for a band this old.")
    body = body_of("\n".join([*MENU, INTRO, MIDDLE, "[ 167 comments ]", "Top Rated Comments", "reader42",
                              "2 days ago at 07:52 am", comment, "Rating: 36 Votes", *FOOTER]))
    assert body == [INTRO, MIDDLE]
