"""Lines that scrapers glue together or leave beside the story, on pages as noisy as
real ones: an audio player's notice, a caption with its credit and a related title
glued in front of a paragraph, a lead that ends on the day it reports."""
from __future__ import annotations

import pytest

from dateline.clean.captions import ends_on_date, split_glued_caption, split_trailing_caption
from dateline.clean.lines import is_chrome
from dateline.clean.text import clean_text

LEAD = ("Flooding along the Serrano river killed at least four people and forced 2,300 from their homes over the "
        "past day, the regional emergency service reported on March 12.")
SECOND = ("Rescue teams in boats searched the low-lying districts of Valtera overnight, and the army sent two "
          "helicopters to lift families from rooftops, the service said.")
THIRD = ("The regional governor, Ines Maro, said the dykes north of the city had held but warned that more rain "
         "was forecast for the weekend.")
FOURTH = ("Schools in three districts will stay closed until Monday while engineers inspect the bridges, "
          "according to the education office.")


def page(*lines: str) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize("line", [
    "This audio version of this story was made using AI tools",
    "This audio was generated using artificial intelligence.",
    "Listen to this article 6 min",
    "Listen to the story",
])
def test_an_audio_players_notice_is_chrome(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", [
    "This audio was created with AI assistance, prosecutors said, and shared widely before the vote.",
    "Listen to the victims, the bishop told the crowd outside the cathedral on Sunday.",
])
def test_sentences_about_audio_are_no_chrome(line):
    assert not is_chrome(line)


def test_a_lead_ending_on_the_day_it_reports_is_the_body_not_a_caption():
    text = " date 2026-03-12 This audio has been read by a synthetic voice\n\n" + page(LEAD, SECOND, THIRD, FOURTH,
                                                                                 "Share this article", "Tags: floods")
    cleaned = clean_text(text)
    (story,) = cleaned.stories
    assert story.body == (LEAD, SECOND, THIRD, FOURTH)
    assert story.headline is None and story.captions == ()
    assert any(r.text == "This audio has been read by a synthetic voice" and r.reason == "boilerplate"
               for r in cleaned.removed)


def test_a_date_without_its_year_is_no_evidence_of_a_caption():
    assert not ends_on_date("Two people were injured in the shelling, the governor said on Tuesday, May 20.")
    assert ends_on_date("Rescuers search the flooded streets of Valtera, Tuesday, May 20, 2025.")


GLUED = ("Rescuers carry a woman from a flooded house in the Santo Amaro district of Valtera on March 11, 2026 "
         "AFP 2026/ LENA DUARTE Floods in Serrano Province 'Worst in Half a Century' The governor said the "
         "army would stay in the province until the water went down.")


def test_a_caption_credit_and_related_title_glued_before_a_paragraph_come_apart():
    cleaned = clean_text(page("Home | World | Americas", "Floods kill four in Serrano province",
                              "Thursday 12 March 2026 - 09:41", LEAD, SECOND, GLUED, THIRD, "By Wire Staff",
                              "Your Name", "Your Email Address"))
    (story,) = cleaned.stories
    kept = "The governor said the army would stay in the province until the water went down."
    assert story.body == (LEAD, SECOND, kept, THIRD)
    assert [(c.text[-14:], c.credit) for c in story.captions] == [("March 11, 2026", "AFP 2026/ LENA DUARTE")]
    reasons = {r.text: (r.reason, r.note) for r in cleaned.removed}
    assert reasons["Floods in Serrano Province 'Worst in Half a Century'"][0] == "boilerplate"
    assert any(text.endswith("AFP 2026/ LENA DUARTE") and reason == "caption" for text, (reason, _) in reasons.items())


@pytest.mark.parametrize(("line", "title", "rest"), [
    ("Workers clear mud from a road near Valtera. Reuters/Ana Ruiz He said the road would reopen on Friday "
     "once the slopes were checked.", None, "He said the road would reopen on Friday once the slopes were checked."),
    ("A soldier carries a child through the water in Valtera, March 11, 2026 © Reuters/ Tomas Lind "
     "Why the Serrano Keeps Flooding In the past decade the river has burst its banks four times.",
     "Why the Serrano Keeps Flooding", "In the past decade the river has burst its banks four times."),
    # a sentence whose subject is a name is not cut into a "title"
    ("Residents wait for boats in Valtera, March 11, 2026. AP Photo/Jon Bell Governor Ines Maro said more "
     "boats were on the way.", None, "Governor Ines Maro said more boats were on the way."),
])
def test_a_glued_caption_keeps_the_sentence_after_it(line, title, rest):
    glued = split_glued_caption(line)
    assert glued is not None and (glued.title, glued.rest) == (title, rest)


@pytest.mark.parametrize("line", [
    "The poll was run by Reuters/Ipsos in March and found most voters wanted the dykes raised.",
    "The agency AFP/ Getty said the photographs were taken on March 11, 2026, before the dykes broke.",
    SECOND,
])
def test_paragraphs_that_name_an_agency_are_not_cut(line):
    assert split_glued_caption(line) is None


@pytest.mark.parametrize("cut", ["Officials expect the bridge to reop", "The province's governme",
                                 'Details of the rescue: "People were shou'])
