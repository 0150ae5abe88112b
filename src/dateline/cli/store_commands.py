"""`dateline ingest` and `dateline stories`: each validates its arguments, then
calls one library function (store.ingest.ingest_sources, Store.stories)."""
from __future__ import annotations

import json
import sys
from collections import Counter

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import DatelineError
from ..models import Failure
from ..readers import FORMATS
from ..record import story_record
from ..settings import Settings, load_settings
from ..store import StoredStory, open_store
from ..store.ingest import IngestReport, ingest_sources, list_ingest_inputs

# Failed pages listed one by one in the end summary; past this, counts by reason.
MAX_LISTED_FAILURES = 20

DB_HELP = "SQLite file or database URL (sqlite:///..., postgresql://...). [env: DATELINE_DB; default: ./dateline.db]"


def fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def settings_from_flags(**flags: object) -> Settings:
    try:
        return load_settings(**flags)
    except DatelineError as exc:
        raise fail(str(exc)) from None


def check_format(fmt: str | None) -> str | None:
    if fmt is not None and fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not a format: choose one of {', '.join(FORMATS)}",
                                 param_hint="--format")
    return fmt


def ingest_cli(
    sources: list[str] = typer.Argument(None, help="Pages, folders, WARC or JSONL files; '-' or nothing reads standard input."),
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    fmt: str = typer.Option(None, "--format", help="Force the input format: text, html, warc, jsonl."),
    max_page_bytes: str = typer.Option(None, "--max-page-bytes", help="Fail pages larger than this, e.g. 10MB. [env: DATELINE_MAX_PAGE_BYTES; default: 10MiB]", show_default=False),
    batch_size: int = typer.Option(None, "--batch-size", help="Pages written per transaction. [env: DATELINE_BATCH_SIZE; default: 100]", show_default=False),
) -> None:
    """Read pages, clean them into stories and store both; exit 1 if any page failed."""
    fmt = check_format(fmt)
    settings = settings_from_flags(db=db, max_page_bytes=max_page_bytes, batch_size=batch_size)
    inputs = list_ingest_inputs(sources or ["-"])
    try:
        store = open_store(settings.db)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    console = Console(stderr=True)
    live = console.is_terminal  # a progress bar only where someone watches

    def on_failure(failure: Failure) -> None:
        line = f"error: {failure.source}: {failure.reason}"
        if live:
            console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(line, err=True)

    progress = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), console=console, disable=not live)
    with store, progress:
        task = progress.add_task("ingesting", total=len(inputs))
        try:
            report = ingest_sources(inputs, store, fmt=fmt, max_page_bytes=settings.max_page_bytes,
                                    batch_size=settings.batch_size, on_failure=on_failure,
                                    on_input_done=lambda _source: progress.advance(task))
        except DatelineError as exc:
            raise fail(str(exc)) from None
    print_ingest_summary(report, db=settings.db)
    raise typer.Exit(0 if report.ok else 1)


def print_ingest_summary(report: IngestReport, *, db: str) -> None:
    """The end of an ingest: pages read, stories stored, pages failed with reasons."""
    echo = typer.echo
    stored = f"{report.pages_added} new"
    if report.pages_replaced:
        stored += f", {report.pages_replaced} replaced"
    if report.pages_unchanged:
        stored += f", {report.pages_unchanged} already stored"
    echo(f"pages read:     {report.pages_read} ({stored})")
    echo(f"stories stored: {report.stories_added} (of {report.stories_found} found)")
    echo(f"pages failed:   {len(report.failed)}")
    for failure in report.failed[:MAX_LISTED_FAILURES]:
        echo(f"  {failure.source}: {failure.reason}")
    if len(report.failed) > MAX_LISTED_FAILURES:
        echo(f"  ... and {len(report.failed) - MAX_LISTED_FAILURES} more; by reason:")
        reasons = Counter(f.reason.split(":")[0].split("(")[0].strip() for f in report.failed)
        for reason, n in reasons.most_common(10):
            echo(f"    {n:>6}  {reason}")
    if report.skipped:
        reasons = Counter(f.reason for f in report.skipped)
        listed = "; ".join(f"{n}x {reason}" for reason, n in reasons.most_common(5))
        echo(f"records skipped (not pages): {len(report.skipped)} ({listed})")
    echo(f"database:       {db}")


def stories_cli(
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    limit: int = typer.Option(50, "--limit", min=1, help="List at most this many stories."),
    as_json: bool = typer.Option(False, "--json", help="One JSON record per story (JSON Lines)."),
) -> None:
    """List the stories stored by `dateline ingest`."""
    settings = settings_from_flags(db=db)
    try:
        with open_store(settings.db, create=False) as store:
            found = store.stories(limit=limit)
            counts = store.counts()
    except DatelineError as exc:
        raise fail(str(exc)) from None
    if as_json:
        for item in found:
            sys.stdout.write(json.dumps(stored_story_record(item), ensure_ascii=False) + "\n")
        return
    for item in found:
        typer.echo(format_story_line(item))
    shown = f"{len(found)} of {counts.stories} stories" if len(found) < counts.stories else f"{counts.stories} stories"
    typer.echo(f"{shown} from {counts.pages_ok} pages ({counts.failures} failures recorded)",
               err=True)


def stored_story_record(item: StoredStory) -> dict:
    return {"source": item.source, "url": item.url, "page_id": item.page_id, "position": item.position,
            **story_record(item.story)}


def format_story_line(item: StoredStory) -> str:
    story = item.story
    place = story.dateline.place if story.dateline and story.dateline.place else "-"
    headline = story.headline or (story.body[0][:80] + "..." if story.body else "(no headline)")
    return f"{(story.published or '-')[:16]:<16}  {place[:18]:<18}  {headline}  [{item.source}]"
