"""The one loader of the package's data tables: every row of every table is checked,
and a bad row fails with its file and line."""
from __future__ import annotations

import pytest

from dateline.errors import DataError
from dateline.lexicon import DATA_DIR_ENV, list_tables, parse_table, read_table


@pytest.mark.parametrize("name", list_tables())
def test_every_table_of_the_package_reads_and_every_row_fits_its_fields(name: str) -> None:
    table = read_table(name)  # checks every row against the declared fields
    assert table.version, f"{name} has no version"
    assert table.rows, f"{name} holds no row"
    assert all(len(row) <= len(table.fields) for row in table.rows)


def test_the_package_ships_its_tables_in_language_folders() -> None:
    names = list_tables()
    assert "en/coding/event_triggers.txt" in names and "en/nlp/speech_verbs.txt" in names
    assert "en/clean/chrome.txt" in names and "places_supplement.csv" in names
    top = [name for name in names if "/" not in name]
    assert all(not name.startswith(("count_", "date_", "event_triggers")) for name in top), top


TRIGGERS = """# version: test-1
# fields: type, pattern:regex, strength:{strong|weak}
attack\tgunmen opened fire\tstrong
attack\tshot (?:dead\tstrong
"""


@pytest.mark.parametrize("text, line, words", [
    (TRIGGERS, 4, "is not a regular expression"),
    (TRIGGERS.replace("(?:dead\tstrong", "dead\tsometimes"), 4, "is not one of strong, weak"),
    (TRIGGERS.replace("\tstrong\n", "\n", 1), 3, "2 cells where the fields"),
    ("# fields: word, value:int\nten\t10\n", 2, "no '# version:' line"),
    ("# version: v\n# fields: word, value:int\nten\tmany\n", 3, "is not a number"),
    ("# version: v\n# fields: kind, words:words\ntitle\tmayor||chief\n", 3, "an empty word"),
    ("# version: v\n# fields: kind, pattern:alternatives\nhypothetical\tif|fear(?:s|ed)? of\n", 3,
     "'fear(?:s' is not a regular expression"),
])
def test_a_bad_row_fails_with_its_file_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_table("en/coding/event_triggers.txt", text, source="event_triggers.txt")
    assert caught.value.line == line
    assert str(caught.value).startswith(f"event_triggers.txt:{line}: ")
    assert words in str(caught.value)


def test_a_csv_table_is_read_by_its_header_and_checked() -> None:
    text = ("# version: v\n# fields: name, lat:float, aliases?:words\n"
            "name,lat,aliases\nKyiv,50.45,Kiev|Kyyiv\nOdesa,46.5,\n")
    table = parse_table("places.csv", text, source="places.csv")
    assert [(row["name"], row["lat"], row["aliases"]) for row in table.rows] == [
        ("Kyiv", "50.45", "Kiev|Kyyiv"), ("Odesa", "46.5", "")]
    assert [row.line for row in table.rows] == [4, 5]
    with pytest.raises(DataError, match=r"places.csv:3: the header name,lon,aliases"):
        parse_table("places.csv", text.replace("name,lat,", "name,lon,"), source="places.csv")


def test_a_txt_table_without_fields_holds_one_entry_a_line() -> None:
    table = parse_table("words.txt", "# version: v\n# a comment\n\n  said  \nwarned\n", source="words.txt")
    assert [row[0] for row in table.rows] == ["said", "warned"]
    assert [field.name for field in table.fields] == ["entry"]


def test_a_table_in_the_data_dir_stands_in_for_the_packages(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "en" / "nlp"
    folder.mkdir(parents=True)
    (folder / "speech_verbs.txt").write_text("# version: mine-1\nopine\n", encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    read_table.cache_clear()
    try:
        table = read_table("en/nlp/speech_verbs.txt")
        assert (table.version, [row[0] for row in table.rows]) == ("mine-1", ["opine"])
        assert table.source == str(folder / "speech_verbs.txt")
        assert read_table("en/nlp/titles.txt").version.startswith("nlp-titles")  # not in the folder: the package's
    finally:
        read_table.cache_clear()
