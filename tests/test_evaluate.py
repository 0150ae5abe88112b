"""Scoring against gold files (spec/gold.md): the matching rules one by one,
table-driven, and `dateline eval` printing exactly what the shared scorer prints."""
from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys

import pytest

from dateline.evaluate import (compute_f1, find_quote, match_date, match_event, match_party, match_place,
                               score_events, score_page, summarize_scores, tokenize_words)

ODESA = {"lat": 46.482, "lon": 30.723}


def gold_event(type_="attack", *, country="UA", date=("2024-05-01",), core=True, **fields):
    return {"type": type_, "country": country, "date": list(date), "core": core, "place": "Harbour city",
            **ODESA, **fields}


def pred_event(type_="attack", *, country="UA", date="2024-05-01", lat=46.48, lon=30.72, name="Harbour city",
               **fields):
    return {"type": type_, "place": {"name": name, "country": country, "lat": lat, "lon": lon}, "date": date,
            **fields}


@pytest.mark.parametrize("gold_type, pred_type, matches", [
    ("attack", "attack", True),
    ("attack", "air_drone_strike", True),          # one violence family
    ("missile_artillery", "bombing", True),
    ("armed_clash", "interception", False),        # interception is its own family
    ("protest", "riot", False),
    ("meet", "meet", True),
    ("arrest", "abduction", False),
])
def test_events_match_within_their_family_only(gold_type, pred_type, matches) -> None:
    assert match_event(gold_event(gold_type), pred_event(pred_type)) is matches


@pytest.mark.parametrize("gold, place, matches", [
    ({"country": "UA", **ODESA}, {"country": "ua", "lat": 46.6, "lon": 30.8}, True),      # ~17 km, any case
    ({"country": "UA", **ODESA}, {"country": "UA", "lat": 47.2, "lon": 30.723}, False),   # ~80 km > 50 default
    ({"country": "UA", **ODESA, "radius_km": 100}, {"country": "UA", "lat": 47.2, "lon": 30.723}, True),
    ({"country": "UA", **ODESA}, {"country": "MD", "lat": 46.48, "lon": 30.72}, False),   # wrong country
    ({"country": "UA", "place": None}, {"country": "UA", "name": "Anywhere"}, True),      # country only
    ({"country": "UA", "place": None}, None, False),
    ({"country": "UA", "place": "Odesa port", **ODESA}, {"country": "UA", "name": "Odesa"}, True),  # no point: names
    ({"country": "UA", "place": "Odesa", **ODESA}, {"country": "UA", "name": "Odesa port"}, True),
    ({"country": "UA", "place": "Odesa", **ODESA}, {"country": "UA", "name": "Kherson"}, False),
    ({"country": "UA", "place": "Odesa", **ODESA}, {"country": "UA", "name": None}, False),
])
def test_place_matches_by_country_then_radius_or_name(gold, place, matches) -> None:
    assert match_place(gold, place) is matches


@pytest.mark.parametrize("accepted, date, date_end, matches", [
    (["2024-05-01"], "2024-05-01", None, True),
    (["2024-05-01"], "2024-05-01T14:00", None, True),   # finer than the gold is fine
    (["2024-05-01"], "2024-05", None, False),           # coarser than the gold is not
    (["2024-05"], "2024-05-17", None, True),            # the gold's month precision
    (["2024"], "2024-12-31", None, True),
    (["2024-05-02", "2024-05-01"], "2024-05-01", None, True),  # any accepted date
    (["2024-05-03"], "2024-05-01", "2024-05-04", True),       # a day inside the event's range
    (["2024-05-05"], "2024-05-01", "2024-05-04", False),
    (["2024-05"], "2024-04-28", "2024-05-04", False),         # ranges meet day-precision gold only
    ([], None, None, True),                                   # the page fixes no date
    ("2024-05-01", "2024-05-01", None, True),                 # a bare string is one accepted date
    (["2024-05-01"], None, None, False),
])
def test_dates_match_at_the_gold_precision(accepted, date, date_end, matches) -> None:
    assert match_date({"date": accepted}, {"date": date, "date_end": date_end}) is matches


