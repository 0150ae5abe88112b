"""The FastAPI app: the JSON API under /api, the offline web UI at /, the OpenAPI
spec at /openapi.json and its docs at /docs (Swagger UI served from the package
swagger-ui-bundle when installed: no CDN).

    create_app(db_url, *, ingest_token=None)   one store opened for the app's life
      ├── LimitMiddleware   413 for big bodies, 429 past the rate, security headers
      ├── routers           events.py, incidents.py, stories.py, mentions.py, ingest.py, types.py
      └── /                 web/static/index.html and its scripts (web/)
"""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..settings import DEFAULT_MAX_PAGE_BYTES
from ..store import open_store
from . import events, incidents, ingest, mentions, stories, types
from .errors import install_error_handlers
from .limits import LimitMiddleware

log = logging.getLogger(__name__)

DEFAULT_RATE_LIMIT = 600  # requests per client per minute
DESCRIPTION = """Coded events, incidents, stories, quotes and entities read from news pages.

Every error comes as `{"error": {"status", "code", "message"}}`. Listings take `limit` (at most 1000)
and `offset` and answer `{"items", "total", "limit", "offset"}`. Read-only unless the server was
started with an ingest token."""


def locate_static() -> str:
    return str(resources.files("dateline.web") / "static")


def _swagger_assets() -> str | None:
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return None
    return str(swagger_ui_path)


def create_app(db_url: str, *, ingest_token: str | None = None, max_body_bytes: int = DEFAULT_MAX_PAGE_BYTES,
               rate_limit: int = DEFAULT_RATE_LIMIT, rate_window: float = 60.0) -> FastAPI:
    """The API and UI over the store at ``db_url`` (a path or a database URL).

    ``ingest_token`` turns POST /api/ingest on; without it the app only reads.
    """
    store = open_store(db_url, create=False)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="dateline", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.ingest_token = ingest_token or None
    app.state.max_body_bytes = max_body_bytes
    install_error_handlers(app)
    for module in (events, incidents, stories, mentions, ingest, types):
        app.include_router(module.router)
    _add_docs(app)
    _add_web(app)
    app.add_middleware(LimitMiddleware, max_body_bytes=max_body_bytes, rate_limit=rate_limit,
                       rate_window=rate_window)
    return app


def _add_docs(app: FastAPI) -> None:
    assets = _swagger_assets()
    if assets:
        app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if not assets:
            return HTMLResponse("<p>Install swagger-ui-bundle for the interactive docs; "
                                "the spec is at <a href='/openapi.json'>/openapi.json</a>.</p>")
        return get_swagger_ui_html(openapi_url="/openapi.json", title="dateline API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")


def _add_web(app: FastAPI) -> None:
    static = locate_static()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(f"{static}/index.html", media_type="text/html")

    @app.get("/index.html", include_in_schema=False)
    def index_alias() -> RedirectResponse:
        return RedirectResponse("/")
