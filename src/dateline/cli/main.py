"""The `dateline` command. Each command validates its arguments, then calls one
library function; only this package sets up logging and progress output."""
from __future__ import annotations

import json
import sys

import typer

from ..models import Extraction, Failure
from ..pipeline import process_page
from ..readers import read_sources
from ..record import to_record

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn raw news pages into clean stories and coded events.")


@app.callback()
def main() -> None:
    """Turn raw news pages into clean stories and coded events."""


def _extractions(sources: list[str], fmt: str | None):
    for item in read_sources(sources, fmt=fmt):
        if isinstance(item, Failure):
            yield item
        else:
            yield process_page(item)


@app.command()
def extract(
    pages: list[str] = typer.Argument(None, help="Pages, folders, WARC or JSONL files; '-' or nothing reads standard input."),
    as_json: bool = typer.Option(False, "--json", help="One JSON record per page (JSON Lines)."),
    fmt: str = typer.Option(None, "--format", help="Force the input format: text, html, warc, jsonl."),
) -> None:
    """Print what dateline reads in each page."""
    failed = 0
    for item in _extractions(pages or ["-"], fmt):
        if isinstance(item, Failure):
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
    raise typer.Exit(1 if failed else 0)


def _print_summary(item: Extraction) -> None:
    typer.echo(f"{item.page.source}: {len(item.stories)} stories, {len(item.removed)} lines removed")
    for story in item.stories:
        dl = story.dateline.place if story.dateline else "-"
        typer.echo(f"  {story.published or '----------'}  {dl:<14} {story.headline or '(no headline)'}")
