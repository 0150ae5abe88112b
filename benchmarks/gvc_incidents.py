"""How well dateline groups the GVC pool's articles into incidents.

    .venv/bin/python benchmarks/gvc_incidents.py [--limit 600] [--workers 2] [--db PATH [--reuse]] [--corpus docs.jsonl]

The GVC pool (../shared/corpora/gvc_semeval2018t5/docs.jsonl: 5,851 US gun-violence
articles, each linked to Gun Violence Archive incidents) is written as JSON Lines pages
({url, text}: the title line, a "Published:" line with the crawl date, a blank line and
the text, as tools/corpus_to_gold.py writes them), ingested into a SQLite store, and
``refresh_incidents`` groups the stored events.

An article's incident is the incident holding its main event: the first event of the
violence family in its first story (events in story order). An article without one is
an incident of its own. The registry's answer is the article's first GVA incident id.

Reported: pairwise precision, recall and F1 over article pairs (same incident in both),
B-cubed precision, recall and F1, and the number of incidents found (those holding some
article's main event, and all incidents in the store) against the registry's.

``--limit N`` takes whole registry incidents, in file order, until N articles are taken:
use it while iterating (the full pool takes 20-40 minutes on two shared cores).
``--reuse`` skips the ingest and only refreshes and measures an existing store.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from dateline.event_types import name_family
from dateline.models import Page
from dateline.store import open_store
from dateline.store.incidents import refresh_incidents
from dateline.store.schema import incident_events
from dateline.store.ingest import ingest_sources
from dateline.store.schema import events, pages
from sqlalchemy import select

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gvc_semeval2018t5" / "docs.jsonl"


def select_docs(corpus: Path, limit: int) -> list[dict]:
    """The corpus's documents with incidents; with ``limit``, whole incidents in file order."""
    docs = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    docs = [d for d in docs if d.get("incidents")]
    if not limit:
        return docs
    by_incident: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        by_incident[doc["incidents"][0]["incident_id"]].append(doc)
    chosen: list[dict] = []
    for doc in docs:
        if len(chosen) >= limit:
            break
        group = by_incident.pop(doc["incidents"][0]["incident_id"], None)
        if group:
            chosen += group
    return chosen


def page_text(doc: dict) -> str:
    stamp = f"Published: {doc['dct']}\n" if doc.get("dct") else ""
    return (doc.get("title") or "").strip() + "\n" + stamp + "\n" + (doc.get("text") or "").strip() + "\n"


def write_pages(docs: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps({"url": doc.get("source"), "text": page_text(doc)}) + "\n")


def main_incidents(store, docs: list[dict]) -> tuple[dict[str, str | None], int]:
    """Each stored article's incident (None when it has no main event), and the number of
    incidents stored. Articles are found by page id, so byte-identical articles (the pool
    has a few) share their one stored page and its incident."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(events.c.page_id, events.c.type, incident_events.c.incident_id)
            .join(incident_events, (incident_events.c.page_id == events.c.page_id)
                  & (incident_events.c.story_position == events.c.story_position)
                  & (incident_events.c.event_id == events.c.event_id))
            .order_by(events.c.page_id, events.c.story_position, events.c.position)).all()
        total = conn.exec_driver_sql("SELECT count(*) FROM incidents").scalar_one()
        stored = {page_id for (page_id,) in conn.execute(select(pages.c.page_id))}
    main: dict[str, str] = {}
    for page_id, kind, incident_id in rows:
        if name_family(kind) == "violence":
            main.setdefault(page_id, incident_id)
    found: dict[str, str | None] = {}
    for doc in docs:
        page_id = Page(source="", text=page_text(doc)).page_id
        if page_id in stored:
            found[doc["id"]] = main.get(page_id)
    return found, total


def measure(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise and B-cubed precision/recall/F1 of ``predicted`` clusters against ``gold``."""
    docs = list(gold)
    pred = {d: predicted.get(d, f"alone:{d}") for d in docs}
    cells = Counter((pred[d], gold[d]) for d in docs)
    pred_sizes, gold_sizes = Counter(pred.values()), Counter(gold.values())

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in cells.values())
    pp, gp = sum(pairs(n) for n in pred_sizes.values()), sum(pairs(n) for n in gold_sizes.values())
    precision = tp / pp if pp else 1.0
    recall = tp / gp if gp else 1.0
    b_p = sum(cells[(pred[d], gold[d])] / pred_sizes[pred[d]] for d in docs) / len(docs)
    b_r = sum(cells[(pred[d], gold[d])] / gold_sizes[gold[d]] for d in docs) / len(docs)

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    return {"pair_precision": precision, "pair_recall": recall, "pair_f1": f1(precision, recall),
            "bcubed_precision": b_p, "bcubed_recall": b_r, "bcubed_f1": f1(b_p, b_r)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="about this many articles, whole incidents (0: all)")
    ap.add_argument("--db", help="SQLite file to use (default: a temporary one)")
    ap.add_argument("--reuse", action="store_true", help="do not ingest: refresh and measure the --db store")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--workers", type=int, default=1, help="processes for the ingest (dateline ingest --workers)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    docs = select_docs(args.corpus, args.limit)
    work = Path(tempfile.mkdtemp(prefix="gvc-incidents-"))
    db = args.db or str(work / "gvc.db")
    pages_file = work / "pool.jsonl"
    write_pages(docs, pages_file)
    started = time.perf_counter()
    with open_store(db) as store:
        if not args.reuse:
            report = ingest_sources([str(pages_file)], store, batch_size=args.batch_size, workers=args.workers)
            print(f"ingested {report.pages_read} pages, {report.events_added} events, "
                  f"{len(report.failed)} failed in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        refreshed = refresh_incidents(store)
        predicted, stored = main_incidents(store, docs)
    gold = {d["id"]: d["incidents"][0]["incident_id"] for d in docs if d["id"] in predicted}
    placed = {doc: incident for doc, incident in predicted.items() if incident is not None}
    scores = measure(placed, gold)
    result = {
        "date": date.today().isoformat(), "articles": len(docs), "articles_stored": len(gold),
        "registry_incidents": len(set(gold.values())),
        "articles_with_main_event": len(placed), "incidents_with_an_article": len(set(placed.values())),
        "incidents_stored": stored, "story_groups": refreshed.groups,
        "stories_in_copies": refreshed.stories_in_copies, "refresh_seconds": refreshed.seconds,
        **{k: round(v, 3) for k, v in scores.items()},
        "bcubed_f1_if_every_article_alone": round(measure({}, gold)["bcubed_f1"], 3),
    }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
