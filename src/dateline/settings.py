"""One settings tree: defaults in code < environment < CLI flags.

    Settings
    ├── db               DATELINE_DB              where `ingest` and `stories` keep pages:
    │                                             a file path or a database URL
    │                                             (sqlite:///..., postgresql://...)
    ├── max_page_bytes   DATELINE_MAX_PAGE_BYTES  a page (file, WARC record, JSONL line)
    │                                             larger than this fails with a clear
    │                                             reason instead of being half-read
    ├── batch_size       DATELINE_BATCH_SIZE      pages written per store transaction
    ├── workers          DATELINE_WORKERS         local processes that clean and code
    │                                             pages (each loads the model once)
    └── dask             DATELINE_DASK            run the batches on a Dask cluster:
                                                  local:N starts one with N workers,
                                                  tcp://host:8786 joins a running one

Sizes accept a unit: ``10MB``, ``512k``, ``2GiB`` or plain bytes.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import SettingsError

DEFAULT_DB = "dateline.db"
DEFAULT_MAX_PAGE_BYTES = 10 * 1024 * 1024
DEFAULT_BATCH_SIZE = 100
DEFAULT_WORKERS = 1

ENV_NAMES = {
    "db": "DATELINE_DB",
    "max_page_bytes": "DATELINE_MAX_PAGE_BYTES",
    "batch_size": "DATELINE_BATCH_SIZE",
    "workers": "DATELINE_WORKERS",
    "dask": "DATELINE_DASK",
}

_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1000, "kib": 1024, "m": 1024**2, "mb": 1000**2,
          "mib": 1024**2, "g": 1024**3, "gb": 1000**3, "gib": 1024**3}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE
    workers: int = DEFAULT_WORKERS
    dask: str | None = None  # a Dask scheduler address, or local:N; wins over workers


def parse_size(value: str | int, *, name: str = "size") -> int:
    """Bytes from ``"10MB"``, ``"512k"``, ``"2GiB"`` or a plain number."""
    if isinstance(value, int):
        number = value
    else:
        match = _SIZE.match(value)
        unit = match.group(2).lower() if match else None
        if not match or unit not in _UNITS:
            raise SettingsError(f"{name}={value!r} is not a size: give bytes, or a number with a unit "
                                "such as 10MB or 512k")
        number = int(float(match.group(1)) * _UNITS[unit])
    if number <= 0:
        raise SettingsError(f"{name}={value!r} must be more than zero")
    return number


def _parse_count(value: str | int, *, name: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise SettingsError(f"{name}={value!r} is not a whole number") from None
    if number <= 0:
        raise SettingsError(f"{name}={value!r} must be more than zero")
    return number


def _parse_dask_address(value: str, *, name: str) -> str:
    """``local:N`` (N worker processes on this machine) or a scheduler address."""
    value = value.strip()
    if value.startswith("local:"):
        count = value[len("local:"):]
        if not count.isdecimal() or int(count) < 1:
            raise SettingsError(f"{name}={value!r}: in local:N, N is the number of worker processes "
                                "(a whole number above zero), e.g. local:2")
        return value
    if "://" not in value and ":" not in value:
        raise SettingsError(f"{name}={value!r} is no Dask address: give local:N (e.g. local:2) "
                            "or a scheduler address such as tcp://10.0.0.5:8786")
    return value


def load_settings(*, env: Mapping[str, str] | None = None, db: str | None = None,
                  max_page_bytes: str | int | None = None, batch_size: str | int | None = None,
                  workers: str | int | None = None, dask: str | None = None) -> Settings:
    """Settings from defaults, then the environment, then the flags given (None = not given)."""
    env = os.environ if env is None else env
    defaults = Settings()

    def given(name: str, flag: str | int | None) -> tuple[str | int, str] | None:
        """(value, what to call it in an error) from the flag, else the environment, else None."""
        if flag is not None:
            return flag, f"--{name.replace('_', '-')}"
        env_name = ENV_NAMES[name]
        if env.get(env_name, "").strip():
            return env[env_name].strip(), env_name
        return None

    db_found, size, batch = given("db", db), given("max_page_bytes", max_page_bytes), given("batch_size", batch_size)
    processes, cluster = given("workers", workers), given("dask", dask)
    return Settings(
        db=str(db_found[0]) if db_found else defaults.db,
        max_page_bytes=parse_size(size[0], name=size[1]) if size else defaults.max_page_bytes,
        batch_size=_parse_count(batch[0], name=batch[1]) if batch else defaults.batch_size,
        workers=_parse_count(processes[0], name=processes[1]) if processes else defaults.workers,
        dask=_parse_dask_address(str(cluster[0]), name=cluster[1]) if cluster else defaults.dask,
    )