@pytest.mark.parametrize("gold_killed, said, right", [
    (3, 3, 1), (3, 4, 0), (3, None, 0),
    (0, None, 1),   # a gold 0 is met by saying nothing
    (0, 0, 1), (0, 2, 0),
    (None, 7, None),  # a gold null is not scored at all
])
def test_counts_are_scored_where_the_gold_states_them(gold_killed, said, right) -> None:
    score = score_events([gold_event(killed=gold_killed)], [pred_event(killed=said)])
    assert score.tp == 1
    if right is None:
        assert score.counts_total == 0
    else:
        assert (score.counts_right, score.counts_total) == (right, 1)


def test_each_gold_event_takes_one_prediction_and_the_closest_with_right_counts() -> None:
    golds = [gold_event(killed=6), gold_event(killed=3)]
    preds = [pred_event(killed=3), pred_event(killed=6), pred_event(killed=9)]
    score = score_events(golds, preds)
    assert (score.tp, score.fn, score.counts_right, score.counts_total) == (2, 0, 2, 2)
    assert score.fp == 1 and score.false[0]["killed"] == 9


def test_pairing_finds_the_most_pairs_even_when_the_cheapest_pair_blocks_one() -> None:
    near, far = pred_event(lat=46.482, lon=30.723), pred_event("attack", lat=46.2, lon=30.723)
    wide = gold_event(radius_km=100)  # reaches both predictions
    tight = gold_event()              # reaches only the near one
    score = score_events([wide, tight], [near, far])
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)


def test_optional_gold_events_excuse_predictions_but_are_never_missed() -> None:
    golds = [gold_event("meet", core=False), gold_event("riot", core=False, date=("2014-05-02",))]
    preds = [pred_event("riot", date="2014-05-02"), pred_event("meet"), pred_event("arrest")]
    score = score_events(golds, preds)
    assert (score.tp, score.fn, score.fp) == (0, 0, 1)  # only the unmatched arrest (a core type) is false
    assert score_events([], [pred_event("warn")]).fp == 0  # relations are never false positives


RSF = {"names": ["Rapid Support Forces", "RSF"], "kind": "rebels", "country": None}


@pytest.mark.parametrize("gold, pred, right", [
    (RSF, {"name": "Rapid Support Forces", "kind": "rebels", "country": None}, True),
    (RSF, {"name": "the RSF paramilitary", "kind": "rebels", "country": None}, True),     # the acronym as a word
    (RSF, {"name": "Rapid Support Forces", "kind": "state_forces", "country": None}, False),  # kind first
    (RSF, {"name": "Sudanese Armed Forces", "kind": "rebels", "country": None}, False),
    (RSF, None, False),
    ({"names": ["Russian forces"], "kind": "state_forces", "country": "RU"},
     {"name": "Military Forces of Russia", "kind": "state_forces", "country": "RU"}, True),   # both countries given
    ({"names": ["Russian forces"], "kind": "state_forces", "country": "RU"},
     {"name": "Russian forces", "kind": "state_forces", "country": "UA"}, False),
    ({"names": ["Russian forces"], "kind": "state_forces", "country": "RU"},
     {"name": "Russia's army", "kind": "state_forces", "country": None}, True),   # Russia ~ Russian
    ({"names": ["Iranian forces"], "kind": "state_forces"}, {"name": "Iraqi forces", "kind": "state_forces"}, False),
    ({"names": ["unidentified gunmen"], "kind": "political_militia"},
     {"name": "armed men", "kind": "political_militia"}, True),   # nothing distinctive: the kind decides
    ({"names": ["Allied Democratic Forces", "ADF"], "kind": "rebels"},
     {"name": "Allied Democratic Forces", "kind": "rebels"}, True),
    ({"names": ["ISWAP"], "kind": "rebels"}, {"name": "Islamic State West Africa Province", "kind": "rebels"}, True),
])
def test_actors_and_targets_match_by_kind_then_country_or_a_distinctive_word(gold, pred, right) -> None:
    assert match_party(gold, pred) is right


