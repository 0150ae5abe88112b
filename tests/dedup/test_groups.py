"""Duplicates: exact copies share a body hash, near copies (other chrome, light
edits) share a group, different stories about one happening stay apart."""
from __future__ import annotations

import pytest

from dateline.dedup import (StoryPrint, decode_signature, encode_signature, fingerprint_texts, group_stories,
                            hash_body, measure_similarity)

WIRE = """LAGOS, Nigeria (AP) — Floodwaters swept through three riverside districts of Lokoja overnight, \
forcing thousands of families onto rooftops and cutting the main highway to the capital, officials said on Sunday.
The state emergency agency said at least 40 houses collapsed after the Niger and Benue rivers burst their banks \
following a week of heavy rain upstream.
“We have never seen the water rise this fast,” said Hauwa Musa, a trader who spent the night on the roof of \
her shop with her four children.
Rescue workers in canoes ferried the elderly to a school on higher ground, where the Red Cross set up a clinic \
and handed out drinking water.
The federal government promised to release emergency funds, but residents said no help had reached them by \
Sunday afternoon.
Forecasters warned that more rain was expected later in the week across the middle belt."""

CHROME = ("Advertisement\nShare on Facebook | Share on X | Email\n" + WIRE +
          "\nRelated: Five things to know about the rainy season\n© 2025 The Riverside Courier. All rights reserved.")

EDITED = (WIRE.replace("at least 40 houses", "at least 46 houses")
              .replace("on higher ground", "on a hill")
          + "\nThis story has been updated with the number of houses.")

CUT = "\n".join(WIRE.split("\n")[:5])  # a copy that drops the last paragraph

SAME_FLOOD_OTHER_WRITER = """Residents of Lokoja woke to waist-deep water on Sunday after the two great rivers that \
meet at the city overflowed. Dozens of homes in low-lying neighbourhoods gave way, according to the emergency \
agency, and the road to Abuja was closed. A mother of four described climbing onto her roof with her children as the \
current rose. Volunteers used canoes to move older people to a school, and the Red Cross opened a clinic there. \
Officials in the capital said money for relief would be released soon."""

OTHER_STORY = """KYIV, Ukraine (AP) — Ukraine's parliament approved a new budget on Thursday after a week of \
debate over military spending, teachers' pay and the cost of rebuilding power plants damaged in the winter."""


def prints(*texts: str) -> list[StoryPrint]:
    return [StoryPrint(key=f"s{i}", story_id=f"id{i}", fingerprint=f)
            for i, f in enumerate(fingerprint_texts(texts))]


@pytest.mark.parametrize("copy", [CHROME, EDITED, CUT], ids=["other-chrome", "light-edits", "last-paragraph-cut"])
def test_a_syndicated_copy_joins_the_group_of_the_first_story(copy: str) -> None:
    groups = group_stories(prints(WIRE, OTHER_STORY, copy))
    assert [(g.group_id, g.keys) for g in groups] == [("id0", ("s0", "s2")), ("id1", ("s1",))]


def test_two_stories_about_one_happening_written_apart_are_not_copies() -> None:
    groups = group_stories(prints(WIRE, SAME_FLOOD_OTHER_WRITER))
    assert [g.size for g in groups] == [1, 1]


def test_exact_copies_share_a_hash_whatever_their_spacing_case_and_quote_marks() -> None:
    retyped = WIRE.upper().replace("“", '"').replace("”", '"').replace("\n", "\n\n  ")
    assert hash_body(retyped) == hash_body(WIRE)
    assert hash_body(OTHER_STORY) != hash_body(WIRE)
    groups = group_stories(prints(OTHER_STORY, WIRE, retyped, WIRE))
    assert [g.keys for g in groups] == [("s0",), ("s1", "s2", "s3")]


def test_a_stored_signature_reads_back_the_same() -> None:
    original, copy = fingerprint_texts([WIRE, CHROME])
    decoded = decode_signature(encode_signature(original.signature))
    assert decoded.jaccard(copy.signature) == original.signature.jaccard(copy.signature)
    assert measure_similarity(original, copy) > 0.5


def test_copies_join_through_a_chain_and_short_or_empty_texts_do_not_break_grouping() -> None:
    groups = group_stories(prints(WIRE, CHROME, "", "Police said.", "police said"))
    assert [g.keys for g in groups] == [("s0", "s1"), ("s2",), ("s3", "s4")]
