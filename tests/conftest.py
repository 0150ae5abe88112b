"""Fixtures for the whole suite (the one conftest.py).

- ``repo_root``: the checkout the tests run from.
- ``shared_dir``: the read-only shared material (annotated dev pages, corpora,
  scorers). Found at ``$DATELINE_SHARED`` or ``../shared`` next to the checkout;
  tests that need it are skipped, with the reason, when it is absent.
- ``examples_dir``: the bundled example pages that ``make demo`` ingests.
- ``dateline_cli``: the installed ``dateline`` console script as a command list,
  so tests run what a user runs; ``run_cli`` runs it and returns the result.
- ``tmp_db``: a path for a fresh SQLite store that disappears after the test.
- ``store_target``: what ``--db`` takes for a fresh, empty store, once per backend:
  a SQLite file, and a PostgreSQL schema of its own on the server named by
  ``$DATELINE_TEST_POSTGRES_URL`` (dropped after the test). The PostgreSQL case is
  skipped, with the reason, when that variable is unset.
- ``news_pages``: writes N small, distinct news pages of our own (noisy, with
  chrome lines) into a folder and returns their paths: for parallel and resume tests
  (``start=`` numbers them from there: page i is the same page in every folder).
- ``nlp``: the spaCy pipeline, loaded once per session; skipped with the reason when
  the model package is absent.
- ``many_incidents_db``: a SQLite store of 1,200 made-up incidents over ten years (2015-2024)
  in 14 regions of the world (many on the same town, some unplaced), written through the
  store API in a few seconds: for the map's clusters, the timeline and the points API.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

if TYPE_CHECKING:
    from dateline.models import Extraction

REPO_ROOT = Path(__file__).resolve().parent.parent


def locate_shared() -> Path | None:
    """The shared folder, or None when this machine does not have it."""
    candidates = [os.environ.get("DATELINE_SHARED"), REPO_ROOT.parent / "shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "tools" / "score.py").is_file():
            return Path(candidate)
    return None


def locate_cli() -> list[str]:
    """The console script installed next to this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("dateline")
    if script.is_file():
        return [str(script)]
    found = shutil.which("dateline")
    if found:
        return [found]
    return [sys.executable, "-c", "from dateline.cli.main import app; app()"]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    shared = locate_shared()
    if shared is None:
        pytest.skip("shared material (../shared or $DATELINE_SHARED) is absent on this machine")
    return shared


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO_ROOT / "examples"


@pytest.fixture(scope="session")
def dateline_cli() -> list[str]:
    return locate_cli()


@pytest.fixture(scope="session")
def run_cli(dateline_cli):
    """Run ``dateline ARGS...`` as a user would; returns the CompletedProcess."""

    def run(*args: str, stdin: str | None = None, cwd: Path | None = None,
            timeout: int = 600) -> subprocess.CompletedProcess:
        env = {**os.environ, "TYPER_USE_RICH": "0", "COLUMNS": "80", "NO_COLOR": "1"}
        return subprocess.run([*dateline_cli, *args], input=stdin, capture_output=True, text=True,
                              cwd=cwd, env=env, timeout=timeout, check=False)

    return run


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    return tmp_path / "dateline-test.db"


POSTGRES_URL_ENV = "DATELINE_TEST_POSTGRES_URL"


def open_postgres_schema(server_url: str) -> tuple[str, Callable[[], None]]:
    """A new schema on the server; the URL that works inside it and a function that drops it."""
    import psycopg

    plain = server_url.replace("postgresql+psycopg://", "postgresql://", 1)
    schema = f"dateline_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(plain, autocommit=True, connect_timeout=10) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        with psycopg.connect(plain, autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')

    joiner = "&" if "?" in plain else "?"
    return f"{plain}{joiner}options={quote(f'-csearch_path={schema}')}", drop


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "dateline-test.db")
        return
    server = os.environ.get(POSTGRES_URL_ENV, "").strip()
    if not server:
        pytest.skip(f"PostgreSQL store tests need ${POSTGRES_URL_ENV} "
                    "(e.g. postgresql://dateline:dateline@localhost:5432/dateline_test; .ci/run sets it)")
    try:
        url, drop = open_postgres_schema(server)
    except Exception as exc:  # a server named but unreachable is an error, not a skip
        pytest.fail(f"${POSTGRES_URL_ENV}={server} is set but unusable: {exc}")
    try:
        yield url
    finally:
        drop()


