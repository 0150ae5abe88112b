#!/usr/bin/env python3
"""Quote recall of the NLP stage on the gold bodies of the annotated dev pages.

    python scripts/check_quotes.py [SHARED_DIR] [-v]

Runs ``analyse_stories`` on every gold story body (paragraphs joined by blank lines,
so the cleaner is not involved) and scores the predicted quotes with ``score_quotes``
from the shared scorer (tools/score.py): a gold quote is found when half or more of
its words are in one predicted quote and its speaker's surname is in the predicted
speaker. Prints one row per page, the total, and the words/s of the stage.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

from dateline.nlp.analysis import analyse_stories
from dateline.nlp.model import load_nlp

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("dateline_shared_score", shared / "tools" / "score.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"{shared / 'tools' / 'score.py'} cannot be loaded as a module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("-v", "--verbose", action="store_true", help="show missed gold quotes and predictions")
    parser.add_argument("--speed", type=int, default=0, metavar="N",
                        help="also time analyse_stories against bare nlp.pipe over the bodies repeated N times")
    args = parser.parse_args(argv)
    if not (args.shared / "tools" / "score.py").is_file():
        parser.error(f"no tools/score.py under {args.shared}: pass the shared folder")
    scorer = load_scorer(args.shared)
    load_nlp()
    found = total = words = 0
    elapsed = 0.0
    for gold_path in sorted((args.shared / "dev").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        texts = ["\n\n".join(story.get("body", [])) for story in gold.get("stories", [])]
        started = time.process_time()
        analyses = analyse_stories(texts)
        elapsed += time.process_time() - started
        words += sum(a.words for a in analyses)
        predicted = [q.to_dict() for a in analyses for q in a.quotes]
        score = scorer.score_quotes(gold.get("quotes", []), predicted)
        found, total = found + score["found"], total + score["total"]
        print(f"{gold.get('id', gold_path.stem):50s} {score['found']:3d}/{score['total']:<3d}")
        if args.verbose:
            for quote in gold.get("quotes", []):
                hit = scorer.score_quotes([quote], predicted)["found"]
                if not hit:
                    print(f"    MISSED {quote['speaker']!r}: {quote['text'][:70]!r}")
            for quote in predicted:
                print(f"    pred   {quote['speaker']!r}: {quote['text'][:70]!r}")
    recall = found / total if total else 0.0
    print(f"{'TOTAL':50s} {found:3d}/{total:<3d} quote_recall={recall:.3f}  ({words / elapsed:,.0f} words/s)")
    if args.speed:
        compare_speed(args.shared, repeat=args.speed)
    return 0


def compare_speed(shared: Path, *, repeat: int) -> None:
    """Words/s of the whole NLP stage against spaCy alone on the same bodies (CPU time, so other
    processes on a shared machine do not skew the ratio)."""
    nlp = load_nlp()
    texts = [("\n\n".join(story.get("body", [])))
             for path in sorted((shared / "dev").glob("*.gold.json"))
             for story in json.loads(path.read_text(encoding="utf-8")).get("stories", [])] * repeat
    words = sum(a.words for a in analyse_stories(texts[: len(texts) // repeat])) * repeat
    started = time.process_time()
    for _ in nlp.pipe(texts):
        pass
    bare = time.process_time() - started
    started = time.process_time()
    analyse_stories(texts)
    ours = time.process_time() - started
    print(f"bare nlp.pipe {words / bare:,.0f} words/s; analyse_stories {words / ours:,.0f} words/s; "
          f"ratio {bare / ours:.2f}")


if __name__ == "__main__":
    sys.exit(main())
