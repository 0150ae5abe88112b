"""`dateline export FORMAT`: stored events, with the filters of `dateline events`,
as ACLED CSV, PLOVER JSON, GeoJSON or JSON Lines (dateline.export), which loads when it runs."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import DatelineError
from .filter_flags import with_filter_flags
from .store_commands import DB_HELP, fail, settings_from_flags

if TYPE_CHECKING:
    from ..store.filters import EventFilters

# The names of dateline.export.EXPORT_FORMATS, for the help without loading the exporters and
# the store; tests/cli/test_startup.py checks that the two agree.
EXPORT_FORMAT_NAMES = ("acled", "plover", "geojson", "jsonl")


@with_filter_flags("events")
def export_cli(
    fmt: str = typer.Argument(..., metavar="FORMAT", help=f"One of: {', '.join(EXPORT_FORMAT_NAMES)}."),
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output."),
    *,
    filters: EventFilters,  # the filter flags, checked (filter_flags.py)
    limit: int = typer.Option(None, "--limit", min=1, help="Export at most this many events.", show_default=False),
) -> None:
    """Export stored events for other tools: ACLED CSV, PLOVER JSON, GeoJSON or JSON Lines."""
    from ..export import EXPORT_FORMATS, write_export
    from ..store import open_store
    from ..store.queries import list_events

    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not a format: choose one of {', '.join(EXPORT_FORMATS)}",
                                 param_hint="FORMAT")
    settings = settings_from_flags(db=db)
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
