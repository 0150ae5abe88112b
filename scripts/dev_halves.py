"""Score the dev pages as three sets: the 13 the coder was first built on, and two
fixed halves of the 30 pages added on 2026-12-02 (A, worked on first; B, held out
while A was worked, to see whether rules made on A hold on pages not looked at).

    .venv/bin/python scripts/dev_halves.py            # TOTAL lines for all, first13, A, B
    .venv/bin/python scripts/dev_halves.py -v         # and each page's row, marked with its set

The halves: the 30 new pages sorted by id, alternating A, B, A, ... (tests/data/dev_halves.json).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HALVES = REPO / "tests" / "data" / "dev_halves.json"


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    shared = Path(os.environ.get("DATELINE_SHARED") or REPO.parent / "shared")
    score = load_scorer(shared)
    sets = json.loads(HALVES.read_text(encoding="utf-8"))
    label = {page: name for name in ("first13", "A", "B") for page in sets[name]}
    golds = {path: json.loads(path.read_text(encoding="utf-8"))
             for path in sorted((shared / "dev").glob("*.gold.json"))}
    pages = [path.parent / gold["input"] for path, gold in golds.items()]
    cli = Path(sys.executable).with_name("dateline")
    records = score.run_batch(f"{cli} extract --json", pages, 1800)
    rows = {}
    for gold in golds.values():
        rows[gold["id"]] = score.score_page(gold, records.get(Path(gold["input"]).name, {"stories": []}))
        if args.verbose:
            one = score.summarize({gold["id"]: rows[gold["id"]]})
            print(f"{label.get(gold['id'], '?'):>7} {gold['id']:<44} "
                  + " ".join(f"{k}={v}" for k, v in one.items() if k != "pages"))
    for name in ("all", "first13", "A", "B"):
        chosen = {k: v for k, v in rows.items() if name == "all" or label.get(k) == name}
        total = score.summarize(chosen)
        print(f"TOTAL {name:<7} " + " ".join(f"{k}={v}" for k, v in total.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
