"""Helpers of the browser tests: serving a store with uvicorn, Debian's Chromium through
Playwright, waiting for a view, and reading what the page shows (the list, the map's clusters
and circles, font sizes). The fixtures the browser test modules share are here: the browser,
the 1,200 made-up incidents served (``url``), where screenshots go (``shots``)."""
from __future__ import annotations

import contextlib
import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Under this many placed incidents in its view, the map draws them one by one; above, the server's cells
POINTS_UNDER = int(re.search(r"export const POINTS_UNDER = (\d+);",
                             (Path(__file__).parents[2] / "web" / "src" / "map.js").read_text(encoding="utf-8"))[1])
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def skip_without_browser() -> None:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)",
                    allow_module_level=True)
    pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")
    pytest.importorskip("uvicorn")
    from dateline.api.app import check_web_built, locate_static
    if not check_web_built(locate_static()):  # a build that failed must not pass as skipped
        pytest.fail("the web UI is not built: run `make web` (docs/ui.md)", pytrace=False)


def find_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(db: str):
    """uvicorn serving the API and UI over the store at ``db`` on a free local port (no rate
    limit: a test loads many pages a minute)."""
    import uvicorn

    from dateline.api import create_app

    port = find_free_port()
    app = create_app(db, rate_limit=1_000_000)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module", name="url")
def serve_many_incidents(many_incidents_db: str):
    """The address of a server over tests/conftest.py's 1,200 made-up incidents."""
    with serve(many_incidents_db) as served:
        yield served


@pytest.fixture(scope="module")
def shots(repo_root: Path, tmp_path_factory) -> Path:
    """Where the tests' screenshots go: docs/ui when DATELINE_UPDATE_SCREENSHOTS=1, else a temporary folder."""
    if os.environ.get("DATELINE_UPDATE_SCREENSHOTS") == "1":
        folder = repo_root / "docs" / "ui"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


@contextlib.contextmanager
def checked_tab(browser, base_url: str, **options):
    """A tab (``open_tab``) that must end with no script error; closed after."""
    tab = open_tab(browser, base_url, **options)
    yield tab
    assert not tab.errors, tab.errors
    tab.context.close()


def open_tab(browser, base_url: str, *, width: int = 1280, height: int = 860, bypass_csp: bool = False, **options):
    """A new page that records dialogs, script errors and Content-Security-Policy violations."""
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=base_url,
                                  bypass_csp=bypass_csp, **options)
    tab = context.new_page()
    tab.dialogs, tab.errors = [], []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation',"
                        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    return tab


def open_view(page, route: str) -> None:
    page.goto("/" + route)
    wait_ready(page)


def wait_ready(page) -> None:
    """Until the view shows the route in the address bar (not the one before it)."""
    page.wait_for_selector("body[data-ready=true]")
    page.wait_for_function("document.body.dataset.rendered === location.hash"
                           " && document.getElementById('view').getAttribute('aria-busy') === 'false'")


def list_rows(page) -> list[dict]:
    return page.eval_on_selector_all("table.list tbody tr", """rows => rows.map(r => ({
        type: r.dataset.type, date: r.cells[0].firstChild.textContent }))""")


def list_total(page) -> int:
    text = page.locator("#list-count").inner_text()  # "1–50 of 1200 incidents"
    return 0 if text.startswith("no ") else int(text.split(" of ")[1].split()[0])


def map_counts(page) -> dict:
    """What the map shows now: its clusters' counts (the server's cells or the browser's clusters
    of points), its single circles (ids), its zoom and which of the two it draws (``mode``)."""
    return page.evaluate("""() => ({
        clusters: [...document.querySelectorAll('#map .incident-cluster')].map(e => +e.dataset.count),
        circles: [...document.querySelectorAll('#map path.incident-mark')].map(e => e.dataset.id),
        zoom: document.getElementById('map').leaflet.getZoom(), mode: document.getElementById('map').dataset.mode })""")


MAP_STILL = ("() => !document.querySelector('#map .leaflet-zoom-anim, #map .leaflet-cluster-anim')"
             " && !document.getElementById('map').dataset.busy")


def wait_map_idle(page) -> None:
    """Until the map has stopped moving (zoom and cluster animations over) and has drawn what
    its view holds (the request it makes after a move answered: data-busy gone)."""
    page.wait_for_function(MAP_STILL)
    page.wait_for_timeout(400)
    page.wait_for_function(MAP_STILL)


def small_text(page) -> list[str]:
    """Every visible piece of text drawn under 12 px (tag, class, size, text)."""
    return page.evaluate("""() => {
        const found = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode, el = node.parentElement;
            if (!node.textContent.trim() || !el) continue;
            const box = el.getBoundingClientRect(), style = getComputedStyle(el);
            if (!box.width || !box.height || style.visibility === 'hidden' || el.closest('[hidden], title')) continue;
            const size = parseFloat(style.fontSize);
            const text = node.textContent.trim().slice(0, 30);
            if (size < 12) found.push(`${el.tagName}.${el.className} ${size}px ${text}`);
        }
        return found; }""")
