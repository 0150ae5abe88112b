"""`dateline incidents`: validates its arguments like `dateline events` (and --text, --source,
--bbox, --sort as /api/incidents takes them), then calls store.incidents.find_incidents
(and refresh_incidents first, with --refresh or when the store says its incidents are stale:
store/state.py). `dateline summary`: the same filters, then store.summary.summarise_incidents
(what /api/summary gives). The store loads when the command runs; the grouping (datasketch, numpy)
only when it regroups."""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import typer

from ..errors import DatelineError, InvalidFilter
from .event_commands import check_listing_format, describe_parties, print_listing, start_table
from .filter_flags import with_filter_flags
from .store_commands import DB_HELP, fail, settings_from_flags

if TYPE_CHECKING:
    from ..store import SqlStore
    from ..store.filters import EventFilters
    from ..store.incidents import RefreshReport, StoredIncident

# The names of store.incident_queries.INCIDENT_SORTS, for the --sort help without loading
# SQLAlchemy; tests/cli/test_startup.py checks that the two agree.
INCIDENT_SORT_NAMES = ("date", "killed", "injured", "arrested", "type", "place", "country", "sources")
SORT_HELP = (f"Order by {', '.join(INCIDENT_SORT_NAMES)} (sources: how many outlets); '-' in front reverses, "
             "e.g. -killed. [default: date]")

@with_filter_flags("incidents", search=True)
def incidents_cli(
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    *,
    filters: EventFilters,  # the filter flags, checked (filter_flags.py)
    sort: str = typer.Option(None, "--sort", help=SORT_HELP, show_default=False),
    limit: int = typer.Option(None, "--limit", min=1, help="List at most this many incidents.", show_default=False),
    fmt: str = typer.Option("table", "--format", help="table, json (JSON Lines, with every source) or csv."),
    refresh: bool = typer.Option(False, "--refresh", help="Regroup stories and events into incidents first."),
) -> None:
    """List incidents (one happening, every outlet's report of it), earliest first, with filters."""
    check_listing_format(fmt)
    from ..store import open_store
    from ..store.filters import NO_FILTERS, parse_sort
    from ..store.incident_queries import INCIDENT_SORTS, find_incidents

    try:
        parse_sort(sort, INCIDENT_SORTS, default="date")
    except InvalidFilter as exc:
        raise typer.BadParameter(str(exc), param_hint="--sort") from None
    settings = settings_from_flags(db=db)
    try:
        with open_store(settings.db, create=False) as store:
            if refresh:
                from ..store.incidents import refresh_incidents  # datasketch loads only here

                print_refresh_summary(refresh_incidents(store))
            else:
                regroup_if_stale(store)
            page = find_incidents(store, filters, sort=sort, limit=limit)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    found = page.items
    print_listing(found, fmt, record=incident_record, write_csv=write_incidents_csv,
                  print_table=print_incidents_table)
    unfiltered = filters == NO_FILTERS
    hint = "" if found or refresh or not unfiltered else " (run with --refresh after an ingest to group new events)"
    shown = f"{len(found)} of {page.total}" if len(found) < page.total else str(len(found))
    typer.echo(f"{shown} incidents listed{hint}", err=True)


def regroup_if_stale(store: SqlStore) -> None:
    """Regroup first when pages were stored since the incidents were grouped (a run stopped before
    its refresh, one with --no-refresh, a refresh that failed); if that fails, say so and list
    the incidents as they were."""
    if not store.state().incidents_stale:
        return
    from ..store.incidents import refresh_incidents  # datasketch loads only here

    typer.echo("incidents are stale (pages were stored since they were grouped): regrouping first", err=True)
    try:
        print_refresh_summary(refresh_incidents(store))
    except DatelineError as exc:
        typer.echo(f"warning: incidents could not be regrouped ({exc}); listing them as they were", err=True)


