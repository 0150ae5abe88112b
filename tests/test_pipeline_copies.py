"""Copies within a batch are parsed and coded once, and every copy gets the coding."""
from __future__ import annotations

from dateline.models import Page
from dateline.pipeline import process_batch

STORY = """Drone strike kills two in river port city
Published: 2025-06-03

KHERSON, Ukraine (AP) — A drone struck a bus stop in Kherson on Tuesday, killing two people and injuring five, \
the regional governor said.

“This was a deliberate attack on civilians,” Governor Oleksandr Prokudin said in a statement.
"""

OTHER = """Teachers rally over pay
Published: 2025-06-04

SANTIAGO, Chile (AP) — Thousands of teachers marched through Santiago on Wednesday in a protest over pay.
"""


class RecordingNlp:
    """The real pipeline, remembering every text it was asked to parse."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.texts: list[str] = []

    def pipe(self, texts, **options):
        for text in texts:
            self.texts.append(text)
            yield self.nlp(text)


def test_each_distinct_story_text_reaches_the_parser_once(nlp) -> None:
    recording = RecordingNlp(nlp)
    copy_elsewhere = "SITE MENU | NEWS | SPORT\n" + STORY + "\nShare this story\n"
    pages = [Page("a.txt", STORY), Page("b.txt", OTHER), Page("c.txt", copy_elsewhere), Page("d.txt", STORY + " ")]
    done = process_batch(pages, nlp=recording)
    assert all(item.ok for item in done)
    assert len(recording.texts) == len(set(recording.texts)) == 2
    first, _, copy, again = (item.stories[0] for item in done)
    assert first.events and copy.events == first.events == again.events
    assert copy.quotes == first.quotes and copy.entities == first.entities


def test_a_copy_with_another_date_is_coded_for_its_own_date(nlp) -> None:
    later = STORY.replace("2025-06-03", "2025-06-10")
    recording = RecordingNlp(nlp)
    first, second = (item.stories[0] for item in process_batch([Page("a.txt", STORY), Page("b.txt", later)],
                                                                nlp=recording))
    assert len(recording.texts) == 1  # parsed once
    strike = [e for e in first.events if e.type == "air_drone_strike"]
    moved = [e for e in second.events if e.type == "air_drone_strike"]
    assert strike and moved and strike[0].date == "2025-06-03" and moved[0].date == "2025-06-10"
