"""`dateline eval GOLD_DIR`: extract every annotated page in-process and score it
against its gold file (dateline.evaluate), printing the same rows and TOTAL line
as the shared scorer ../shared/tools/score.py."""
from __future__ import annotations

from pathlib import Path

import typer


def eval_cli(
    gold_dir: Path = typer.Argument(..., help="Folder of *.gold.json files, each naming its page in \"input\"."),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="List missed and false events and leaked lines under each page."),
    as_json: bool = typer.Option(False, "--json", help="Also print the total as JSON on the last line."),
) -> None:
    """Score dateline's extraction of annotated pages against their gold files."""
    from ..evaluate import evaluate_pages, format_report, read_gold_dir

    if not gold_dir.is_dir():
        raise typer.BadParameter(f"{gold_dir} is not a folder", param_hint="GOLD_DIR")
    try:
        pages = read_gold_dir(gold_dir)
    except (OSError, ValueError, KeyError) as exc:
        typer.echo(f"error: cannot read the gold files in {gold_dir}: {exc}", err=True)
        raise typer.Exit(2) from None
    if not pages:
        typer.echo(f"error: no *.gold.json files in {gold_dir}", err=True)
        raise typer.Exit(2)
    results = evaluate_pages(pages)
    for result in results:
        if result.error is not None:
            typer.echo(f"{result.page.gold_id}: no record: {result.error}", err=True)
    for line in format_report(results, verbose=verbose, as_json=as_json):
        typer.echo(line)