def print_refresh_summary(report: RefreshReport) -> None:
    typer.echo(f"grouped {report.stories} stories into {report.groups} groups "
               f"({report.stories_in_copies} stories are copies), {report.events} events into "
               f"{report.incidents} incidents ({report.multi_source_incidents} with several sources; "
               f"{report.incidents_added} new or changed, {report.incidents_removed} gone or changed)", err=True)


def incident_record(item: StoredIncident) -> dict[str, Any]:
    """An incident as `incidents --format json` prints it: its fields, then each source."""
    from ..record import party_record

    record = asdict(item)
    record["actor"], record["target"] = party_record(item.actor), party_record(item.target)
    record["sources"] = [asdict(source) for source in item.sources]
    return record


def format_range(low: int | None, high: int | None) -> str:
    if low is None:
        return "-"
    return str(low) if low == high else f"{low}-{high}"


def write_incidents_csv(found: list[StoredIncident]) -> None:
    """The incidents as `dateline export csv` writes them (export/incidents.py): one row each."""
    from ..export.incidents import INCIDENT_CSV_COLUMNS, incident_csv_row

    writer = csv.DictWriter(sys.stdout, fieldnames=INCIDENT_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in found:
        writer.writerow(incident_csv_row(item))


@with_filter_flags("incidents", search=True)
def summary_cli(
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    *,
    filters: EventFilters,  # the filter flags, checked (filter_flags.py)
    fmt: str = typer.Option("table", "--format", help="table, json or csv (what /api/summary and "
                            "/api/summary.csv give)."),
) -> None:
    """Headline figures of the incidents that pass the filters (incidents, events, killed, injured,
    arrested, countries), and the same by country and by month."""
    if fmt not in ("table", "json", "csv"):
        raise typer.BadParameter(f"{fmt!r} is not a format: choose table, json or csv", param_hint="--format")
    from ..export.summary import summary_record, write_summary_csv
    from ..store import open_store
    from ..store.summary import summarise_incidents

    settings = settings_from_flags(db=db)
    try:
        with open_store(settings.db, create=False) as store:
            regroup_if_stale(store)
            summary = summarise_incidents(store, filters)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    if fmt == "csv":
        write_summary_csv(summary, sys.stdout)
        return
    record = summary_record(summary)
    if fmt == "json":
        typer.echo(json.dumps(record, ensure_ascii=False, indent=1))
        return
    console, table = start_table()
    for name in ("", "incidents", "events", "killed", "injured", "arrested"):
        table.add_column(name, justify="right" if name else "left", no_wrap=True)
    figures = ("incidents", "events", "killed", "injured", "arrested")
    table.add_row("all", *(str(record["total"][name]) for name in figures))
    for row in record["by_country"]:
        table.add_row(row["name"] or "no country", *(str(row[name]) for name in figures))
    for row in record["by_month"]:
        table.add_row(row["key"] or "undated", *(str(row[name]) for name in figures))
    console.print(table)
    typer.echo(f"{record['total']['countries']} countries", err=True)


def print_incidents_table(found: list[StoredIncident]) -> None:
    """One line per incident: ACLED's figure with the sources' range beside it, and the outlets."""
    console, table = start_table()
    headers = ("date", "type", "place", "cc", "killed", "range", "injured", "range", "arrested", "who -> whom",
               "sources", "id")
    for name in headers:
        table.add_column(name, justify="right" if name in ("killed", "injured", "arrested", "sources") else "left",
                         no_wrap=True, overflow="ellipsis",
                         max_width={"place": 30, "who -> whom": 60}.get(name))
    for item in found:
        when = (item.date or "-") + (f"..{item.date_end}" if item.date_end else "")
        table.add_row(when, item.type, item.place_name or "-", item.country or "-",
                      "-" if item.killed is None else str(item.killed), format_range(item.killed_low, item.killed_high),
                      "-" if item.injured is None else str(item.injured),
                      format_range(item.injured_low, item.injured_high),
                      "-" if item.arrested is None else str(item.arrested), describe_parties(item.actor, item.target),
                      str(item.source_count), item.incident_id[:12])
    console.print(table)
