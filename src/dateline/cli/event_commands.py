"""`dateline events`: validates its arguments (the filter flags of filter_flags.py, shared
with `incidents` and `export`), then calls store.queries.read_events; and the listing
formats the event and incident commands share (table, JSON Lines, CSV). The store and
rich's tables load when a command runs, not with the app."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from ..errors import DatelineError
from .filter_flags import with_filter_flags
from .store_commands import DB_HELP, fail, settings_from_flags

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from ..models import Party
    from ..store import StoredEvent
    from ..store.filters import EventFilters

T = TypeVar("T")

LISTING_FORMATS = ("table", "json", "csv")
PIPED_TABLE_WIDTH = 200  # columns of a listing's table when standard output is no terminal
EVENT_CSV_FIELDS = ("source", "page_id", "story", "date", "date_end", "type", "certainty", "place", "country",
                    "admin1", "lat", "lon", "killed", "injured", "arrested", "actor", "actor_kind", "actor_country",
                    "target", "target_kind", "target_country", "actors", "targets", "trigger", "sentence")


def check_listing_format(fmt: str) -> str:
    """--format of a listing: table, json or csv (a usage error otherwise)."""
    if fmt not in LISTING_FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not a format: choose one of {', '.join(LISTING_FORMATS)}",
                                 param_hint="--format")
    return fmt


@with_filter_flags("events", search=True)
def events_cli(
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    *,
    filters: EventFilters,  # the filter flags, checked (filter_flags.py)
    limit: int = typer.Option(None, "--limit", min=1, help="List at most this many events.", show_default=False),
    fmt: str = typer.Option("table", "--format", help="table, json (JSON Lines) or csv."),
) -> None:
    """List the events stored by `dateline ingest`, earliest first, with filters."""
    check_listing_format(fmt)
    settings = settings_from_flags(db=db)
    from ..store import open_store
    from ..store.queries import EVENTS_BY_DATE, read_events

    try:
        with open_store(settings.db, create=False) as store:
            found = read_events(store, filters, order=EVENTS_BY_DATE, limit=limit).items
            total = store.counts().events
    except DatelineError as exc:
        raise fail(str(exc)) from None
    print_listing(found, fmt, record=stored_event_record, write_csv=write_events_csv, print_table=print_events_table)
    typer.echo(f"{len(found)} events listed ({total} stored)", err=True)


def print_listing(found: list[T], fmt: str, *, record: Callable[[T], dict[str, Any]],
                  write_csv: Callable[[list[T]], None], print_table: Callable[[list[T]], None]) -> None:
    """A listing on standard output as --format asks: JSON Lines of each ``record``, CSV or a table."""
    if fmt == "json":
        for item in found:
            sys.stdout.write(json.dumps(record(item), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        write_csv(found)
    else:
        print_table(found)


def stored_event_record(item: StoredEvent) -> dict[str, Any]:
    """An event as `events --format json` prints it: where it was read, then the record of spec/output.md."""
    from ..record import event_record

    return {"source": item.source, "url": item.url, "page_id": item.page_id, "story": item.story_position,
            "headline": item.headline, **event_record(item.event)}


def write_events_csv(found: list[StoredEvent]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=EVENT_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for item in found:
        event, place = item.event, item.event.place
        writer.writerow({
            "source": item.source, "page_id": item.page_id, "story": item.story_position,
            "date": event.date, "date_end": event.date_end, "type": event.type, "certainty": event.certainty,
            "place": place.name if place else None, "country": place.country if place else None,
            "admin1": place.admin1 if place else None, "lat": place.lat if place else None,
            "lon": place.lon if place else None, "killed": event.killed, "injured": event.injured,
            "arrested": event.arrested, **party_columns(event.actor, "actor"), **party_columns(event.target, "target"),
            "actors": "; ".join(event.actors), "targets": "; ".join(event.targets),
            "trigger": event.trigger, "sentence": event.sentence,
        })


def party_columns(party: Party | None, side: str) -> dict[str, str | None]:
    """The CSV columns of an actor or target: its name, kind and country (empty for none)."""
    return {side: party.name if party else None, f"{side}_kind": party.kind if party else None,
            f"{side}_country": party.country if party else None}


def describe_parties(actor: Party | None, target: Party | None) -> str:
    """Who did it to whom, in a table cell: "Rapid Support Forces -> civilians (SD)"."""
    def name(party: Party | None) -> str:
        if party is None:
            return "?"
        return f"{party.name} ({party.country})" if party.country and party.country not in party.name else party.name
    if actor is None and target is None:
        return "-"
    return f"{name(actor)} -> {name(target)}"


def start_table() -> tuple[Console, Table]:
    """A console as wide as the terminal (PIPED_TABLE_WIDTH when piped) and an empty table for it."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console = Console(soft_wrap=False, width=PIPED_TABLE_WIDTH)
    return console, Table(header_style="bold", box=box.SIMPLE_HEAD if console.is_terminal else None)


def print_events_table(found: list[StoredEvent]) -> None:
    """A rich table: as wide as the terminal (place and source shrink first), one line per event."""
    console, table = start_table()
    headers = ("date", "type", "place", "cc", "killed", "injured", "arrested", "certainty", "who -> whom", "source")
    rows = []
    for item in found:
        event, place = item.event, item.event.place
        when = event.date or "-"
        if event.date_end:
            when += f"..{event.date_end}"
        rows.append((when, event.type, (place.name if place else None) or "-",
                     (place.country if place else None) or "-",
                     *("-" if n is None else str(n) for n in (event.killed, event.injured, event.arrested)),
                     event.certainty, describe_parties(event.actor, event.target),
                     f"{item.source}#{item.story_position}"))
    for i, name in enumerate(headers):
        shrinks = name in ("place", "source", "who -> whom")
        widest = max([len(name), *(len(row[i]) for row in rows)])
        table.add_column(name, justify="right" if name in ("killed", "injured", "arrested") else "left",
                         no_wrap=True, overflow="ellipsis", min_width=None if shrinks else widest,
                         max_width=(60 if name == "who -> whom" else 30) if shrinks else None)
    for row in rows:
        table.add_row(*row)
    console.print(table)
