"""`dateline export FORMAT`: stored incidents (one row each, the default) or their source events
(--per event), with the filters of `dateline incidents`, as CSV, ACLED CSV, GeoJSON or JSON Lines
(PLOVER JSON per event); it says how many rows it wrote and what it left out, and why. It calls
dateline.export.run_export, as /api/export/{format} does, which loads when it runs."""
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

# dateline.export's EXPORT_FORMATS and EXPORT_UNITS, for the help without loading the exporters and
# the store; tests/cli/test_startup.py checks that they agree.
EXPORT_FORMAT_NAMES = ("csv", "acled", "plover", "geojson", "jsonl")
EXPORT_UNIT_FORMATS = {"incident": ("csv", "acled", "geojson", "jsonl"),
                       "event": ("acled", "plover", "geojson", "jsonl")}
FORMAT_HELP = ("Per incident: " + ", ".join(EXPORT_UNIT_FORMATS["incident"]) + "; per event: "
               + ", ".join(EXPORT_UNIT_FORMATS["event"]) + ".")


@with_filter_flags("rows", search=True)
def export_cli(
    fmt: str = typer.Argument(..., metavar="FORMAT", help=FORMAT_HELP),
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output."),
    *,
    filters: EventFilters,  # the filter flags, checked (filter_flags.py)
    per: str = typer.Option("incident", "--per", help="One row per 'incident' (what `dateline incidents` lists) "
                            "or per source 'event'."),
    limit: int = typer.Option(None, "--limit", min=1, help="Export at most this many rows (the rest are counted "
                              "as left out).", show_default=False),
) -> None:
    """Export stored incidents (or events) for other tools: CSV, ACLED CSV, GeoJSON, JSON Lines, PLOVER JSON."""
    if per not in EXPORT_UNIT_FORMATS:
        raise typer.BadParameter(f"{per!r}: choose incident or event", param_hint="--per")
    if fmt not in EXPORT_UNIT_FORMATS[per]:
        raise typer.BadParameter(f"{fmt!r} is not a format per {per}: choose one of "
                                 f"{', '.join(EXPORT_UNIT_FORMATS[per])}", param_hint="FORMAT")
    from ..export import run_export
    from ..store import open_store
    from .incident_commands import regroup_if_stale

    settings = settings_from_flags(db=db)
    try:
        with open_store(settings.db, create=False) as store:
            if per == "incident":
                regroup_if_stale(store)
            if output is None:
                result = run_export(store, sys.stdout, fmt=fmt, per=per, filters=filters, limit=limit)
            else:
                with output.open("w", encoding="utf-8", newline="") as handle:
                    result = run_export(store, handle, fmt=fmt, per=per, filters=filters, limit=limit)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot write {output}: {exc.strerror or exc}") from None
    left = f"; {result.left_out} left out ({result.describe_left_out()})" if result.left_out else ""
    typer.echo(f"{result.written} {per}s exported as {fmt}{left}", err=True)
