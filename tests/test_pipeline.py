"""The pipeline: clean, parse every story of a batch in one pipe, code events."""
from __future__ import annotations

import pytest

from dateline.models import Page
from dateline.pipeline import process_batch, process_page
from dateline.record import to_record

STRIKE = """Drone strike kills two in river port city

KHERSON, Ukraine (AP) — A drone struck a bus stop in Kherson on Tuesday, killing two people and injuring five, \
the regional governor said.

“This was a deliberate attack on civilians,” Governor Oleksandr Prokudin said in a statement.
"""

PROTEST = """Teachers rally over pay

SANTIAGO, Chile (AP) — Thousands of teachers marched through Santiago on Wednesday in a protest over pay.

Police arrested 12 people near the presidential palace.
"""


class BrokenNlp:
    """A stand-in pipeline that fails on any text holding a marker word."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp

    def pipe(self, texts, **options):
        for text in texts:
            if "EXPLODE" in text:
                raise ValueError("the parser choked")
            yield self.nlp(text)


def test_events_quotes_and_entities_reach_the_record(nlp) -> None:
    [record] = [to_record(item) for item in process_batch([Page("strike.txt", STRIKE)], nlp=nlp)]
    story = record["stories"][0]
    [event] = [event for event in story["events"] if event["core"]]
    assert event["type"] == "air_drone_strike"
    assert (event["place"]["name"], event["place"]["country"]) == ("Kherson", "UA")
    assert (event["killed"], event["injured"], event["certainty"]) == (2, 5, "reported")
    body = "\n\n".join(story["body"])
    assert body[slice(*event["spans"]["trigger"])] == event["trigger"]
    assert any("Prokudin" in (quote["speaker"] or "") for quote in story["quotes"])
    assert any(entity["name"].endswith("Prokudin") for entity in story["entities"])
    assert record["coder_version"] and record["nlp_version"]


def test_a_batch_is_parsed_in_one_pipe_call(nlp) -> None:
    calls = []

    class CountingNlp:
        def pipe(self, texts, **options):
            calls.append(1)
            return nlp.pipe(texts, **options)

    pages = [Page("strike.txt", STRIKE), Page("protest.txt", PROTEST)]
    results = process_batch(pages, nlp=CountingNlp())
    assert len(calls) == 1
    assert [item.ok for item in results] == [True, True]
    types = {event.type for event in results[1].stories[0].events}
    assert {"protest", "arrest"} <= types


def test_a_page_failing_in_nlp_is_recorded_and_the_batch_goes_on(nlp) -> None:
    pages = [Page("good.txt", STRIKE), Page("bad.txt", PROTEST.replace("Thousands", "EXPLODE")),
             Page("also-good.txt", PROTEST)]
    results = process_batch(pages, nlp=BrokenNlp(nlp))
    assert [item.ok for item in results] == [True, False, True]
    failure = results[1].failure
    assert failure is not None and failure.stage == "nlp" and "choked" in failure.reason
    assert results[2].stories[0].events


def test_process_page_is_the_batch_of_one(nlp) -> None:
    page = Page("strike.txt", STRIKE)
    assert to_record(process_page(page)) == to_record(process_batch([page], nlp=nlp)[0])


def test_clean_only_leaves_events_empty() -> None:
    [item] = process_batch([Page("strike.txt", STRIKE)], analyse=False)
    assert item.stories and item.stories[0].events == () and item.coder_version is None


@pytest.mark.parametrize("text", ["", "\x00\x01binary\xff" * 10])
def test_empty_or_odd_pages_do_not_crash_the_nlp_stage(nlp, text: str) -> None:
    [item] = process_batch([Page("odd.txt", text)], nlp=nlp)
    assert item.ok or item.failure.stage in ("clean", "nlp")


def test_a_story_longer_than_the_parser_takes_fails_its_page_unparsed_and_the_batch_goes_on(nlp) -> None:
    parsed: list[str] = []

    class ShortNlp:  # the real pipeline with a low max_length
        max_length = 400

        def pipe(self, texts, **options):
            texts = list(texts)
            parsed.extend(texts)
            return nlp.pipe(texts, **options)

    more = "".join(f"\nMarchers reached checkpoint number {n} of the route before noon on Wednesday.\n"
                   for n in range(1, 9))
    long_page = Page("long.txt", PROTEST + more)
    results = process_batch([Page("strike.txt", STRIKE), long_page], nlp=ShortNlp())
    assert [item.ok for item in results] == [True, False]
    assert (results[1].failure.stage, results[1].failure.reason) == (
        "nlp", "a story is too long for the parser (over 400 characters)")
    assert parsed and all(len(text) <= 400 for text in parsed)  # checked before the parser saw it
