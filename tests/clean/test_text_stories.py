"""What a reader of the cleaned record notices: one copy of each paragraph, captions
apart from the body, chrome gone, one story per story, nothing dropped silently."""
from __future__ import annotations

from dateline.clean import text as text_module
from dateline.clean.text import clean_text

LEAD = ("HARBOURTON, Freedonia (AP) — The city council on Wednesday approved an emergency budget of 40 million "
        "crowns to repair sea walls and drainage after a week of storms flooded the old port district.")
SECOND = ("Council members voted 11 to 2 for the plan, which draws on reserves set aside for a new tram line "
          "that has been delayed for years.")
THIRD = ("Mayor Ilse Varga said the money would go first to the pumping stations that failed during the worst "
         "night of the storm, when water reached more than 300 homes.")
CAPTION = ("Residents wade through a flooded market hall in Harbourton, Freedonia, Sunday, July 2, 2023. "
           "(Anton Reyes/AP Photo)")


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_a_repeated_paragraph_is_kept_once_and_recorded_as_duplicate():
    cleaned = clean_text(page("Council approves flood budget", LEAD, SECOND, LEAD, THIRD))
    (story,) = cleaned.stories
    assert story.body == (LEAD, SECOND, THIRD)
    assert [r.reason for r in cleaned.removed if r.text == LEAD] == ["duplicate"]


def test_a_near_repeat_of_a_paragraph_is_dropped_too():
    near = SECOND.replace("for years.", "for several years.")
    (story,) = clean_text(page(LEAD, SECOND, THIRD, near)).stories
    assert story.body == (LEAD, SECOND, THIRD)


def test_captions_leave_the_body_once_each_with_their_credit():
    (story,) = clean_text(page(LEAD, CAPTION, SECOND, CAPTION, THIRD, CAPTION)).stories
    assert story.body == (LEAD, SECOND, THIRD)
    assert [(c.text[:20], c.credit) for c in story.captions] == [("Residents wade throu", "Anton Reyes/AP Photo")]


def test_headline_repeated_and_chrome_around_it():
    headline = "Harbour city council approves emergency flood budget after week of storms"
    cleaned = clean_text(page("Skip to Content", headline, "ENT", headline, "More Images", LEAD, SECOND,
                              "Recommended Articles"))
    (story,) = cleaned.stories
    assert story.headline == headline
    assert story.dateline is not None and story.dateline.place == "HARBOURTON"
    assert story.body == (LEAD, SECOND)
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Recommended Articles"] == "boilerplate" and reasons[headline] == "duplicate"


def test_a_new_dateline_opens_a_new_story():
    other = ("PORT ELAN, Freedonia (AP) — Rescue crews pulled two fishermen from a capsized trawler off the "
             "northern coast, the coast guard said Monday.")
    stories = clean_text(page(LEAD, SECOND, other, THIRD.replace("Mayor Ilse Varga", "The coast guard"))).stories
    assert [s.dateline.place for s in stories] == ["HARBOURTON", "PORT ELAN"]
    assert len(stories[1].body) == 2


def test_briefs_with_headlines_become_one_story_each():
    stories = clean_text("\n".join([
        "International Briefs",
        "Council approves flood budget after week of storms", LEAD,
        "Fishermen rescued from capsized trawler off northern coast",
        "PORT ELAN, Freedonia (AP) — Rescue crews pulled two fishermen from a capsized trawler, the coast guard said.",
    ])).stories
    assert [s.headline for s in stories] == ["Council approves flood budget after week of storms",
                                             "Fishermen rescued from capsized trawler off northern coast"]


def test_an_injected_related_headline_inside_the_story_is_chrome():
    related = "Rescuers say 23 killed in collapse of market hall"
    cleaned = clean_text(page(LEAD, SECOND, related, THIRD))
    (story,) = cleaned.stories
    assert related not in story.body and story.body == (LEAD, SECOND, THIRD)
    assert any(r.text == related and r.reason == "boilerplate" for r in cleaned.removed)


def test_a_page_cut_off_mid_sentence_keeps_its_last_words():
    cut = "The harbour master told reporters then that “some 40 trawlers"
    (story,) = clean_text(page(LEAD, SECOND, cut)).stories
    assert story.body[-1] == cut


def test_related_headlines_after_the_story_are_chrome():
    cleaned = clean_text(page(LEAD, SECOND, "Drought forces farmers to sell cattle early",
                              "Will the central bank cut rates again this year?"))
    assert cleaned.stories[0].body == (LEAD, SECOND)


