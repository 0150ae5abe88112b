"""The package's data tables: one format, one loader.

Every word list, pattern table and mapping dateline reads lives under
``src/dateline/data/``: the tables of one language in its folder (``en/clean/``,
``en/nlp/``, ``en/coding/``, ``en/incidents/``, ``en/export/``), language-neutral
ones at the top (``event_types.csv``, ``places_supplement.csv``). A language is a
folder of data. Every table is UTF-8 text in one format:

    # version: event-triggers-4                   required: names the table in stored versions
    # fields: type, pattern:regex, strength:{strong|weak}
    # any other line that starts with # is a comment; blank lines are skipped
    attack<TAB>gunm[ae]n opened fire<TAB>strong    one row a line

A ``.txt`` table's cells are separated by tabs and stripped; a ``.csv`` table is read as
CSV, its first row the header, which must name the declared fields in order. A ``.txt``
table without a ``# fields:`` line holds one entry a line (the field ``entry``).

A field is ``name`` or ``name:kind``; a name ending in ``?`` may be left empty (and, in
the last columns of a ``.txt`` row, out; a ``.csv`` row has every column). Kinds, checked on every row when a table is
read (as spaCy checks its patterns), so a bad row fails with its file and line:

    text          any text (the default)
    int, float    a number
    regex         one regular expression
    alternatives  |-separated regular expressions, each compiled alone
    words         |-separated words or phrases
    {a|b|c}       one of the words listed

    read_table("en/coding/event_triggers.txt")   -> Table(name, version, fields, rows)
    read_table_text("actors.csv")                -> (its text, the file it came from), for a loader
                                                    that reads more than rows (a marker comment)
    read_entries("en/nlp/speech_verbs.txt")      -> the first cell of each row
    read_word_sets("en/coding/count_grammar.txt") -> kind -> its words ("kind<TAB>a|b|c" rows)
    list_tables()                                -> the name of every table the package ships

``DATELINE_DATA_DIR`` names a folder whose tables stand in for the package's, file by
file, at the same path ("en/coding/event_triggers.txt", "event_types.csv"): a new event
type or a changed word list without editing the package (docs/settings.md). It is read
when a table is first loaded, so set it before the process starts.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import DataError

DATA_DIR_ENV = "DATELINE_DATA_DIR"
LANGUAGE = "en"  # the folder of the language the stories are written in
SUFFIXES = (".txt", ".csv")
KINDS = frozenset({"text", "int", "float", "regex", "alternatives", "words"})
ENTRY = "entry"  # the one field of a .txt table that declares none


@dataclass(frozen=True, slots=True)
class Field:
    """One column of a table: its name, the kind of its cells, whether a cell may be empty."""

    name: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a table: its cells, reachable by position or by field name, and its line."""

    line: int
    cells: tuple[str, ...]
    names: tuple[str, ...]

    def __getitem__(self, key: int | str) -> str:
        if isinstance(key, int):
            return self.cells[key]
        index = self.names.index(key)
        return self.cells[index] if index < len(self.cells) else ""

    def __len__(self) -> int:
        return len(self.cells)


@dataclass(frozen=True, slots=True)
class Table:
    """A data table, read and checked: ``name`` is its path under ``data/``."""

    name: str
    source: str  # the file it was read from (the package's, or DATELINE_DATA_DIR's)
    version: str
    fields: tuple[Field, ...]
    rows: tuple[Row, ...]


def locate_table(name: str) -> Traversable:
    """The file a table is read from: DATELINE_DATA_DIR's when it holds one, else the package's."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override and (Path(override) / name).is_file():
        return Path(override) / name
    return resources.files("dateline").joinpath("data", *name.split("/"))


def list_tables() -> list[str]:
    """The name of every table under the package's ``data/`` folder, sorted."""
    found: list[str] = []

    def walk(folder: Traversable, prefix: str) -> None:
        for entry in folder.iterdir():
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(SUFFIXES):
                found.append(f"{prefix}{entry.name}")

    walk(resources.files("dateline").joinpath("data"), "")
    return sorted(found)


def parse_fields(declared: str, *, source: str, line: int) -> tuple[Field, ...]:
    """The fields of a ``# fields:`` line: ``name``, ``name?``, ``name:kind``, ``name:{a|b}``."""
    fields = []
    for item in (part.strip() for part in declared.split(",")):
        name, _, kind = item.partition(":")
        name, kind = name.strip(), kind.strip() or "text"
        optional = name.endswith("?")
        name = name.rstrip("?")
        choices: tuple[str, ...] = ()
        if kind.startswith("{") and kind.endswith("}"):
            choices, kind = tuple(word.strip() for word in kind[1:-1].split("|")), "choice"
        if not name or (kind not in KINDS and kind != "choice"):
            raise DataError(source, line, f"bad field {item!r}: write name, name? or name:kind "
                                          f"(kinds: {', '.join(sorted(KINDS))}, or {{a|b}})")
        fields.append(Field(name, kind, choices, optional))
    return tuple(fields)