def test_actor_and_target_accuracy_count_matched_core_events_whose_gold_names_a_party() -> None:
    golds = [gold_event(killed=2, actor=RSF, target={"names": ["civilians"], "kind": "civilians", "country": "SD"}),
             gold_event("protest", date=("2024-05-02",))]
    preds = [pred_event(killed=2, actor={"name": "RSF", "kind": "rebels", "country": None},
                        target={"name": "villagers", "kind": "civilians", "country": "UA"}),
             pred_event("protest", date="2024-05-02")]
    score = score_events(golds, preds)
    assert (score.actors_right, score.actors_total, score.targets_right, score.targets_total) == (1, 1, 0, 1)
    summary = summarize_scores([score_page({"events": golds}, {"stories": [{"events": preds}]})])
    assert (summary.actor_accuracy, summary.target_accuracy) == (1.0, 0.0)


def test_geolocation_takes_the_nearest_prediction_of_the_family_and_date_wherever_it_was_put() -> None:
    gold = gold_event()  # Odesa, 2024-05-01
    preds = [pred_event(lat=47.0, lon=30.723),               # ~58 km: outside the radius, within 161 km
             pred_event(lat=49.0, lon=30.723),               # farther
             pred_event("protest", lat=46.482, lon=30.723),  # another family
             pred_event(lat=46.482, lon=30.723, date="2024-05-09")]  # another day
    score = score_events([gold], preds)
    assert score.tp == 0 and (score.geo_located, score.geo_country, score.geo_161) == (1, 1, 1)
    far = score_events([gold], [pred_event(lat=49.0, lon=30.723, country="MD")])
    assert (far.geo_located, far.geo_country, far.geo_161) == (1, 0, 0)
    assert score_events([gold], [pred_event("protest")]).geo_located == 0  # nothing to locate: a miss


@pytest.mark.parametrize("gold, pred, found", [
    ({"speaker": "Putin", "text": "They will pay for this"},
     {"speaker": "Vladimir Putin", "text": "They will pay for this, he said"}, True),
    ({"speaker": "Anna Kowalska", "text": "We will rebuild"},
     {"speaker": "Kowalska", "text": "we will rebuild it"}, True),
    ({"speaker": "Anna Kowalska", "text": "We will rebuild"},
     {"speaker": "Anna", "text": "We will rebuild"}, False),  # surname needed
    ({"speaker": "Ruiz", "text": "one two three four"},
     {"speaker": "Ruiz", "text": "one two"}, True),   # half is enough
    ({"speaker": "Ruiz", "text": "one two three four"}, {"speaker": "Ruiz", "text": "one"}, False),
    ({"speaker": "O\u2019Neill", "text": "It\u2019s over"}, {"speaker": "Sean O'Neill", "text": "its over"}, True),
    ({"speaker": None, "text": "Nobody said this"}, {"speaker": None, "text": "Nobody said this"}, False),
    ({"speaker": "Ruiz", "text": "We stay"}, {"speaker": None, "text": "We stay"}, False),
])
def test_quotes_are_found_by_half_their_words_and_the_surname(gold, pred, found) -> None:
    assert find_quote(gold, [pred]) is found


def test_words_ignore_case_curly_marks_and_apostrophes() -> None:
    assert tokenize_words("Don\u2019t STOP \u201cnow\u201d") == ["dont", "stop", "now"]


def test_a_page_scores_body_leaks_stories_and_fields() -> None:
    gold = {"stories": [{"dateline": {"place": "KESSEL"}, "published": "2025-01-02T10:00",
                         "body": ["Talks ended late.", "Both sides left."], "captions": ["Envoys arrive at the hall"]},
                        {"published": "2025-01-03", "body": ["A second story."]}],
            "boilerplate": ["Share this article", "Ad"]}
    record = {"stories": [{"dateline": {"place": "Kessel"}, "published": "2025-01-02",
                           "body": ["Talks ended late.", "Share this article now", "Envoys arrive at the hall."]}]}
    score = score_page(gold, record)
    assert score.leaks == ("Share this article", "Envoys arrive at the hall")  # "Ad" is too short to count
    assert (score.stories_gold, score.stories_pred) == (2, 1)
    assert (score.fields_right, score.fields_total) == (2, 3)  # the missing second story's date is wrong
    summary = summarize_scores([score])
    assert summary.story_count_right == "0/1" and summary.leaks == 2
    # 3 words shared of 12 predicted and 9 gold: precision 1/4, recall 1/3
    assert summary.body_f1 == 0.286 == round(compute_f1(3, 9, 6)[2], 3)


