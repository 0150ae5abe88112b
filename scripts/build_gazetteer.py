"""Build (or rebuild) the cached places gazetteer ahead of time, and report its cost.

    python scripts/build_gazetteer.py [--cache-dir DIR] [--force]

Without this, the first process that resolves a place builds the index (tens of
seconds, ~600 MB peak) and caches it; later processes load it in well under a
second. Place data: GeoNames (https://www.geonames.org), CC BY 4.0.
"""
from __future__ import annotations

import argparse
import logging
import resource
import sys
import time
from pathlib import Path

from dateline.coding.places.gazetteer import compute_fingerprint, locate_cache_dir, read_or_build_gazetteer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path, default=None, help="where to keep the index (default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="rebuild even when a cached index exists")
    options = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    cache_dir = options.cache_dir or locate_cache_dir()
    path = cache_dir / f"gazetteer-{compute_fingerprint()}.pickle"
    if options.force and path.exists():
        path.unlink()
    started = time.perf_counter()
    gazetteer = read_or_build_gazetteer(cache_dir=cache_dir)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sys.stdout.write(f"{path}: {len(gazetteer.names)} entries, {len(gazetteer.keys)} names, "
                     f"{seconds:.1f} s, peak RSS {peak:.0f} MB\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
