"""The incident summary (store/summary.py) as the API's JSON and as one CSV, which
/api/summary, /api/summary.csv and `dateline summary` give alike.

    summary_record(summary)           -> {"total": {...}, "by_country": [...], "by_month": [...]}
    write_summary_csv(summary, out)   table, key, name, incidents, events, killed, injured, arrested, countries
"""
from __future__ import annotations

import csv
from dataclasses import asdict
from typing import Any, TextIO

from ..store.summary import IncidentSummaryTable, SummaryRow
from .schemes import name_country

SUMMARY_CSV_COLUMNS = ("table", "key", "name", "incidents", "events", "killed", "injured", "arrested", "countries")


def summary_record(summary: IncidentSummaryTable) -> dict[str, Any]:
    """The summary as JSON: ``total`` (without a key), ``by_country`` (each with the country's
    name) and ``by_month`` ("YYYY-MM"; null for undated incidents)."""
    total = asdict(summary.total)
    del total["key"]
    return {"total": total,
            "by_country": [{**asdict(row), "name": name_country(row.key)} for row in summary.by_country],
            "by_month": [asdict(row) for row in summary.by_month]}


def write_summary_csv(summary: IncidentSummaryTable, out: TextIO) -> None:
    """One CSV of the three tables: a ``total`` row, then ``country`` rows, then ``month`` rows."""
    writer = csv.DictWriter(out, fieldnames=SUMMARY_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()

    def write(table: str, row: SummaryRow, name: str | None = None) -> None:
        writer.writerow({**asdict(row), "table": table, "key": row.key or "", "name": name or ""})

    write("total", summary.total)
    for row in summary.by_country:
        write("country", row, name_country(row.key))
    for row in summary.by_month:
        write("month", row)