def test_stock_tickers_and_editor_codes_are_removed():
    cleaned = clean_text("\n".join(["ACME | 1.25% | 41.10 | $ | |", "BOLT | -0.40% | 12.02 | $ |",
                                    LEAD, SECOND + " (T/RE1)"]))
    assert cleaned.stories[0].body == (LEAD, SECOND)
    assert {r.text for r in cleaned.removed} >= {"ACME | 1.25% | 41.10 | $ | |", "(T/RE1)"}


def test_lines_outside_the_main_content_are_removed_unless_extracted(monkeypatch):
    monkeypatch.setattr(text_module, "select_regions", lambda lines: [(1, len(lines))])
    footer = "Readers who enjoyed this piece also spent time with our long reads from the archive last month."
    cleaned = clean_text(page(footer, SECOND, THIRD))
    assert cleaned.stories[0].body == (SECOND, THIRD)
    assert any(r.text == footer and r.note == "outside main content" for r in cleaned.removed)
    assert clean_text(page(footer, SECOND, THIRD), extracted=True).stories[0].body[0] == footer


def test_a_datelined_story_left_out_by_the_region_selector_is_kept(monkeypatch):
    monkeypatch.setattr(text_module, "select_regions", lambda lines: [(0, 2)])
    stories = clean_text(page(LEAD, SECOND, "PORT ELAN, Freedonia (AP) — Rescue crews pulled two fishermen from "
                              "a capsized trawler off the northern coast, the coast guard said Monday.")).stories
    assert len(stories) == 2


def test_hints_from_html_metadata_win():
    bare_caption = CAPTION.split(" (", maxsplit=1)[0]
    cleaned = clean_text(page(SECOND, bare_caption, THIRD), title="Flood budget approved",
                         published="2023-07-05", captions=[bare_caption])
    (story,) = cleaned.stories
    assert (story.headline, story.published) == ("Flood budget approved", "2023-07-05")
    assert story.body == (SECOND, THIRD) and len(story.captions) == 1


def test_text_in_scripts_without_spaces_is_read_as_prose():
    (story,) = clean_text("メニュー\n今日は市議会が洪水対策の緊急予算を承認しました。"
                          "港の古い地区は一週間の嵐で浸水しました。").stories
    assert story.body[0].startswith("今日は")


def test_empty_and_binary_pages_give_no_story_and_no_error():
    assert clean_text("").stories == ()
    assert clean_text("\x00\x01\ufffd\ufffd\x7f" * 500).stories == ()


def test_extracted_text_keeps_its_list_items_and_subheads():
    items = ["What you need to pack", "A torch and spare batteries", "Water for three days"]
    (story,) = clean_text(page(LEAD, *items, SECOND), extracted=True).stories
    assert story.body == (LEAD, *items, SECOND)
    (flat,) = clean_text(page(LEAD, *items, SECOND)).stories
    assert "What you need to pack" not in flat.body


def test_a_standfirst_above_a_datelined_lead_stays_one_story_with_that_dateline():
    standfirst = ("Delegates at the regional water summit reached agreement on key points, including a shared "
                  "plan for dry seasons, the host country's minister said on Saturday.")
    lead = ("OSLO (Reuters) The minister said the talks had been frank and that several delegations had "
            "offered new ideas for sharing the river's water.")
    (story,) = clean_text(page("Water summit ends with agreement on key points", standfirst, lead, SECOND,
                               THIRD)).stories
    assert story.body[:2] == (standfirst, lead)
    assert (story.dateline.place, story.dateline.agency) == ("OSLO", "Reuters")


def test_a_gallery_of_captions_without_credits_below_the_story_leaves_the_body():
    gallery = ["A volunteer carries sandbags along the flooded quay in Harbourton on Sunday",
               "Firefighters pump water out of a basement as the river keeps rising in the old port district",
               "Residents watch the storm surge from the harbour wall in Harbourton"]
    cleaned = clean_text(page("Council approves flood budget", LEAD, SECOND, THIRD, *gallery))
    (story,) = cleaned.stories
    assert story.body == (LEAD, SECOND, THIRD)
    assert [c.text for c in story.captions] == gallery
    assert [r.text for r in cleaned.removed if r.reason == "caption"] == gallery


