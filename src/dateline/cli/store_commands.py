"""`dateline ingest`, `dateline failures` and `dateline stories`: each validates its
arguments, then calls one library function (store.ingest.ingest_sources,
Store.failures, Store.stories); and what every store command shares (--db, errors).
The stores, the readers and rich's tables load when a command runs, not with the app."""
from __future__ import annotations

import json
import sys
from collections import Counter
from typing import TYPE_CHECKING, Any

import typer

from ..errors import DatelineError

if TYPE_CHECKING:
    from ..models import Failure
    from ..settings import Settings
    from ..store import SqlStore, StoredStory
    from ..store.incidents import RefreshReport
    from ..store.ingest import IngestReport

# Failed pages listed one by one in the end summary; past this, counts by reason.
MAX_LISTED_FAILURES = 20

DB_HELP = "SQLite file or database URL (sqlite:///..., postgresql://...). [env: DATELINE_DB; default: ./dateline.db]"
WORKERS_HELP = ("Local processes that clean and code pages, each loading the model once. "
                "[env: DATELINE_WORKERS; default: 1]")
DASK_HELP = ("Run the batches on a Dask cluster: local:N starts one with N worker processes, "
             "tcp://HOST:8786 joins a running scheduler; wins over --workers. [env: DATELINE_DASK]")
SOURCES_HELP = "Pages, folders, WARC or JSONL files; '-' or nothing reads standard input."
INPUT_FORMAT_HELP = "Force the input format: text, html, warc, jsonl."
MAX_PAGE_BYTES_HELP = ("Fail pages larger than this, e.g. 10MB. "
                       "[env: DATELINE_MAX_PAGE_BYTES; default: 10MiB]")
BATCH_SIZE_HELP = "Pages written per transaction. [env: DATELINE_BATCH_SIZE; default: 100]"
RETRY_HELP = ("Process again the pages that failed before: with no SOURCES, every recorded failure "
              "(see `dateline failures`). A page that now succeeds replaces its failure.")
REFRESH_HELP = ("Group the stored events into incidents after the ingest (it regroups the whole store). "
                "For a bulk load in many runs, use --no-refresh and run `dateline incidents --refresh` "
                "once at the end.")


def fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def settings_from_flags(**flags: Any) -> Settings:
    """Settings from the flags given (None: not given) over the environment; a bad value is an error exit."""
    from ..settings import load_settings

    try:
        return load_settings(**flags)
    except DatelineError as exc:
        raise fail(str(exc)) from None


def check_format(fmt: str | None) -> str | None:
    if fmt is None:
        return None
    from ..readers import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not a format: choose one of {', '.join(FORMATS)}",
                                 param_hint="--format")
    return fmt


