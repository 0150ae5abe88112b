"""`dateline incidents`: validates its arguments like `dateline events`, then calls
store.incidents.list_incidents (and, with --refresh, refresh_incidents first)."""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from ..errors import DatelineError
from ..models import CERTAINTIES
from ..store import open_store
from ..store.incidents import RefreshReport, StoredIncident, list_incidents, refresh_incidents
from .store_commands import DB_HELP, EVENT_FORMATS, PIPED_TABLE_WIDTH, check_filter_flags, fail, settings_from_flags

INCIDENT_CSV_FIELDS = ("incident_id", "date", "date_end", "type", "family", "certainty", "place", "country",
                       "admin1", "lat", "lon", "precision", "killed", "killed_low", "killed_best", "killed_high",
                       "injured", "injured_low", "injured_best", "injured_high", "arrested", "arrested_low",
                       "arrested_best", "arrested_high", "source_count", "sources")


def incidents_cli(
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    event_type: str = typer.Option(None, "--type", help="Only incidents of this event type (spec/events.md), e.g. attack."),
    family: str = typer.Option(None, "--family", help="Only this family: 'violence' or any other type."),
    country: str = typer.Option(None, "--country", help="Only incidents in this country (ISO 3166-1 alpha-2, e.g. UA)."),
    place: str = typer.Option(None, "--place", help="Only incidents whose place name contains this (any case, accents optional)."),
    since: str = typer.Option(None, "--since", help="Only incidents on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    until: str = typer.Option(None, "--until", help="Only incidents on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    certainty: str = typer.Option(None, "--certainty", help=f"Only incidents told as: {', '.join(CERTAINTIES)}."),
    limit: int = typer.Option(None, "--limit", min=1, help="List at most this many incidents.", show_default=False),
    fmt: str = typer.Option("table", "--format", help="table, json (JSON Lines, with every source) or csv."),
    refresh: bool = typer.Option(False, "--refresh", help="Regroup stories and events into incidents first."),
) -> None:
    """List incidents (one happening, every outlet's report of it), earliest first, with filters."""
    if fmt not in EVENT_FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not a format: choose one of {', '.join(EVENT_FORMATS)}",
                                 param_hint="--format")
    check_filter_flags(certainty=certainty, since=since, until=until)
    settings = settings_from_flags(db=db)
    try:
        with open_store(settings.db, create=False) as store:
            if refresh:
                print_refresh_summary(refresh_incidents(store))
            found = list_incidents(store, type=event_type, family=family, country=country, place=place,
                                   date_from=since, date_to=until, certainty=certainty, limit=limit)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    if fmt == "json":
        for item in found:
            sys.stdout.write(json.dumps(incident_record(item), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        write_incidents_csv(found)
    else:
        print_incidents_table(found)
    hint = "" if found or refresh else " (run with --refresh after an ingest to group new events)"
    typer.echo(f"{len(found)} incidents listed{hint}", err=True)


def print_refresh_summary(report: RefreshReport) -> None:
    typer.echo(f"grouped {report.stories} stories into {report.groups} groups "
               f"({report.stories_in_copies} stories are copies), {report.events} events into "
               f"{report.incidents} incidents ({report.multi_source_incidents} with several sources; "
               f"{report.incidents_added} new or changed, {report.incidents_removed} gone or changed)", err=True)


def incident_record(item: StoredIncident) -> dict:
    """An incident as `incidents --format json` prints it: its fields, then each source."""
    record = asdict(item)
    record["sources"] = [asdict(source) for source in item.sources]
    return record


def format_range(low: int | None, high: int | None) -> str:
    if low is None:
        return "-"
    return str(low) if low == high else f"{low}-{high}"


def write_incidents_csv(found: list[StoredIncident]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=INCIDENT_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for item in found:
        row = {name: getattr(item, name, None) for name in INCIDENT_CSV_FIELDS}
        row["place"] = item.place_name
        row["sources"] = "; ".join(dict.fromkeys(source.source for source in item.sources))
        writer.writerow(row)


def print_incidents_table(found: list[StoredIncident]) -> None:
    """One line per incident: ACLED's figure with the sources' range beside it, and the outlets."""
    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console = Console(soft_wrap=False, width=PIPED_TABLE_WIDTH)
    headers = ("date", "type", "place", "cc", "killed", "range", "injured", "range", "arrested", "sources", "id")
    table = Table(header_style="bold", box=box.SIMPLE_HEAD if console.is_terminal else None)
    for name in headers:
        table.add_column(name, justify="right" if name in ("killed", "injured", "arrested", "sources") else "left",
                         no_wrap=True, overflow="ellipsis", max_width=30 if name == "place" else None)
    for item in found:
        when = (item.date or "-") + (f"..{item.date_end}" if item.date_end else "")
        table.add_row(when, item.type, item.place_name or "-", item.country or "-",
                      "-" if item.killed is None else str(item.killed), format_range(item.killed_low, item.killed_high),
                      "-" if item.injured is None else str(item.injured),
                      format_range(item.injured_low, item.injured_high),
                      "-" if item.arrested is None else str(item.arrested), str(item.source_count),
                      item.incident_id[:12])
    console.print(table)
