"""`dateline incidents`: validates its arguments like `dateline events` (and --text, --source,
--bbox, --sort as /api/incidents takes them), then calls store.incidents.find_incidents
(and, with --refresh, refresh_incidents first). The store loads when the command runs;
the grouping (datasketch, numpy) only with --refresh."""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING

import typer

from ..errors import DatelineError
from ..models import CERTAINTIES
from .store_commands import DB_HELP, EVENT_FORMATS, PIPED_TABLE_WIDTH, check_filter_flags, fail, settings_from_flags

if TYPE_CHECKING:
    from ..store.incidents import RefreshReport, StoredIncident

# The names of store.incident_queries.INCIDENT_SORTS, for the --sort help without loading
# SQLAlchemy; tests/cli/test_startup.py checks that the two agree.
INCIDENT_SORT_NAMES = ("date", "killed", "injured", "arrested", "type", "place", "country", "sources")

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
    text: str = typer.Option(None, "--text", help="Only incidents with a source whose headline, sentence or trigger contains this (any case)."),
    source: str = typer.Option(None, "--source", help="Only incidents with a source whose outlet name or URL contains this (any case)."),
    bbox: str = typer.Option(None, "--bbox", help="Only incidents inside WEST,SOUTH,EAST,NORTH (degrees; WEST > EAST crosses the antimeridian)."),
    sort: str = typer.Option(None, "--sort", help=f"Order by {', '.join(INCIDENT_SORT_NAMES)} (sources: how many outlets); '-' in front reverses, e.g. -killed. [default: date]", show_default=False),
    limit: int = typer.Option(None, "--limit", min=1, help="List at most this many incidents.", show_default=False),
    fmt: str = typer.Option("table", "--format", help="table, json (JSON Lines, with every source) or csv."),
    refresh: bool = typer.Option(False, "--refresh", help="Regroup stories and events into incidents first."),
) -> None:
    """List incidents (one happening, every outlet's report of it), earliest first, with filters."""
    if fmt not in EVENT_FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not a format: choose one of {', '.join(EVENT_FORMATS)}",
                                 param_hint="--format")
    check_filter_flags(certainty=certainty, since=since, until=until)
    from ..store import open_store
    from ..store.incident_queries import INCIDENT_SORTS, find_incidents
    from ..store.queries import EventFilters, parse_sort

    try:
        parse_sort(sort, INCIDENT_SORTS, default="date")
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--sort") from None
    filters = EventFilters(type=event_type, family=family, country=country, place=place, date_from=since,
                           date_to=until, certainty=certainty, bbox=parse_bbox_flag(bbox), q=text or None,
                           source=source or None)
    settings = settings_from_flags(db=db)
    try:
        with open_store(settings.db, create=False) as store:
            if refresh:
                from ..store.incidents import refresh_incidents  # datasketch loads only here

                print_refresh_summary(refresh_incidents(store))
            page = find_incidents(store, filters, sort=sort, limit=limit)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    found = page.items
    if fmt == "json":
        for item in found:
            sys.stdout.write(json.dumps(incident_record(item), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        write_incidents_csv(found)
    else:
        print_incidents_table(found)
    unfiltered = filters == EventFilters()
    hint = "" if found or refresh or not unfiltered else " (run with --refresh after an ingest to group new events)"
    shown = f"{len(found)} of {page.total}" if len(found) < page.total else str(len(found))
    typer.echo(f"{shown} incidents listed{hint}", err=True)


def parse_bbox_flag(value: str | None) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) from --bbox "w,s,e,n", or a usage error naming the flag."""
    if value is None:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise typer.BadParameter(f"{value!r}: give WEST,SOUTH,EAST,NORTH in degrees, e.g. 20,44,41,53",
                                 param_hint="--bbox") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise typer.BadParameter(f"{value!r}: longitudes lie in -180..180, latitudes in -90..90, south <= north",
                                 param_hint="--bbox")
    return west, south, east, north


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
    from rich import box
    from rich.console import Console
    from rich.table import Table

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
