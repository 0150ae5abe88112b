"""`dateline serve`: the JSON API and the offline web UI over a store (api.create_app)
on a local address, with uvicorn."""
from __future__ import annotations

import os
import threading
import webbrowser

import typer

from ..errors import DatelineError
from .store_commands import DB_HELP, fail, settings_from_flags

TOKEN_ENV = "DATELINE_INGEST_TOKEN"
MIN_TOKEN_LENGTH = 16


TOKEN_HELP = (f"Allow POST /api/ingest with this bearer token (at least {MIN_TOKEN_LENGTH} characters). "
              f"[env: {TOKEN_ENV}; default: read-only]")
BODY_BYTES_HELP = ("Refuse request bodies (posted pages) larger than this, e.g. 10MB. "
                   "[env: DATELINE_MAX_PAGE_BYTES; default: 10MiB]")


def serve_cli(
    *,
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; 0.0.0.0 opens it to the network."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token: str | None = typer.Option(None, "--token", help=TOKEN_HELP, show_default=False),
    rate_limit: int = typer.Option(600, "--rate-limit", min=1, help="Requests per minute one client may make."),
    open_browser: bool = typer.Option(False, "--open",
                                      help="Open the UI in the default web browser once the server is up."),
    max_page_bytes: str = typer.Option(None, "--max-page-bytes", help=BODY_BYTES_HELP, show_default=False),
) -> None:
    """Serve the API (/api, docs at /docs) and the web UI (/) for a database made by `dateline ingest`."""
    settings = settings_from_flags(db=db, max_page_bytes=max_page_bytes)
    token = token or os.environ.get(TOKEN_ENV, "").strip() or None
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise typer.BadParameter(f"the ingest token must have at least {MIN_TOKEN_LENGTH} characters",
                                 param_hint="--token")
    import uvicorn

    from ..api import create_app

    try:
        app = create_app(settings.db, ingest_token=token, max_body_bytes=settings.max_page_bytes,
                         rate_limit=rate_limit)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    where = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    typer.echo(f"dateline: serving {settings.db} at {where} (API docs at {where}docs; "
               f"ingest {'on' if token else 'off'}); Ctrl-C stops it", err=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(where,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")
