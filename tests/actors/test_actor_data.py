"""The actor dictionary's files hold what their headers promise, row by row.

The loader checks every row when it reads the files; these tests hold the packaged files
to it, and show that a bad row is refused with its line rather than read wrongly.
"""
from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from dateline.actors import (
    ACTOR_KINDS,
    GENERATED_MARKER,
    ActorDictionary,
    load_actor_dictionary,
    parse_actors,
)
from dateline.actors.table import load_country_codes, read_states
from dateline.actors.tokens import make_pattern, overlap, tokenize
from dateline.errors import DataError
from dateline.lexicon import read_table

REPO = Path(__file__).resolve().parents[2]
FIELDS = "# fields: name, aliases?, kind, country?, acled?, cameo?, note?\n"
HEADER = "# version: actors-test\n" + FIELDS + "name,aliases,kind,country,acled,cameo,note\n"


def load_make_state_actors():
    spec = importlib.util.spec_from_file_location("make_state_actors", REPO / "scripts" / "make_state_actors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def actors():
    return load_actor_dictionary().actors


def test_both_files_carry_a_version_line() -> None:
    assert read_table("actors.csv").version == load_actor_dictionary().version
    assert load_actor_dictionary().version.startswith("actors-")
    assert read_table("countries.csv").version.startswith("countries-")


def test_every_row_has_a_valid_kind_country_and_codes(actors) -> None:
    countries = load_country_codes()
    for actor in actors:
        assert actor.kind in ACTOR_KINDS, actor.name
        assert actor.country is None or actor.country in countries, actor.name
        assert actor.aliases, actor.name
        assert actor.cameo is None or (actor.cameo.isalpha() and actor.cameo.isupper() and len(actor.cameo) % 3 == 0)
        if actor.generated:
            assert actor.country and actor.cameo and actor.cameo.endswith(("MIL", "COP", "GOV")), actor.name


def test_canonical_names_are_unique(actors) -> None:
    repeated = [name for name, n in Counter(actor.name.casefold() for actor in actors).items() if n > 1]
    assert not repeated


def test_no_alias_names_two_actors_unless_marked_on_both(actors) -> None:
    seen: dict[tuple[str, ...], list[tuple[str, tuple, bool]]] = {}
    clashes = []
    for actor in actors:
        for alias in actor.aliases:
            tokens = tokenize(alias)
            key, pattern, marked = tuple(t.key for t in tokens), make_pattern(tokens), alias in actor.shared
            for other, other_pattern, other_marked in seen.get(key, []):
                if other != actor.name and overlap(pattern, other_pattern) and not (marked and other_marked):
                    clashes.append((alias, other, actor.name))
            seen.setdefault(key, []).append((actor.name, pattern, marked))
    assert not clashes


def test_shared_aliases_are_few_and_name_each_of_their_actors() -> None:
    dictionary = load_actor_dictionary()
    shared = {alias for actor in dictionary.actors for alias in actor.shared}
    assert shared == {"SNA", "al-Shabab", "al-Shabaab"}
    assert {a.country for a in dictionary.find_actors("SNA")} == {"SY", "SO"}


def test_every_state_has_its_rows_and_every_country_is_a_state_or_a_territory() -> None:
    script = load_make_state_actors()
    states = read_states()
    generated = {(a.country, a.name.split(" of ")[0]) for a in load_actor_dictionary().actors if a.generated}
    for state in states:
        for row in state.rows:
            assert (state.country, script.ROWS[row][0].removesuffix(" of")) in generated, (state.country, row)
    assert {s.country for s in states} | script.TERRITORIES == set(load_country_codes())


def test_generated_state_rows_are_up_to_date() -> None:
    script = load_make_state_actors()
    text = (REPO / "src" / "dateline" / "data" / "actors.csv").read_text(encoding="utf-8")
    assert text.count(GENERATED_MARKER) == 1
    _, generated = script.split_actors_text(text)
    assert generated == script.render_state_rows(), "run .venv/bin/python scripts/make_state_actors.py"


def test_acled_names_are_given_only_where_known() -> None:
    dictionary = load_actor_dictionary()
    assert dictionary.get_actor("Military Forces of Russia").acled == "Military Forces of Russia (2000-)"
    assert dictionary.get_actor("Police Forces of Russia").acled == "Police Forces of Russia (2000-)"
    assert dictionary.get_actor("Military Forces of Mali").acled is None  # period not known: left empty
    civilians = dictionary.get_actor("civilians")
    assert civilians.format_acled("Sudan") == "Civilians (Sudan)"
    assert civilians.format_acled() is None


@pytest.mark.parametrize(("row", "reason"), [
    ("Foo,foo,warlords,,,,", "kind 'warlords'"),
    ("Foo,foo,rebels,XX,,,", "country 'XX'"),
    ("Foo,foo,rebels,ru,,,", "country 'ru'"),
    ("Foo,,rebels,,,,", "no alias"),
    ("Foo,foo,rebels,,,RUS-MIL,", "CAMEO code"),
    ("Foo,foo,rebels,RU,Rebels ({country}),,", "{country}"),
    ("Foo,foo|bar,rebels,RU", "4 columns"),
])
def test_a_bad_row_is_refused_with_its_line(row, reason) -> None:
    with pytest.raises(DataError) as caught:
        parse_actors(HEADER + row + "\n")
    assert caught.value.line == 4
    assert reason in str(caught.value)


def test_a_file_without_version_or_with_a_repeated_name_is_refused() -> None:
    with pytest.raises(DataError, match="version"):
        parse_actors("name,aliases,kind,country,acled,cameo,note\nFoo,foo,rebels,,,,\n")
    with pytest.raises(DataError, match="already on line 4"):
        parse_actors(HEADER + "Foo,foo,rebels,,,,\nfoo,bar,rebels,,,,\n")


def test_an_alias_given_to_two_actors_is_refused_unless_marked_on_both() -> None:
    clash = parse_actors(HEADER + "Foo Army,FA|Foo Army,rebels,,,,\nFoo Alliance,FA,rebels,,,,\n")
    with pytest.raises(DataError, match="also names"):
        ActorDictionary(clash, (), version="test")
    one_mark = parse_actors(HEADER + "Foo Army,~FA,rebels,,,,\nFoo Alliance,FA,rebels,,,,\n")
    with pytest.raises(DataError, match="also names"):
        ActorDictionary(one_mark, (), version="test")
    marked = parse_actors(HEADER + "Foo Army,~FA,rebels,RU,,,\nFoo Alliance,~FA,rebels,UA,,,\n")
    dictionary = ActorDictionary(marked, (), version="test")
    assert dictionary.find_actor("FA").name == "Foo Army"
    assert dictionary.find_actor("FA", countries=["UA"]).name == "Foo Alliance"


def test_spellings_that_fold_to_one_alias_are_refused_as_a_repeat() -> None:
    twice = parse_actors(HEADER + "Foo,al-Foo|Al Foo,rebels,,,,\n")
    with pytest.raises(DataError, match="listed twice"):
        ActorDictionary(twice, (), version="test")


def test_the_docs_count_what_the_dictionary_holds() -> None:
    import re

    dictionary = load_actor_dictionary()
    text = (REPO / "docs" / "actors.md").read_text(encoding="utf-8")
    assert f"version `{dictionary.version}`" in text
    assert f"{len(dictionary.actors)} actors and {sum(len(a.aliases) for a in dictionary.actors):,} aliases" in text
    for kind in ACTOR_KINDS:
        hand = sum(1 for a in dictionary.actors if a.kind == kind and not a.generated)
        generated = sum(1 for a in dictionary.actors if a.kind == kind and a.generated)
        row = re.search(rf"^\| `{kind}` \| (\d+) \|\s*(\d*)\s*\|", text, flags=re.M)
        assert row, f"docs/actors.md has no row for {kind}"
        assert (int(row[1]), int(row[2] or 0)) == (hand, generated), f"docs/actors.md miscounts {kind}"