TOWNS = ("Port Veyra", "Dorn Hills", "Kessel", "Marrow Bay", "Ostrava Nova", "Lindenfeld", "Calder Falls")
DEEDS = (
    ("A drone struck a fuel depot in {town} on {day}, killing {n} workers and wounding {m}, the governor said.",
     "Firefighters fought the blaze for hours."),
    ("Police arrested {n} protesters in {town} on {day} after a march against fuel prices turned violent.",
     "Organisers said {m} people had joined the march."),
    ("Flooding forced {n} families from their homes in {town} on {day}, officials said.",
     "The river rose {m} centimetres overnight."),
    ("Gunmen attacked a checkpoint near {town} on {day}, killing {n} soldiers, the army said.",
     "A spokesman said {m} attackers were later captured."),
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@pytest.fixture(scope="session")
def news_pages():
    """A function writing ``count`` distinct news pages into ``folder``; returns their paths."""

    def write(folder: Path, count: int, *, paragraphs: int = 4, start: int = 0) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for i in range(start, start + count):
            town, day = TOWNS[i % len(TOWNS)], DAYS[i % len(DAYS)]
            lead, follow = DEEDS[i % len(DEEDS)]
            values = {"town": town, "day": day, "n": 2 + i % 9, "m": 10 + i}
            body = [lead.format(**values), follow.format(**values)]
            body += [f"Residents of {town} said it was the worst week since {1990 + i + k}. "
                     f"\"We have never seen anything like this,\" said Mara Olsen, who has run shop "
                     f"number {i * 10 + k} on the square for {k + 3} years."
                     for k in range(paragraphs - 2)]
            text = (f"Home | World | Share\n\n{town.upper()}, Xandria (Wire) — " + "\n\n".join(body)
                    + f"\n\nRead more: stories from {town}\nAdvertisement\n")
            path = folder / f"page-{i:03d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        return paths

    return write


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp.model import ModelMissing, load_nlp
    try:
        return load_nlp()
    except ModelMissing as e:
        pytest.skip(str(e))


# Ten years of made-up incidents, one page each: a region's centre, its towns around it.
MANY_REGIONS = (("Sahel", "ML", 14.5, -3.0), ("Lake Chad", "NG", 12.0, 13.5), ("Horn", "SO", 3.0, 45.0),
                ("Great Lakes", "CD", -1.5, 29.0), ("Levant", "SY", 35.0, 38.0), ("Donbas", "UA", 48.0, 37.8),
                ("Kashmir", "IN", 34.0, 75.0), ("Rakhine", "MM", 20.5, 93.5), ("Mindanao", "PH", 7.5, 124.5),
                ("Michoacan", "MX", 19.2, -101.9), ("Cauca", "CO", 2.5, -76.6), ("Great Lakes US", "US", 41.9, -87.7),
                ("Highlands", "PG", -6.0, 145.0), ("Andes", "PE", -13.2, -74.2))
MANY_KINDS = (("attack", "attacked", "Gunmen attacked a market in {town}, killing {n} people, police said."),
              ("armed_clash", "clashed", "Soldiers clashed with fighters near {town}, leaving {n} dead."),
              ("bombing", "exploded", "A roadside bomb exploded outside {town}, killing {n} travellers."),
              ("protest", "marched", "Hundreds of teachers marched through {town} to demand back pay."),
              ("riot", "rioted", "Youths rioted in {town} after a disputed vote, burning {n} cars."),
              ("arrest", "arrested", "Police arrested {n} people in {town} after a night of looting."),
              ("disaster", "flooded", "The river flooded {town}, killing {n} residents, officials said."))
MANY_COUNT = 1200
MANY_UNPLACED = 24   # incidents with no place: in the list and the timeline, not on the map


def write_many_incidents(path: str) -> None:
    """MANY_COUNT incidents, one page and one event each, every third day from 2015-01-01 (so no
    two merge), at 5 towns per region (the same town again every 70 incidents)."""
    from datetime import date, timedelta

    from dateline.models import Event, EventPlace, Extraction, Page, Story
    from dateline.store import open_store
    from dateline.store.incidents import refresh_incidents

    extractions = []
    for i in range(MANY_COUNT):
        region, country, lat, lon = MANY_REGIONS[i % len(MANY_REGIONS)]
        town_no = (i // len(MANY_REGIONS)) % 5
        town = f"{region} Town {town_no + 1}"
        kind, trigger, template = MANY_KINDS[(i // len(MANY_REGIONS)) % len(MANY_KINDS)]
        killed = None if kind == "protest" else (i * 7) % 23
        sentence = template.format(town=town, n=killed)
        day = (date(2015, 1, 1) + timedelta(days=3 * i)).isoformat()
        place = None if i % (MANY_COUNT // MANY_UNPLACED) == 7 else EventPlace(
            name=town, country=country, admin1="01", lat=lat + 0.6 * town_no - 1.2, lon=lon + 0.45 * town_no - 0.9,
            precision="place")
        start = sentence.index(trigger)
        event = Event(type=kind, trigger=trigger, trigger_span=(start, start + len(trigger)), sentence=sentence,
                      sentence_span=(0, len(sentence)), date=day, place=place,
                      killed=None if kind in ("protest", "arrest") else killed,
                      arrested=killed if kind == "arrest" else None)
        headline = f"{town}: {kind.replace('_', ' ')} number {i}"
        story = Story(headline=headline, body=(sentence,), published=day, events=(event,))
        text = f"Menu | World\n{headline}\n{sentence}\nShare | Subscribe"
        extractions.append(Extraction(page=Page(f"wire-{i % 9}", text, url=f"https://wire-{i % 9}.example/{i}"),
                                      stories=(story,), nlp_version="nlp-test", coder_version="coder-test"))
    with open_store(path) as store:
        store.add_extractions(extractions)
        refresh_incidents(store)


@pytest.fixture(scope="session")
def many_incidents_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("many") / "many.db")
    write_many_incidents(path)
    return path


@pytest.fixture
def store_of(store_target: str) -> Callable[[Sequence[Extraction]], str]:
    """Store reports in this test's store and regroup its incidents; the store's target back."""
    from dateline.store import open_store
    from dateline.store.incidents import refresh_incidents

    def store_reports(reports: Sequence[Extraction]) -> str:
        with open_store(store_target) as store:
            store.add_extractions(list(reports))
            refresh_incidents(store)
        return store_target
    return store_reports