def test_a_page_cut_off_mid_word_keeps_the_few_words_left_of_its_last_paragraph(cut):
    text = page("Skip to content", "Floods kill four in Serrano province", LEAD, SECOND, THIRD, cut)
    (story,) = clean_text(text).stories
    assert story.body == (LEAD, SECOND, THIRD, cut)


@pytest.mark.parametrize("last", ["Your Email Address", "Copyri", "Serrano Floods Live Blog"])
def test_a_page_cut_off_after_its_chrome_keeps_the_chrome_out(last):
    text = page(LEAD, SECOND, THIRD, last)
    assert clean_text(text).stories[0].body == (LEAD, SECOND, THIRD)


def test_a_short_last_line_of_a_page_that_ends_whole_is_no_cut_paragraph():
    text = page(LEAD, SECOND, THIRD, "More from the region") + "\n"
    cleaned = clean_text(text)
    assert cleaned.stories[0].body == (LEAD, SECOND, THIRD)
    assert any(r.text == "More from the region" for r in cleaned.removed)


def test_the_lead_cut_out_of_a_glued_header_opens_the_body():
    lead = "A ferry carrying about 200 passengers ran aground near Porto Lindo late last night, local media report."
    header = (f" date 2026-03-01 World Ferry runs aground off Porto Lindo: dozens hurt PHOTO/VIDEO {lead} "
              "Source: Harbour Post Sunday, March 1, 2026 | 07:40 Tweet Share Jon Alder/AP Photo/Mia Kovac")
    rest = [f"{sentence} The coast guard said it would publish its first findings within a week."
            for sentence in (SECOND, THIRD, FOURTH)]
    cleaned = clean_text("\n\n\n".join([header, *rest, "Comments", "Most read", "Newsletter"]) + "\n")
    (story,) = cleaned.stories
    assert story.headline == "Ferry runs aground off Porto Lindo: dozens hurt"
    assert story.body == (lead, *rest)
    assert {"World", "PHOTO/VIDEO", "Source: Harbour Post", "Tweet Share"} <= {r.text for r in cleaned.removed}


def test_a_caption_glued_after_a_paragraph_with_an_agency_credit_leaves_the_body():
    summary = ("Schools in Valtera stayed shut on Thursday after the Serrano river burst its banks, a day after the "
               "regional governor ordered the low districts cleared.")
    picture = ("At least 2,300 people have left their homes along the river since Tuesday, when the first dykes "
               "gave way. (PTI/File)")
    cleaned = clean_text(" date 2026-03-12 " + page(f"{summary} {picture}", LEAD, SECOND, THIRD, "Comments") + "\n")
    (story,) = cleaned.stories
    assert story.body == (summary, LEAD, SECOND, THIRD)
    assert [(c.text[:20], c.credit) for c in story.captions] == [("At least 2,300 peopl", "PTI/File")]
    assert any(r.text == picture and r.reason == "caption" for r in cleaned.removed)


@pytest.mark.parametrize(("line", "paragraph", "credit"), [
    ("Boats wait on the flooded square in Valtera on Wednesday. (Reuters/Ana Ruiz)", "", "Reuters/Ana Ruiz"),
    ("The river rose two metres in a night. Volunteers fill sandbags in Valtera. (AP Photo/Jon Bell)",
     "The river rose two metres in a night.", "AP Photo/Jon Bell"),
])
def test_the_last_sentence_before_an_agency_credit_is_the_caption(line, paragraph, credit):
    found = split_trailing_caption(line)
    assert found is not None and (found[0], found[2].credit) == (paragraph, credit)


@pytest.mark.parametrize("line", [
    "The quake struck 41 km inland at a depth of 7 km. (K/TR2)",
    "The shelling wounded two farmers, the ministry said (AP).",
    "Most voters want the dykes raised, a poll found (Reuters).",
    SECOND,
])
def test_paragraphs_closed_by_a_code_or_a_bare_agency_keep_their_last_sentence(line):
    assert split_trailing_caption(line) is None


def test_a_page_whose_title_is_glued_to_its_only_paragraph_keeps_that_paragraph():
    title = "Two Hurt In Shooting Outside Maple Street Store | Harbour News Weather Sports"
    paragraph = ("Officers were called to the 200 block of Maple Street just after 9 p.m. Friday and found two men "
                 "with gunshot wounds outside a convenience store. Both were taken to hospital.")
    (story,) = clean_text(f"{title}\n\n{title}{paragraph}\n").stories
    assert story.body[0].endswith(paragraph)


@pytest.mark.parametrize("line", [
    "Having trouble viewing the video? Try disabling any ad blocking extensions currently running on your browser.",
    "Having trouble playing this video?",
])
def test_a_video_players_notice_is_chrome(line):
    assert is_chrome(line)


def test_an_embedded_post_ending_on_its_date_stays_in_the_one_story():
    post = ("Officials will give more details on the flooding at 6 p.m. pic.twitter.com/AbC123xyz "
            "— Lena Duarte (@lenaduarte) March 12, 2026")
    cleaned = clean_text(page("Floods kill four in Serrano province", LEAD, SECOND, post, THIRD, FOURTH) + "\n")
    (story,) = cleaned.stories
    assert story.body == (LEAD, SECOND, post, THIRD, FOURTH) and story.captions == ()
    assert not ends_on_date(post)
