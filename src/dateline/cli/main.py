"""The `dateline` command. Each command validates its arguments, then calls one
library function; only this package sets up logging and progress output."""
from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import typer

from ..errors import DatelineError
from ..models import Failure
from .eval_command import eval_cli
from .event_commands import events_cli
from .export_command import export_cli
from .incident_commands import incidents_cli, summary_cli
from .logs import configure_logging
from .serve_command import serve_cli
from .store_commands import (DASK_HELP, INPUT_FORMAT_HELP, MAX_PAGE_BYTES_HELP, SOURCES_HELP, WORKERS_HELP,
                             check_format, failures_cli, ingest_cli, settings_from_flags, stories_cli)

if TYPE_CHECKING:
    from ..models import Extraction

# The commands import the pipeline, the readers and the stores when they run, so that
# `dateline --help` and the store listings do not load spaCy, trafilatura or Dask.

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn raw news pages into clean stories and coded events.")


@app.callback()
def main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress and show tracebacks.")) -> None:
    """Turn raw news pages into clean stories and coded events."""
    configure_logging(verbose=verbose)


EXTRACT_CHUNK_PAGES = 32  # pages cleaned, then parsed in one nlp.pipe call, at a time


def _chunks(sources: list[str], fmt: str | None, max_page_bytes: int):
    """(chunk, its pages): what was read, in input order, EXTRACT_CHUNK_PAGES pages at a time."""
    from ..readers import read_sources

    chunk: list = []
    for item in read_sources(sources, fmt=fmt, max_page_bytes=max_page_bytes):
        chunk.append(item)
        if sum(1 for x in chunk if not isinstance(x, Failure)) >= EXTRACT_CHUNK_PAGES:
            yield chunk, [x for x in chunk if not isinstance(x, Failure)]
            chunk = []
    if chunk:
        yield chunk, [x for x in chunk if not isinstance(x, Failure)]


def _extractions(sources: list[str], fmt: str | None, max_page_bytes: int, *, workers: int = 1,
                 dask: str | None = None):
    """Extractions (and read failures) in input order, chunks processed here, on N processes or Dask."""
    from ..parallel import run_batches

    for chunk, extractions in run_batches(_chunks(sources, fmt, max_page_bytes), workers=workers, dask=dask):
        done = iter(extractions)
        for item in chunk:
            yield item if isinstance(item, Failure) else next(done)


@app.command()
def extract(
    pages: list[str] = typer.Argument(None, help=SOURCES_HELP),
    *,
    as_json: bool = typer.Option(False, "--json", help="One JSON record per page (JSON Lines)."),
    fmt: str | None = typer.Option(None, "--format", help=INPUT_FORMAT_HELP),
    max_page_bytes: str = typer.Option(None, "--max-page-bytes", help=MAX_PAGE_BYTES_HELP, show_default=False),
    workers: int = typer.Option(None, "--workers", help=WORKERS_HELP, show_default=False),
    dask: str = typer.Option(None, "--dask", help=DASK_HELP, show_default=False),
) -> None:
    """Print what dateline reads in each page."""
    fmt = check_format(fmt)
    settings = settings_from_flags(max_page_bytes=max_page_bytes, workers=workers, dask=dask)
    try:
        failed = _print_extractions(pages or ["-"], fmt, settings, as_json=as_json)
    except DatelineError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(1 if failed else 0)


def _print_extractions(pages: list[str], fmt: str | None, settings, *, as_json: bool) -> int:
    """Print each page's record (or summary) as it is done; return how many pages failed."""
    from ..readers import SKIP_STAGE
    from ..record import to_record

    failed = 0
    for item in _extractions(pages, fmt, settings.max_page_bytes, workers=settings.workers, dask=settings.dask):
        if isinstance(item, Failure):
            if item.stage == SKIP_STAGE:
                continue
            failed += 1
            typer.echo(f"error: {item.source}: {item.reason}", err=True)
            continue
        if item.failure:
            failed += 1
            typer.echo(f"error: {item.page.source}: {item.failure.reason}", err=True)
        if as_json:
            sys.stdout.write(json.dumps(to_record(item), ensure_ascii=False) + "\n")
        else:
            _print_summary(item)
    return failed


def _print_summary(item: Extraction) -> None:
    typer.echo(f"{item.page.source}: {len(item.stories)} stories, {len(item.removed)} lines removed")
    for story in item.stories:
        dl = story.dateline.place if story.dateline else "-"
        typer.echo(f"  {story.published or '----------'}  {dl:<14} {story.headline or '(no headline)'}")


app.command("ingest")(ingest_cli)
app.command("failures")(failures_cli)
app.command("stories")(stories_cli)
app.command("events")(events_cli)
app.command("incidents")(incidents_cli)
app.command("summary")(summary_cli)
app.command("eval")(eval_cli)
app.command("serve")(serve_cli)
app.command("export")(export_cli)
