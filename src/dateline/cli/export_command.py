"""`dateline export FORMAT`: stored events, with the filters of `dateline events`,
as ACLED CSV, PLOVER JSON, GeoJSON or JSON Lines (dateline.export), which loads when it runs."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import DatelineError
from ..models import CERTAINTIES
from .store_commands import DB_HELP, check_filter_flags, fail, settings_from_flags

# The names of dateline.export.EXPORT_FORMATS, for the help without loading the exporters and
# the store; tests/cli/test_startup.py checks that the two agree.
EXPORT_FORMAT_NAMES = ("acled", "plover", "geojson", "jsonl")


def export_cli(
    fmt: str = typer.Argument(..., metavar="FORMAT", help=f"One of: {', '.join(EXPORT_FORMAT_NAMES)}."),
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output."),
    event_type: str = typer.Option(None, "--type", help="Only this event type (spec/events.md), e.g. air_drone_strike."),
    family: str = typer.Option(None, "--family", help="Only this family: 'violence' or any other type."),
    country: str = typer.Option(None, "--country", help="Only events in this country (ISO 3166-1 alpha-2, e.g. UA)."),
    place: str = typer.Option(None, "--place", help="Only events whose place name contains this (any case, accents optional)."),
    since: str = typer.Option(None, "--since", help="Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    until: str = typer.Option(None, "--until", help="Only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    certainty: str = typer.Option(None, "--certainty", help=f"Only events told as: {', '.join(CERTAINTIES)}."),
    limit: int = typer.Option(None, "--limit", min=1, help="Export at most this many events.", show_default=False),
) -> None:
    """Export stored events for other tools: ACLED CSV, PLOVER JSON, GeoJSON or JSON Lines."""
    from ..export import EXPORT_FORMATS, write_export
    from ..store import open_store
    from ..store.queries import EventFilters, list_events

    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not a format: choose one of {', '.join(EXPORT_FORMATS)}",
                                 param_hint="FORMAT")
    check_filter_flags(certainty=certainty, since=since, until=until)
    settings = settings_from_flags(db=db)
    filters = EventFilters(type=event_type, family=family, country=country, place=place, date_from=since,
                           date_to=until, certainty=certainty)
    try:
        with open_store(settings.db, create=False) as store:
            found = list_events(store, filters, limit=limit).items
    except DatelineError as exc:
        raise fail(str(exc)) from None
    try:
        if output is None:
            result = write_export(found, fmt, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                result = write_export(found, fmt, handle)
    except OSError as exc:
        raise fail(f"cannot write {output}: {exc.strerror or exc}") from None
    left = f"; {result.left_out} left out (no {fmt.upper()} type or no date)" if result.left_out else ""
    typer.echo(f"{result.written} events exported as {fmt}{left}", err=True)