def test_a_last_paragraph_cut_off_by_the_page_is_not_taken_for_a_caption():
    looks_like_caption = ("Engineers inspect the old drainage tunnels under the market hall in Harbourton "
                          "as the council debates the budget and the plans for the quay")
    cut = ("The council will meet again next month to decide how much of the reserve goes to the pumping "
           "stations and how much to the")
    cleaned = clean_text(page("Council approves flood budget", LEAD, SECOND, THIRD, looks_like_caption, cut))
    assert cleaned.stories[0].body[-1] == cut
    assert not any(r.note == "photo caption below the story" for r in cleaned.removed)
    (story,) = clean_text(page("Council approves flood budget", LEAD, SECOND, THIRD, looks_like_caption)).stories
    assert story.body == (LEAD, SECOND, THIRD, looks_like_caption)  # one such line alone is no gallery


def test_a_fair_use_notice_of_a_reposting_site_is_chrome():
    notice = ("This story was copied on 3Aug21 to the Harbour Archive. It appears here as fair use under Title 17 "
              "U.S.C. Section 107, is distributed without profit and is kept for study and teaching only.")
    cleaned = clean_text(page("Council approves flood budget", LEAD, SECOND, THIRD, notice))
    assert cleaned.stories[0].body == (LEAD, SECOND, THIRD)
    assert any(r.text == notice and r.reason == "boilerplate" for r in cleaned.removed)


def test_a_live_page_keeps_its_short_datelined_lead_and_drops_the_breadcrumb():
    crumbs = "World / Americas / Weather / Live"
    lead = "PUERTO AZUL (AP) — The latest on the storm that hit the coast overnight (all times local):"
    update = ("Officials in the port say the toll from the storm has risen to 14 after crews reached two fishing "
              "villages cut off by landslides south of the city.")
    cleaned = clean_text(page(crumbs, "The Latest: Storm toll rises to 14 on the coast", lead, "6 p.m.", update,
                              SECOND))
    (story,) = cleaned.stories
    assert story.headline == "The Latest: Storm toll rises to 14 on the coast"
    assert story.body[0] == lead and story.dateline.place == "PUERTO AZUL"
    assert any(r.text == crumbs and r.reason == "boilerplate" for r in cleaned.removed)


def test_a_header_glued_into_one_line_comes_apart_into_label_headline_standfirst_and_chrome():
    standfirst = ("The council of Harbourton voted for an emergency budget to repair the sea walls after a week of "
                  "storms, local media reported.")
    header = (f"World Harbourton approves flood budget: sea walls first PHOTO/VIDEO {standfirst} Source: Harbour "
              "Post Monday, May 6, 2024 | 08:15 Tweet Share Jon Alder/AP Photo/Mia Kovac")
    cleaned = clean_text(page(header, LEAD, SECOND, THIRD))
    (story,) = cleaned.stories
    assert story.headline == "Harbourton approves flood budget: sea walls first"
    assert story.body[-3:] == (LEAD, SECOND, THIRD)
    assert story.published == "2024-05-06T08:15"
    # the standfirst is body text or a line recorded as removed, never lost or glued to chrome
    assert standfirst in story.body or any(r.text == standfirst for r in cleaned.removed)
    removed = {r.text for r in cleaned.removed}
    assert {"World", "PHOTO/VIDEO", "Tweet Share", "Jon Alder/AP Photo/Mia Kovac"} <= removed


def test_a_long_first_paragraph_that_mentions_a_photo_once_stays_whole():
    lead = ("The council published a photo/video record of the flood damage on Monday, March 4, 2024, and asked "
            "residents to send their own pictures of the worst streets before the insurers visit next week.")
    (story,) = clean_text(page("Council asks for flood pictures", lead, SECOND, THIRD)).stories
    assert story.body[0] == lead


def test_a_line_printed_twice_in_a_row_is_a_caption_once_and_its_cut_copy_a_duplicate():
    picture = "Workers clear rubble from the collapsed market hall in Harbourton on Monday."
    cleaned = clean_text(page(LEAD, f"{picture}\n{picture}", SECOND, THIRD, picture[:50]))
    (story,) = cleaned.stories
    assert story.body == (LEAD, SECOND, THIRD)
    assert [c.text for c in story.captions] == [picture]
    assert [r.reason for r in cleaned.removed if r.text.startswith(picture[:50])] == ["caption", "duplicate",
                                                                                     "duplicate"]


def test_a_page_whose_every_paragraph_is_doubled_keeps_them_as_body():
    doubled = "\n\n".join(f"{p}\n{p}" for p in (LEAD, SECOND, THIRD))
    (story,) = clean_text(doubled).stories
    assert story.body == (LEAD, SECOND, THIRD)
