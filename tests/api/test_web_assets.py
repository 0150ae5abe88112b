"""The web UI's built assets: served from the package when `make web` has built them, and a
page that says how to build them (with the API still answering) when it never has."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from dateline.api import app as app_module  # noqa: E402
from dateline.api import create_app  # noqa: E402
from dateline.store import open_store  # noqa: E402


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    path = str(tmp_path / "empty.db")
    with open_store(path):
        pass
    return path


def test_built_assets_are_served_from_the_package(empty_db: str):
    static = Path(app_module.locate_static())
    assert app_module.check_web_built(str(static)), "the web UI is not built: run `make web` (docs/ui.md)"
    with TestClient(create_app(empty_db)) as client:
        page = client.get("/")
        assert page.status_code == 200 and 'src="/static/app.js"' in page.text
        bundle = client.get("/static/app.js")
        assert bundle.status_code == 200 and "javascript" in bundle.headers["content-type"]
        assert client.get("/static/app-style.css").status_code == 200
        assert client.get("/static/build.json").json()["package_lock_sha256"]


def test_unbuilt_assets_give_a_page_saying_how_to_build_them(empty_db: str, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(app_module, "locate_static", lambda: str(tmp_path / "never-built"))
    with TestClient(create_app(empty_db)) as client:
        page = client.get("/")
        assert page.status_code == 503
        assert "never built" in page.text and "make web" in page.text and "npm" in page.text
        assert client.get("/static/app.js").status_code == 404
        assert client.get("/api/events").json()["total"] == 0  # the API works without the UI
