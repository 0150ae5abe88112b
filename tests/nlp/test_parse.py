"""The parse as records (nlp/parse.py): offsets into the text as written, heads as indices
among the same records, no white-space tokens, and what the party coder reads of it."""
from __future__ import annotations

from dateline.nlp.analysis import analyse_doc, parse_story
from dateline.nlp.parse import read_parse

TEXT = ("Eight people were killed in a Sudanese drone strike on Kassala.\n\n"
        "Eritrea's army said it shot down 12 drones.")


def test_each_token_keeps_its_offsets_lemma_and_head(nlp) -> None:
    tokens = read_parse(parse_story(TEXT, nlp=nlp))
    words = [TEXT[t.start:t.end] for t in tokens]
    assert words[:5] == ["Eight", "people", "were", "killed", "in"]
    assert "\n\n" not in words  # the blank line between paragraphs is no token
    by_word = dict(zip(words, tokens, strict=True))
    killed, people, strike = by_word["killed"], by_word["people"], by_word["strike"]
    assert (killed.lemma, killed.pos, killed.tag) == ("kill", "VERB", "VBN")
    assert people.dep == "nsubjpass" and words[people.head] == "killed"
    assert words[by_word["Sudanese"].head] == "strike" and by_word["Sudanese"].ent == "NORP"
    assert words[strike.head] == "in"
    roots = [words[i] for i, t in enumerate(tokens) if t.head == i]
    assert roots == ["killed", "said"]  # one root a sentence, its head itself


def test_the_story_analysis_carries_the_parse(nlp) -> None:
    analysis = analyse_doc(parse_story(TEXT, nlp=nlp), text=TEXT)
    assert [TEXT[t.start:t.end] for t in analysis.parse[-3:]] == ["12", "drones", "."]