def ingest_cli(
    sources: list[str] = typer.Argument(None, help=SOURCES_HELP),
    *,
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    fmt: str | None = typer.Option(None, "--format", help=INPUT_FORMAT_HELP),
    max_page_bytes: str = typer.Option(None, "--max-page-bytes", help=MAX_PAGE_BYTES_HELP, show_default=False),
    batch_size: int = typer.Option(None, "--batch-size", help=BATCH_SIZE_HELP, show_default=False),
    workers: int = typer.Option(None, "--workers", help=WORKERS_HELP, show_default=False),
    dask: str = typer.Option(None, "--dask", help=DASK_HELP, show_default=False),
    retry_failed: bool = typer.Option(False, "--retry-failed", help=RETRY_HELP),
    refresh: bool = typer.Option(True, "--refresh/--no-refresh", help=REFRESH_HELP),
) -> None:
    """Read pages, clean and code them, store the results; exit 1 if any page failed.

    A run stopped midway (even killed) is resumed by running it again: pages already
    stored are skipped before any stage runs, and each page is stored once.
    """
    fmt = check_format(fmt)
    settings = settings_from_flags(db=db, max_page_bytes=max_page_bytes, batch_size=batch_size,
                                   workers=workers, dask=dask)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..store import open_store
    from ..store.ingest import ingest_sources, list_retry_inputs

    try:
        store = open_store(settings.db)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    if retry_failed and not sources:
        inputs, gone = list_retry_inputs(store)
        for source in gone:
            typer.echo(f"warning: {source}: cannot be read again (gone, or standard input); not retried", err=True)
        if not inputs:
            store.close()
            typer.echo("no failures to retry" + (f" ({len(gone)} whose source is gone)" if gone else ""))
            raise typer.Exit(0)
    else:
        inputs = sources or ["-"]
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
        task = progress.add_task("ingesting", total=None)
        try:
            report = ingest_sources(inputs, store, fmt=fmt, max_page_bytes=settings.max_page_bytes,
                                    batch_size=settings.batch_size, workers=settings.workers,
                                    dask=settings.dask, retry_failed=retry_failed, on_failure=on_failure,
                                    on_input_done=lambda _source: progress.advance(task),
                                    on_start=lambda total: progress.update(task, total=total))
        except DatelineError as exc:
            raise fail(str(exc)) from None
        regrouped = refresh_after_ingest(store) if refresh else None
    print_ingest_summary(report, db=settings.db)
    print_regrouped(regrouped)
    raise typer.Exit(0 if report.ok and not report.unrecorded and not isinstance(regrouped, str) else 1)


def refresh_after_ingest(store: SqlStore) -> RefreshReport | str | bool:
    """Regroup near-duplicate stories and incidents when pages were stored since they were last
    grouped (by this run, another, or one killed before its refresh): the refresh's report, True
    when nothing was stale, or why the refresh failed (the previous incidents are kept)."""
    from ..store.incidents import refresh_if_stale  # datasketch loads only when needed

    try:
        return refresh_if_stale(store) or True
    except DatelineError as exc:
        return str(exc)


def print_regrouped(regrouped: RefreshReport | str | bool | None) -> None:
    """The incidents line of the summary (None: --no-refresh)."""
    if regrouped is None:
        typer.echo("incidents:      not regrouped (--no-refresh); "
                   "run `dateline incidents --refresh` when the load is done")
    elif isinstance(regrouped, str):
        typer.echo(f"incidents:      not regrouped: {regrouped}. The previous incidents are kept, marked stale; "
                   "the next ingest or `dateline incidents` regroups them")
    elif not isinstance(regrouped, bool):
        typer.echo(f"incidents:      {regrouped.incidents} ({regrouped.multi_source_incidents} "
                   f"from several sources; {regrouped.stories_in_copies} stories are copies)")


def print_ingest_summary(report: IngestReport, *, db: str) -> None:
    """The end of an ingest: pages read, stories stored, pages failed with reasons, what was skipped."""
    echo = typer.echo
    stored = f"{report.pages_added} new"
    if report.pages_replaced:
        stored += f", {report.pages_replaced} replaced"
    if report.pages_unchanged:
        stored += f", {report.pages_unchanged} already stored"
    echo(f"pages read:     {report.pages_read} ({stored})")
    echo(f"stories stored: {report.stories_added} (of {report.stories_found} found)")
    if report.events_added or report.quotes_added or report.entities_added:
        echo(f"events stored:  {report.events_added} ({report.quotes_added} quotes, "
             f"{report.entities_added} entities)")
    echo(f"pages failed:   {len(report.failed)}")
    print_listed(report.failed, by_reason=True)
    if report.failed_before:
        echo(f"failed before:  {report.failed_before} pages kept their recorded failure (list them: "
             "dateline failures; retry them: dateline ingest --retry-failed)")
    if report.stats.peak_rss:
        peak = max(report.stats.peak_rss.values()) / 1024 ** 2
        started, worked = report.stats.workers, len(report.stats.peak_rss)
        busy = f" ({worked} got work)" if worked < started else ""
        echo(f"workers:        {started} process{'es' if started > 1 else ''}{busy}, "
             f"peak memory {peak:.0f} MB per worker")
    if report.unrecorded:
        echo(f"not recorded:   {len(report.unrecorded)} failures could not be written to the store either "
             "(listed above); run the same command again to store those pages")
    if report.skipped:
        reasons = Counter(f.reason for f in report.skipped)
        listed = "; ".join(f"{n}x {reason}" for reason, n in reasons.most_common(5))
        echo(f"records skipped (not pages): {len(report.skipped)} ({listed})")
    if report.inputs_skipped:
        echo(f"files skipped:  {len(report.inputs_skipped)}")
        print_listed(report.inputs_skipped)
    echo(f"database:       {db}")