def test_nothing_to_find_and_nothing_found_is_perfect() -> None:
    summary = summarize_scores([score_page({"stories": []}, {"stories": []})])
    assert (summary.event_f1, summary.count_accuracy, summary.quote_recall, summary.body_f1) == (1.0, None, None, None)


# agreement with the shared scorer


def load_shared_scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("shared_score", shared_dir / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PARTY_NAMES = ["Russian forces", "Military Forces of Ukraine", "RSF", "Rapid Support Forces", "gunmen", "civilians",
               "Ukraine's army"]
PARTY_KINDS = ["state_forces", "rebels", "civilians"]


def random_events(rng: random.Random, n: int, *, gold: bool) -> list[dict]:
    types = ["attack", "air_drone_strike", "interception", "protest", "riot", "meet", "arrest"]
    made = []
    for _ in range(n):
        lat, lon = 46 + rng.random(), 30 + rng.random()
        counts = {f: rng.choice([None, 0, 1, 2]) for f in ("killed", "injured", "arrested")}
        day = f"2024-05-0{rng.randint(1, 3)}"
        if gold:
            parties = {side: rng.choice([None, {"names": [rng.choice(PARTY_NAMES)], "kind": rng.choice(PARTY_KINDS),
                                                "country": rng.choice([None, "UA", "RU"])}])
                       for side in ("actor", "target")}
            made.append({"type": rng.choice(types), "country": rng.choice(["UA", "UA", "RU"]), "lat": lat, "lon": lon,
                         "radius_km": rng.choice([50, 80]), "place": "X",
                         "date": rng.choice([[day], [day[:7]], []]), "core": rng.random() < 0.7, **counts, **parties})
        else:
            parties = {side: rng.choice([None, {"name": rng.choice(PARTY_NAMES), "kind": rng.choice(PARTY_KINDS),
                                                "country": rng.choice([None, "UA", "RU"])}])
                       for side in ("actor", "target")}
            made.append({"type": rng.choice(types), "date": rng.choice([day, day[:7], None]),
                         "place": {"name": "X", "country": rng.choice(["UA", "RU"]), "lat": lat, "lon": lon},
                         **counts, **parties})
    return made


def test_event_scores_agree_with_the_shared_scorer_on_random_cases(shared_dir) -> None:
    shared = load_shared_scorer(shared_dir)
    rng = random.Random(20240501)
    for _ in range(400):
        golds = random_events(rng, rng.randint(0, 6), gold=True)
        preds = random_events(rng, rng.randint(0, 8), gold=False)
        theirs = shared.score_events(golds, preds)
        ours = score_events(golds, preds)
        fields = ("tp", "fp", "fn", "counts_right", "counts_total", "actors_right", "actors_total", "targets_right",
                  "targets_total", "geo_located", "geo_country", "geo_161")
        assert [getattr(ours, name) for name in fields] == [theirs[name] for name in fields]


@pytest.mark.slow
def test_dateline_eval_prints_what_the_shared_scorer_prints(shared_dir, repo_root, dateline_cli) -> None:
    dev = shared_dir / "dev"
    env = {**os.environ, "TYPER_USE_RICH": "0", "NO_COLOR": "1"}
    ours = subprocess.run([*dateline_cli, "eval", str(dev), "--verbose", "--json"], capture_output=True,
                          text=True, env=env, timeout=900, check=False)
    theirs = subprocess.run([sys.executable, str(shared_dir / "tools" / "score.py"), str(dev), "--verbose", "--json",
                             "--batch", " ".join([*dateline_cli, "extract", "--json"])],
                            capture_output=True, text=True, env=env, cwd=repo_root, timeout=900, check=False)
    assert theirs.returncode == 0, theirs.stderr
    assert ours.returncode == 0, ours.stderr
    assert ours.stdout.splitlines() == theirs.stdout.splitlines()
