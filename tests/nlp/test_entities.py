"""Entities: one person across full name, surname and pronoun; titles; place candidates.

Texts are written for these tests (invented people and places).
"""
from __future__ import annotations

import pickle

import pytest

spacy = pytest.importorskip("spacy")


def entities_of(nlp, text, **options):
    from dateline.nlp.analysis import parse_story
    from dateline.nlp.entities import extract_entities
    return {e.name: e for e in extract_entities(parse_story(text, nlp=nlp), text=text, **options)}


STORY = ("President Lars Hauge vowed on Friday to find those behind the bombing.\n\n"
         "Hauge met Interior Minister Ivo Brandt at the palace. He said checks at "
         "train stations must be stepped up.\n\n"
         "Hauge’s spokesman declined to comment.")


def test_full_name_surname_and_pronoun_are_one_person(nlp):
    people = entities_of(nlp, STORY)
    hauge = people["Lars Hauge"]
    assert hauge.type == "PERSON" and hauge.title == "President"
    assert hauge.mentions == 4  # "President Lars Hauge", "Hauge", "He", "Hauge’s"
    assert "Hauge" not in people
    assert [m.kind for m in hauge.spans].count("pronoun") == 1


def test_spans_are_offsets_into_the_story(nlp):
    for entity in entities_of(nlp, STORY).values():
        for mention in entity.spans:
            assert STORY[mention.span[0]:mention.span[1]] == mention.text


@pytest.mark.parametrize("text,name,title", [
    ("Interior Minister Ivo Brandt ordered checks at the ferry ports.", "Ivo Brandt",
     "Interior Minister"),
    ("Greek Prime Minister Kyra Doukas visited the island on Friday.", "Kyra Doukas", "Prime Minister"),
    ("Oryol region Gov. Andrei Vetrov said two communities lost power.", "Andrei Vetrov", "Gov."),
    ("Finance Minister Mark Devlin presented the budget. Dr Devlin said it was balanced.", "Mark Devlin",
     "Finance Minister"),
    ("Nazar Petrenko, spokesperson for the regional command, said the line held.", "Nazar Petrenko",
     "spokesperson for the regional command"),
    ("Local farmer Ali Demir lost his barn in the flood.", "Ali Demir", None),
])
def test_title_is_read_from_the_words_before_or_beside_the_name(nlp, text, name, title):
    people = entities_of(nlp, text)
    assert people[name].title == title


def test_name_seen_where_places_stand_is_a_place_candidate(nlp):
    text = "Soldiers withdrew from Palmyra in May after weeks of shelling."
    entities = entities_of(nlp, text)
    assert entities["Palmyra"].type == "GPE-candidate"


def test_gazetteer_decides_places_over_person_labels(nlp):
    text = "Rockets struck Herat before dawn, and officials in Herat said the water supply was back."
    labelled = entities_of(nlp, text)
    decided = entities_of(nlp, text, is_place=lambda name: name == "Herat")
    assert labelled["Herat"].type != "GPE-candidate"  # spaCy's label says organisation or person
    assert decided["Herat"].type == "GPE-candidate"


def test_acronym_joins_its_full_name(nlp):
    text = ("The Rapid Support Forces attacked the village on Wednesday. "
            "The RSF denied targeting civilians.")
    entities = entities_of(nlp, text)
    assert entities["Rapid Support Forces"].mentions == 2
    assert "RSF" not in entities


def test_analyse_stories_returns_plain_records_in_order(nlp):
    from dateline.nlp.analysis import analyse_stories
    texts = [STORY, "", '"We will stay," Mayor Lina Berg said.']
    analyses = analyse_stories(texts, nlp=nlp)
    assert len(analyses) == 3
    assert analyses[1].entities == () and analyses[1].quotes == ()
    assert analyses[2].quotes[0].speaker == "Lina Berg"
    assert analyses[0].words > 30
    assert pickle.loads(pickle.dumps(analyses)) == analyses  # no spaCy object inside


def test_model_loads_once_per_process():
    from dateline.nlp.model import ModelMissing, load_nlp
    try:
        assert load_nlp() is load_nlp()
    except ModelMissing as e:
        pytest.skip(str(e))


def test_missing_model_names_the_package_to_install():
    from dateline.nlp.model import ModelMissing, load_nlp
    with pytest.raises(ModelMissing, match="pip install en-core-web-zz-absent"):
        load_nlp("en_core_web_zz_absent")


@pytest.mark.parametrize("text,marked,name,title", [
    ("Rains destroyed 900 houses, Irvin Kolade, a spokesman for the flood agency told AFP.", "Kolade",
     "Irvin Kolade", "spokesman for the flood agency"),
    ("The order was signed by Marta Quist, deputy district magistrate of Eastvale.", "Marta Quist",
     "Marta Quist", "deputy district magistrate of Eastvale"),
])
def test_organisation_holding_a_post_is_a_person(nlp, text, marked, name, title):
    """A name the entity model calls an organisation, with a person's post in apposition."""
    from dateline.nlp.analysis import parse_story
    from dateline.nlp.entities import extract_entities
    doc = parse_story(text, nlp=nlp)
    start = text.index(marked)
    doc.ents = [doc.char_span(start, start + len(marked), label="ORG")]
    (entity,) = extract_entities(doc, text=text)
    assert (entity.name, entity.type, entity.title) == (name, "PERSON", title)


def test_organisation_with_a_group_in_apposition_stays_an_organisation(nlp):
    from dateline.nlp.analysis import parse_story
    from dateline.nlp.entities import extract_entities
    text = "Northern Shield, an armed group in the hills, said it held the pass."
    doc = parse_story(text, nlp=nlp)
    doc.ents = [doc.char_span(0, len("Northern Shield"), label="ORG")]
    (entity,) = extract_entities(doc, text=text)
    assert (entity.name, entity.type) == ("Northern Shield", "ORG")
