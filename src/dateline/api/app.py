"""The FastAPI app: the JSON API under /api, the offline web UI at /, the OpenAPI
spec at /openapi.json and its docs at /docs (Swagger UI from the npm package swagger-ui-dist,
built into web/static/docs/ with the rest of the UI: no CDN).

    create_app(db_url, *, ingest_token=None)   one store opened for the app's life
      ├── LimitMiddleware   413 for big bodies (counted as they arrive, never buffered), 429 past
      │                     the rate, security headers
      ├── routers           events.py, exports.py, points.py, clusters.py, facets.py, incidents.py, summary.py,
      │                     stories.py, mentions.py, ingest.py, types.py; every one refuses query
      │                     parameters it does not take (params.py)
      ├── JobQueue          uploads as background jobs, one worker thread (jobs.py); stopped with
      │                     the app (its running batch finishes, the rest is cancelled)
      └── /                 web/static/index.html and the bundle web/build.mjs writes there
                            (make web); a page saying how to build it when it was never built
"""
from __future__ import annotations

import html
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..settings import DEFAULT_MAX_PAGE_BYTES
from ..store import open_store
from . import clusters, events, exports, facets, incidents, ingest, mentions, points, stories, summary, types
from .errors import install_error_handlers
from .jobs import MAX_QUEUED_JOBS, JobQueue
from .limits import LimitMiddleware
from .params import reject_unknown_parameters
from .uploads import MAX_UPLOAD_RECORDS, UploadLimits

log = logging.getLogger(__name__)

DEFAULT_RATE_LIMIT = 600  # requests per client per minute
JOB_STOP_SECONDS = 10     # how long a stopping server waits for the upload batch it is storing
DESCRIPTION = """Coded events, incidents, stories, quotes and entities read from news pages.

Every error comes as `{"error": {"status", "code", "message"}}`. Listings take `limit` (at most 1000)
and `offset` and answer `{"items", "total", "limit", "offset"}`. Read-only unless the server was
started with an ingest token."""
NOT_BUILT = ("The web UI was never built, so there is nothing to show here (the API under /api works). "
             "Build it with `make web` (or `make install`), which runs `npm ci` and `npm run build` in web/ "
             "and needs Node.js 18+ and npm: see docs/ui.md.")


def locate_static() -> str:
    return str(resources.files("dateline.web") / "static")


def check_web_built(static: str) -> bool:
    """Whether web/build.mjs has written the UI into ``static`` (it writes build.json last)."""
    return Path(static, "index.html").is_file() and Path(static, "build.json").is_file()


def create_app(db_url: str, *, ingest_token: str | None = None, max_body_bytes: int = DEFAULT_MAX_PAGE_BYTES,
               rate_limit: int = DEFAULT_RATE_LIMIT, rate_window: float = 60.0,
               max_upload_records: int = MAX_UPLOAD_RECORDS, max_queued_jobs: int = MAX_QUEUED_JOBS) -> FastAPI:
    """The API and UI over the store at ``db_url`` (a path or a database URL).

    ``ingest_token`` turns POST /api/ingest on; without it the app only reads.
    """
    store = open_store(db_url, create=False)
    jobs = JobQueue(store, max_page_bytes=max_body_bytes, max_queued=max_queued_jobs)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await run_in_threadpool(jobs.stop, timeout=JOB_STOP_SECONDS)
        store.close()

    app = FastAPI(title="dateline", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, dependencies=[Depends(reject_unknown_parameters)])
    app.state.store = store
    app.state.ingest_token = ingest_token or None
    app.state.max_body_bytes = max_body_bytes
    app.state.upload_limits = UploadLimits(max_body_bytes=max_body_bytes, max_records=max_upload_records)
    app.state.jobs = jobs
    install_error_handlers(app)
    routers = (events, exports, points, clusters, facets, incidents, summary, stories, mentions, ingest, types)
    for module in routers:  # points and clusters before incidents/{id}
        app.include_router(module.router)
    _add_web(app)
    app.add_middleware(LimitMiddleware, max_body_bytes=max_body_bytes, rate_limit=rate_limit,
                       rate_window=rate_window)
    return app


def _add_web(app: FastAPI) -> None:
    static = locate_static()
    built = check_web_built(static)
    if built:
        app.mount("/static", StaticFiles(directory=static), name="static")
    else:
        log.warning("%s (looked in %s)", NOT_BUILT, static)

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        if not built:
            page = f"<!doctype html><title>dateline</title><h1>dateline</h1><p>{html.escape(NOT_BUILT)}</p>"
            return HTMLResponse(page, status_code=503)
        return FileResponse(f"{static}/index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        """Swagger UI over /openapi.json (web/src/docs/, built with the UI)."""
        if not built:
            page = (f"<!doctype html><title>dateline API</title><p>The spec is at <a href='/openapi.json'>"
                    f"/openapi.json</a>; its interactive docs come with the web UI. {html.escape(NOT_BUILT)}</p>")
            return HTMLResponse(page, status_code=503)
        return FileResponse(f"{static}/docs/index.html", media_type="text/html")

    @app.get("/index.html", include_in_schema=False)
    def index_alias() -> RedirectResponse:
        return RedirectResponse("/")