def print_listed(found: list[Failure], *, by_reason: bool = False) -> None:
    """The first MAX_LISTED_FAILURES of these, one per line; past them how many more (and why)."""
    for failure in found[:MAX_LISTED_FAILURES]:
        typer.echo(f"  {failure.source}: {failure.reason}")
    if len(found) <= MAX_LISTED_FAILURES:
        return
    typer.echo(f"  ... and {len(found) - MAX_LISTED_FAILURES} more" + ("; by reason:" if by_reason else ""))
    if by_reason:
        reasons = Counter(f.reason.split(":")[0].split("(")[0].strip() for f in found)
        for reason, n in reasons.most_common(10):
            typer.echo(f"    {n:>6}  {reason}")


def failures_cli(
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    as_json: bool = typer.Option(False, "--json", help="One JSON record per failure (JSON Lines)."),
    include_skipped: bool = typer.Option(False, "--all",
                                         help="Also list records that were no pages (images, redirects)."),
) -> None:
    """List the pages that failed, with the stage and the reason; retry them with
    `dateline ingest --retry-failed`."""
    settings = settings_from_flags(db=db)
    from ..store import open_store

    try:
        with open_store(settings.db, create=False) as store:
            found = store.failures(include_skipped=include_skipped)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    if as_json:
        for item in found:
            record = {"source": item.source, "stage": item.stage, "reason": item.reason, "offset": item.offset}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        for item in found:
            typer.echo(f"{item.source}\t{item.stage}\t{item.reason}")
    retry = f"dateline ingest --retry-failed --db {settings.db}" if db else "dateline ingest --retry-failed"
    typer.echo(f"{len(found)} failures recorded" + (f"; retry them with: {retry}" if found else ""), err=True)


def stories_cli(
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    *,
    limit: int = typer.Option(50, "--limit", min=1, help="List at most this many stories."),
    as_json: bool = typer.Option(False, "--json", help="One JSON record per story (JSON Lines)."),
    text: str = typer.Option(None, "--text", show_default=False, help=(
        "Only stories whose headline or body matches this full-text query: words (all of them), \"a phrase\", "
        "OR, NOT or -word, (groups), prefix* (docs/api.md).")),
    since: str = typer.Option(None, "--since", show_default=False,
                              help="Only stories published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    until: str = typer.Option(None, "--until", show_default=False,
                              help="Only stories published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
) -> None:
    """List the stories stored by `dateline ingest`."""
    from .filter_flags import read_filter_flags

    filters = read_filter_flags(text=text, since=since, until=until)  # checked as `dateline events` checks them
    settings = settings_from_flags(db=db)
    from ..store import open_store
    from ..store.queries import list_stories

    try:
        with open_store(settings.db, create=False) as store:
            found = list_stories(store, q=filters.q, date_from=filters.date_from, date_to=filters.date_to,
                                 sort="source", limit=limit).items
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
    from ..record import story_record

    return {"source": item.source, "url": item.url, "page_id": item.page_id, "position": item.position,
            **story_record(item.story)}


def format_story_line(item: StoredStory) -> str:
    story = item.story
    place = story.dateline.place if story.dateline and story.dateline.place else "-"
    headline = story.headline or (story.body[0][:80] + "..." if story.body else "(no headline)")
    return f"{(story.published or '-')[:16]:<16}  {place[:18]:<18}  {headline}  [{item.source}]"
