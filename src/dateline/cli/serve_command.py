"""`dateline serve`: the JSON API and the offline web UI over a store (api.create_app)
on a local address, with uvicorn (api.server.run_server).

The ingest token is read from a file (--token-file, DATELINE_INGEST_TOKEN_FILE) or the
environment (DATELINE_INGEST_TOKEN), where `ps` does not show it; --token still works,
with a warning that every user of the machine can read it there."""
from __future__ import annotations

import os
import threading
import webbrowser

import typer

from ..errors import DatelineError
from .store_commands import DB_HELP, fail, settings_from_flags

TOKEN_ENV = "DATELINE_INGEST_TOKEN"
TOKEN_FILE_ENV = "DATELINE_INGEST_TOKEN_FILE"
MIN_TOKEN_LENGTH = 16


TOKEN_HELP = (f"Allow POST /api/ingest with this bearer token (at least {MIN_TOKEN_LENGTH} characters). "
              f"Visible to every user in `ps`: prefer --token-file or ${TOKEN_ENV}. "
              f"[env: {TOKEN_ENV}; default: read-only]")
TOKEN_FILE_HELP = (f"Read the ingest token from this file (its first line), e.g. one only you can read. "
                   f"[env: {TOKEN_FILE_ENV}]")
BODY_BYTES_HELP = ("Refuse request bodies (posted pages) larger than this, e.g. 10MB. "
                   "[env: DATELINE_MAX_PAGE_BYTES; default: 10MiB]")


def serve_cli(
    *,
    db: str = typer.Option(None, "--db", help=DB_HELP, show_default=False),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; 0.0.0.0 opens it to the network."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token: str | None = typer.Option(None, "--token", help=TOKEN_HELP, show_default=False),
    token_file: str | None = typer.Option(None, "--token-file", help=TOKEN_FILE_HELP, show_default=False),
    rate_limit: int = typer.Option(600, "--rate-limit", min=1, help="Requests per minute one client may make."),
    open_browser: bool = typer.Option(False, "--open",
                                      help="Open the UI in the default web browser once the server is up."),
    max_page_bytes: str = typer.Option(None, "--max-page-bytes", help=BODY_BYTES_HELP, show_default=False),
) -> None:
    """Serve the API (/api, docs at /docs) and the web UI (/) for a database made by `dateline ingest`."""
    settings = settings_from_flags(db=db, max_page_bytes=max_page_bytes)
    token = read_token(token, token_file)
    from ..api import create_app
    from ..api.server import run_server

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
    run_server(app, host=host, port=port)


def read_token(given: str | None, token_file: str | None) -> str | None:
    """The ingest token: --token, else --token-file (or its variable), else DATELINE_INGEST_TOKEN."""
    if given:
        typer.echo("warning: --token shows the token to every user of this machine (ps); "
                   f"prefer --token-file or ${TOKEN_ENV}", err=True)
        token: str | None = given.strip()
        hint = "--token"
    elif token_file or os.environ.get(TOKEN_FILE_ENV, "").strip():
        path = token_file or os.environ[TOKEN_FILE_ENV].strip()
        hint = "--token-file"
        try:
            with open(path, encoding="utf-8") as handle:
                token = handle.readline().strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise typer.BadParameter(f"cannot read the token from {path}: {exc}", param_hint=hint) from None
    else:
        token, hint = os.environ.get(TOKEN_ENV, "").strip() or None, TOKEN_ENV
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise typer.BadParameter(f"the ingest token must have at least {MIN_TOKEN_LENGTH} characters",
                                 param_hint=hint)
    return token or None
