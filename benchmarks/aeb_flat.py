#!/usr/bin/env python3
"""Score the main-content selector alone on the article-extraction benchmark's flat/ pages.

Feeds each flat page's non-empty lines to ``select_regions`` and scores the kept lines
with the benchmark metric (4-gram shingles, F1 of mean precision and mean recall),
the same as ``../shared/tools/aeb_score.py --flat`` but without the rest of the cleaner.
Also reports how much of each dev page's gold body the selector keeps (it must keep it all).

    .venv/bin/python benchmarks/aeb_flat.py                 # even ids, odd ids, all
    .venv/bin/python benchmarks/aeb_flat.py -v --split odd  # plus the worst pages
    .venv/bin/python benchmarks/aeb_flat.py --show ID       # one page, line by line
    .venv/bin/python benchmarks/aeb_flat.py --full -v       # the whole flat cleaner, in-process

Run on demand; not part of the test suite. Reads the corpora from /work/shared.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from dateline.clean.region import select_regions

try:  # the cleaner sets captions apart from the body; mimic it where it is there
    from dateline.clean.captions import is_caption
except ImportError:  # pragma: no cover - the selector alone
    def is_caption(text: str) -> bool:
        return False

SHARED = Path("/work/shared")
BENCH = SHARED / "corpora" / "article-extraction-benchmark"
DEV = SHARED / "dev"
TOKEN = re.compile(r"\w+", re.UNICODE)
SPACE = re.compile(r"\s+")


def read_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [SPACE.sub(" ", line).strip() for line in text.splitlines() if line.strip()]


def shingle(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def score_page(true: str, pred: str) -> tuple[float | None, float | None]:
    t, p = shingle(true), shingle(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    perfect = fp == fn == 0
    precision = (1.0 if perfect else tp / (tp + fp)) if tp + fp else None
    recall = (1.0 if perfect else tp / (tp + fn)) if tp + fn else None
    return precision, recall


def clean_body(path: Path) -> str:
    """The body the whole flat cleaner gives a page, as ``dateline extract`` would."""
    from dateline.clean.text import clean_text
    from dateline.models import Page
    from dateline.readers import read_sources

    pages = [page for page in read_sources([str(path)]) if isinstance(page, Page)]
    if not pages:
        return ""
    cleaned = clean_text(pages[0].text, fetched=pages[0].fetched)
    return "\n\n".join(p for story in cleaned.stories for p in story.body)


def keep_lines(lines: list[str]) -> tuple[list[int], list[tuple[int, int]]]:
    runs = select_regions(lines)
    return [i for start, end in runs for i in range(start, end)], runs


def summarise(rows: list[tuple[str, float | None, float | None]]) -> str:
    ps = [p for _, p, _ in rows if p is not None]
    rs = [r for _, _, r in rows if r is not None]
    p, r = (statistics.mean(ps) if ps else 0.0), (statistics.mean(rs) if rs else 0.0)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"F1={f1:.3f} P={p:.3f} R={r:.3f} pages={len(rows)}"


def score_bench(split: str, verbose: int, *, full: bool = False) -> None:
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    rows = {}
    started = time.perf_counter()
    for index, page_id in enumerate(ids):
        if full:
            p, r = score_page(truth[page_id]["articleBody"], clean_body(BENCH / "flat" / f"{page_id}.txt"))
        else:
            lines = read_lines(BENCH / "flat" / f"{page_id}.txt")
            kept, _ = keep_lines(lines)
            body = dict.fromkeys(lines[i] for i in kept if not is_caption(lines[i]))  # each paragraph once
            p, r = score_page(truth[page_id]["articleBody"], "\n".join(body))
        rows[page_id] = (index, p, r)
    elapsed = time.perf_counter() - started
    for name, parity in (("even", 0), ("odd", 1), ("all", None)):
        chosen = [(i, p, r) for i, (n, p, r) in rows.items() if parity is None or n % 2 == parity]
        print(f"{name:5} {summarise(chosen)}")
    print(f"{'cleaner' if full else 'selector'} time {elapsed:.2f}s for {len(ids)} pages")
    if verbose:
        chosen = [(i, p, r) for i, (n, p, r) in rows.items()
                  if split == "all" or n % 2 == (0 if split == "even" else 1)]
        chosen.sort(key=lambda row: (row[1] or 0) + (row[2] or 0))
        for page_id, p, r in chosen[: 15 * verbose]:
            print(f"  {page_id[:12]} #{rows[page_id][0]:3} P={p or 0:.2f} R={r or 0:.2f}")


def score_dev() -> None:
    worst = []
    for gold_path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        lines = read_lines(DEV / gold["input"])
        kept, _ = keep_lines(lines)
        body = "\n".join(p for story in gold["stories"] for p in story.get("body", []))
        _, recall = score_page(body, "\n".join(lines[i] for i in kept))
        worst.append((recall if recall is not None else 1.0, gold["id"]))
    worst.sort()
    print("dev body recall: min " + ", ".join(f"{name}={r:.3f}" for r, name in worst[:4]))


def show_page(page_id: str) -> None:
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    path = BENCH / "flat" / f"{page_id}.txt"
    if not path.exists():
        path = next((BENCH / "flat").glob(f"{page_id}*.txt"), None) or DEV / f"{page_id}.txt"
    lines = read_lines(path)
    gold = truth.get(path.stem, {}).get("articleBody", "")
    gold_shingles = shingle(gold)
    kept, _ = keep_lines(lines)
    kept_set = set(kept)
    for i, line in enumerate(lines):
        sh = shingle(line)
        inside = sum(1 for s in sh if s in gold_shingles) / max(1, len(sh))
        mark = ("K" if i in kept_set else ".") + ("G" if inside >= 0.5 else " ")
        print(f"{i:4} {mark} {line[:150]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("even", "odd", "all"), default="even", help="pages listed with -v")
    ap.add_argument("-v", "--verbose", action="count", default=0, help="list the worst pages")
    ap.add_argument("--full", action="store_true", help="score the whole flat cleaner, not the selector alone")
    ap.add_argument("--show", metavar="ID", help="print one page with kept (K) and gold (G) marks")
    args = ap.parse_args()
    if not BENCH.exists():
        print(f"benchmark not found at {BENCH}", file=sys.stderr)
        return 1
    if args.show:
        show_page(args.show)
        return 0
    score_bench(args.split, args.verbose, full=args.full)
    if DEV.exists() and not args.full:
        score_dev()
    return 0


if __name__ == "__main__":
    sys.exit(main())