def check_cell(field: Field, cell: str) -> str | None:
    """Why a cell does not fit its field, or None when it does."""
    if not cell:
        return None if field.optional else f"{field.name} is empty"
    if field.kind in ("int", "float"):
        try:
            int(cell) if field.kind == "int" else float(cell)
        except ValueError:
            return f"{field.name} {cell!r} is not a number ({field.kind})"
    elif field.kind in ("regex", "alternatives"):
        for part in cell.split("|") if field.kind == "alternatives" else [cell]:
            try:
                re.compile(part)
            except re.error as error:
                return f"{field.name} {part!r} is not a regular expression: {error}"
    elif field.kind == "words" and any(not word.strip() for word in cell.split("|")):
        return f"{field.name} {cell!r} has an empty word between its | marks"
    elif field.kind == "choice" and cell not in field.choices:
        return f"{field.name} {cell!r} is not one of {', '.join(field.choices)}"
    return None


def split_cells(text: str, *, csv_table: bool) -> tuple[str, ...]:
    if csv_table:
        return tuple(next(csv.reader([text])))
    return tuple(cell.strip() for cell in text.split("\t"))


def check_row(cells: tuple[str, ...], fields: tuple[Field, ...], *, source: str, line: int, csv_table: bool) -> None:
    if csv_table and len(cells) != len(fields):
        raise DataError(source, line, f"{len(cells)} columns where the header has {len(fields)} "
                                      f"({', '.join(f.name for f in fields)}): quote a cell that holds a comma")
    required = len(fields)
    while required and fields[required - 1].optional:
        required -= 1
    if not required <= len(cells) <= len(fields):
        wanted = str(len(fields)) if required == len(fields) else f"{required} to {len(fields)}"
        raise DataError(source, line, f"{len(cells)} cells where the fields "
                                      f"({', '.join(f.name for f in fields)}) want {wanted}")
    for field, cell in zip(fields, cells, strict=False):
        problem = check_cell(field, cell)
        if problem:
            raise DataError(source, line, problem)


def parse_table(name: str, text: str, *, source: str) -> Table:
    """A table from its text (see the module docstring); DataError names the first bad line."""
    csv_table = name.endswith(".csv")
    version, fields, header = "", None, None
    rows: list[Row] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            comment = line[1:].strip()
            if comment.startswith("version:") and not version:
                version = comment.split(":", 1)[1].strip()
            elif comment.startswith("fields:") and fields is None and not rows and header is None:
                fields = parse_fields(comment.split(":", 1)[1], source=source, line=number)
            continue
        if not version:
            raise DataError(source, number, "no '# version:' line before the first row: add one at the top")
        cells = split_cells(line if not csv_table else raw, csv_table=csv_table)
        if csv_table and header is None:
            header = cells
            if fields is None:
                fields = tuple(Field(cell) for cell in cells)
            if tuple(f.name for f in fields) != cells:
                raise DataError(source, number, f"the header {','.join(cells)} does not name the declared "
                                                f"fields {','.join(f.name for f in fields)}")
            continue
        if fields is None:
            fields = (Field(ENTRY),)
        check_row(cells, fields, source=source, line=number, csv_table=csv_table)
        rows.append(Row(number, cells, tuple(f.name for f in fields)))
    if not version:
        raise DataError(source, 1, "no '# version:' line: add one at the top")
    return Table(name, source, version, fields or (Field(ENTRY),), tuple(rows))


@cache
def read_table(name: str) -> Table:
    """The table ``name`` (its path under ``data/``), read and checked once per process."""
    text, source = read_table_text(name)
    return parse_table(name, text, source=source)


def read_table_text(name: str) -> tuple[str, str]:
    """The text of table ``name`` and the file it was read from (DATELINE_DATA_DIR's or the
    package's), for ``parse_table`` by a loader that also reads its comments."""
    path = locate_table(name)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(str(path), 0, f"cannot be read ({error}); reinstall dateline or fix "
                                      f"{DATA_DIR_ENV}") from error
    return text, str(path)


def read_entries(name: str) -> tuple[str, ...]:
    """The first cell of every row, in order (the entries of a one-column table)."""
    return tuple(row[0] for row in read_table(name).rows)


def read_word_sets(name: str) -> dict[str, tuple[str, ...]]:
    """kind -> words, from a table of ``kind<TAB>a|b|c`` rows; a kind on several rows gathers them all."""
    sets: dict[str, list[str]] = {}
    for row in read_table(name).rows:
        sets.setdefault(row[0], []).extend(word.strip() for word in row[1].split("|"))
    return {kind: tuple(words) for kind, words in sets.items()}


def read_bytes(name: str) -> bytes:
    """The raw bytes of a table's file (what a cache of something built from it is keyed by)."""
    return locate_table(name).read_bytes()
