"""An export's count (count_export, /api/export/{format}/count) is what the export writes, on SQLite
and PostgreSQL: for every format, per incident and per event, with filters and a limit, the same
rows and the same reasons for what is left out (no date, no coordinates, a type the scheme does
not code, words that decide the code, over the limit), counted in the store without the file."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

import pytest

from dateline.export import EXPORT_UNITS, count_export, run_export
from dateline.models import Event, EventPlace, Extraction, Page, Story
from dateline.store import open_store
from dateline.store.filters import EventFilters


def place(name: str, country: str, lat: float | None, lon: float | None) -> EventPlace:
    return EventPlace(name=name, country=country, admin1="01", lat=lat, lon=lon,
                      precision="place" if lat is not None else "region")


MOPTI, GAO = place("Mopti", "ML", 14.49, -4.19), place("Gao", "ML", 16.27, -0.04)
NIAMEY, TILLABERI = place("Niamey", "NE", 13.51, 2.11), place("Tillaberi region", "NE", None, None)


def report(n: int, kind: str, sentence: str, trigger: str, *, date: str | None, where: EventPlace | None,
           killed: int | None = None) -> Extraction:
    start = sentence.index(trigger)
    event = Event(type=kind, trigger=trigger, trigger_span=(start, start + len(trigger)), sentence=sentence,
                  sentence_span=(0, len(sentence)), date=date, place=where, killed=killed)
    story = Story(headline=sentence[:30], body=(sentence,), published=date, events=(event,))
    return Extraction(page=Page(f"/feeds/made-up.jsonl#{n}", sentence, url=f"https://outlet{n}.example/{n}"),
                      stories=(story,), nlp_version="nlp-test", coder_version="coder-test")


REPORTS = [
    report(1, "attack", "Gunmen attacked the Mopti cattle market, killing five.", "attacked", date="2025-01-06",
           where=MOPTI, killed=5),
    report(2, "attack", "Gunmen stormed the cattle market in Mopti and killed seven.", "stormed", date="2025-01-06",
           where=MOPTI, killed=7),  # the same incident as 1: two events, one incident
    report(3, "attack", "Villagers say armed men attacked their village years ago.", "attacked", date=None,
           where=None, killed=1),
    report(4, "bombing", "A bomb exploded on a road in Tillaberi region, killing four.", "exploded",
           date="2025-02-14", where=TILLABERI, killed=4),
    report(5, "disaster", "Floods swept through Niamey after a week of rain.", "Floods", date="2025-03-02",
           where=NIAMEY),
    report(6, "agree", "The two militias agreed to a ceasefire in Gao on Sunday.", "agreed", date="2025-03-09",
           where=GAO),  # ACLED codes it: "ceasefire"
    report(7, "agree", "Herders and farmers agreed on grazing routes in Niamey.", "agreed", date="2025-03-12",
           where=NIAMEY),  # no word that makes it an ACLED agreement
    report(8, "interception", "Air defences shot down a drone over Gao.", "shot down", date="2025-04-01",
           where=GAO),  # ACLED codes it, PLOVER has no type for it
    report(9, "claim_responsibility", "A group claimed the Tillaberi bombing.", "claimed", date="2025-04-03",
           where=TILLABERI),
]


@pytest.fixture
def stored(store_of):
    return store_of(REPORTS)


def count_written(fmt: str, text: str) -> int:
    """The rows of an export file, read back from it."""
    if fmt in ("csv", "acled"):
        return len(list(csv.DictReader(io.StringIO(text))))
    if fmt == "geojson":
        return len(json.loads(text)["features"])
    if fmt == "plover":
        return len(json.loads(text)["events"])
    return len(text.splitlines())


CASES = [(per, fmt) for per, formats in EXPORT_UNITS.items() for fmt in formats]


def test_the_count_is_what_the_export_writes_and_leaves_out(stored) -> None:
    """Every format per incident and per event, with and without filters and a limit."""
    views = [(EventFilters(), None), (EventFilters(country="NE"), None), (EventFilters(), 4),
             (EventFilters(date_from="2025-03"), 1), (EventFilters(family="violence"), 2)]
    with open_store(stored, create=False) as store:
        for (per, fmt), (filters, limit) in ((case, view) for case in CASES for view in views):
            out = io.StringIO()
            written = run_export(store, out, fmt=fmt, per=per, filters=filters, limit=limit)
            counted = count_export(store, fmt=fmt, per=per, filters=filters, limit=limit)
            assert asdict(counted) == asdict(written), (per, fmt, filters, limit)
            assert list(counted.reasons) == list(written.reasons)  # one order: the headers agree
            assert counted.written == count_written(fmt, out.getvalue()), (per, fmt, filters, limit)


@pytest.mark.parametrize("per, fmt, rows, reasons", [
    ("incident", "csv", 8, {}),
    ("incident", "geojson", 5, {"no coordinates": 3}),      # the undated one has no place, Tillaberi no point
    ("incident", "acled", 4, {"type ACLED does not code": 3, "no date": 1}),  # flood, grazing deal, claim
    ("event", "acled", 5, {"no ACLED type or no date": 4}),
    ("event", "plover", 6, {"no PLOVER type": 3}),          # flood, interception, claim
    ("event", "jsonl", 9, {}),
])
def test_the_count_names_each_reason(stored, per, fmt, rows, reasons) -> None:
    with open_store(stored, create=False) as store:
        counted = count_export(store, fmt=fmt, per=per)
    assert (counted.written, counted.reasons, counted.left_out) == (rows, reasons, sum(reasons.values()))


def test_a_limit_leaves_the_rest_out_over_the_limit(stored) -> None:
    with open_store(stored, create=False) as store:
        counted = count_export(store, fmt="acled", per="incident", limit=2)
    assert counted.written == 2 and counted.reasons == {"over the limit": 6}  # the two earliest are coded


def test_a_format_the_unit_has_not_is_refused(stored) -> None:
    with open_store(stored, create=False) as store, pytest.raises(ValueError, match="per incident"):
        count_export(store, fmt="plover", per="incident")
