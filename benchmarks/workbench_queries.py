#!/usr/bin/env python3
"""How fast the analyst's workbench answers on a large store (docs/benchmarks.md), measured on
demand (never in the test suite): a store of 50,000 made-up incidents, one page, story and
event each, written straight into the store's own tables (the migrations made them, so the
SQLite search index fills through its triggers and PostgreSQL's GIN index as rows arrive),
then each request through the app (FastAPI's TestClient, no network), its median of REPEAT.

    /api/incidents with no filter, then with each single filter (type, family, country by
    name, place, date range, certainty, bbox, min_killed, actor_kind, source, q)
    /api/incidents/points for the world view (every incident: what the web map clustered until
    it asked the server for cells)
    /api/incidents/clusters for the world view (zoom 2, the whole world's box: what the web map
    draws now) and for one country's view (zoom 6); /api/incidents/days (what the timeline bins)
    /api/facets with no filter and with one
    /api/stories?q=, /api/events?q=, /api/incidents?q= with a phrase and with OR

    .venv/bin/python benchmarks/workbench_queries.py                      # SQLite, in a temp dir
    DATELINE_TEST_POSTGRES_URL=postgresql://... .venv/bin/python benchmarks/workbench_queries.py
                                                                          # SQLite, then PostgreSQL
Target: every request under 300 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from conftest import open_postgres_schema  # noqa: E402  (a throw-away schema, as the tests make)
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from dateline.api import create_app  # noqa: E402
from dateline.store import open_store  # noqa: E402
from dateline.store.engine import writing  # noqa: E402
from dateline.store.schema import events, incident_events, incidents, pages, stories  # noqa: E402

COUNT = 50_000
CHUNK = 5_000
REPEAT = 7
TARGET_MS = 300
COUNTRIES = (("NG", 9.0, 8.0), ("US", 39.0, -98.0), ("UA", 49.0, 32.0), ("SD", 15.0, 30.0), ("MX", 23.0, -102.0),
             ("IN", 22.0, 79.0), ("CO", 4.0, -73.0), ("SO", 5.0, 46.0), ("MM", 21.0, 96.0), ("SY", 35.0, 38.0))
KINDS = (("attack", "violence"), ("armed_clash", "violence"), ("bombing", "violence"), ("protest", "protest"),
         ("riot", "riot"), ("arrest", "arrest"))
ACTOR_KINDS = ("state_forces", "rebels", "militia", "civilians", None)
WORDS = ("market", "checkpoint", "village", "convoy", "school", "mosque", "church", "bus", "farm", "bridge")
REQUESTS: tuple[tuple[str, dict[str, str]], ...] = (
    ("/api/incidents", {}),
    ("/api/incidents", {"type": "bombing"}),
    ("/api/incidents", {"family": "violence"}),
    ("/api/incidents", {"country": "United States"}),
    ("/api/incidents", {"type": "attack,bombing"}),
    ("/api/incidents", {"place": "town 7"}),
    ("/api/incidents", {"date_from": "2019-03", "date_to": "2019-06"}),
    ("/api/incidents", {"certainty": "claimed"}),
    ("/api/incidents", {"bbox": "-20,-10,50,30"}),
    ("/api/incidents", {"min_killed": "20"}),
    ("/api/incidents", {"actor_kind": "rebels"}),
    ("/api/incidents", {"source": "wire-7"}),
    ("/api/incidents", {"sort": "-killed"}),
    ("/api/incidents", {"q": "handgun"}),
    ("/api/incidents", {"q": '"police shooting"'}),
    ("/api/incidents", {"q": "handgun OR grenade -village"}),
    ("/api/events", {"q": "police shooting"}),
    ("/api/stories", {"q": "police shooting"}),
    ("/api/incidents/points", {}),
    ("/api/incidents/clusters", {"zoom": "2", "bbox": "-180,-90,180,90"}),
    ("/api/incidents/clusters", {"zoom": "6", "bbox": "3,4,13,14"}),
    ("/api/incidents/days", {}),
    ("/api/facets", {}),
    ("/api/facets", {"country": "NG", "type": "attack"}),
)


def make_rows(i: int) -> dict[str, dict[str, Any]]:
    """The page, story, event, incident and membership of incident ``i``: spread over ten
    countries, six types and ten years; 2% of stories name a handgun, 5% a police shooting."""
    country, lat, lon = COUNTRIES[i % len(COUNTRIES)]
    kind, family = KINDS[(i // 10) % len(KINDS)]
    day = f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    killed = None if family != "violence" else (i * 7) % 31
    town = f"{country} town {i % 50}"
    what = WORDS[i % len(WORDS)]
    sentence = f"Gunmen attacked a {what} near {town}, killing {killed or 0} people, officials said."
    extra = [f"Residents of {town} said the {WORDS[(i + 3) % len(WORDS)]} had been quiet for weeks."]
    if i % 50 == 0:
        extra.append("A handgun was recovered at the scene.")
    if i % 20 == 0:
        extra.append("The police shooting was the third this month.")
    elif i % 20 == 1:
        extra.append("Police said the shooting began before dawn.")
    if i % 333 == 0:
        extra.append("A grenade was thrown from a passing car.")
    body = "\n\n".join([sentence, *extra])
    page_id, event_id, incident_id = f"{i:032x}", f"e{i:031x}", f"i{i:031x}"
    place = {"place_name": town.title(), "place_key": town, "country": country, "admin1": "01",
             "lat": lat + (i % 97) / 10 - 4.8, "lon": lon + (i % 89) / 10 - 4.4, "place_precision": "place",
             "date": day, "date_end": None, "date_from": day, "date_to": day}
    parties = {"actor_name": None, "actor_kind": ACTOR_KINDS[i % len(ACTOR_KINDS)], "actor_country": None,
               "target_name": None, "target_kind": None, "target_country": None}
    counts = {"killed": killed, "injured": None if killed is None else killed // 2, "arrested": None}
    return {
        "pages": {"page_id": page_id, "source": f"wire-{i % 40}", "url": f"https://wire-{i % 40}.example/{i}",
                  "fetched": None, "kind": "text", "encoding": None, "byte_offset": None,
                  "cleaner_version": "bench", "status": "ok", "failure_stage": None, "failure_reason": None,
                  "stored_at": "2026-12-02T00:00:00", "nlp_version": "bench", "coder_version": "bench"},
        "stories": {"page_id": page_id, "position": 0, "story_id": f"s{i:031x}",
                    "headline": f"{kind.replace('_', ' ').title()} in {town.title()}", "dateline_place": None,
                    "dateline_agency": None, "byline": None, "published": day, "updated": None, "body": body,
                    "body_json": json.dumps(body.split("\n\n")), "captions_json": "[]"},
        "events": {"page_id": page_id, "story_position": 0, "event_id": event_id, "position": 0, "type": kind,
                   "family": family, "core": True, "certainty": "claimed" if i % 9 == 0 else "reported",
                   "trigger_word": "attacked", "sentence": sentence, "actors_json": "[]", "targets_json": "[]",
                   **place, **counts, "spans_json": json.dumps({"trigger": [7, 15], "sentence": [0, len(sentence)]}),
                   "coder_version": "bench", **parties},
        "incidents": {"incident_id": incident_id, "type": kind, "family": family,
                      "certainty": "claimed" if i % 9 == 0 else "reported", **place, **counts,
                      **{f"{name}_{end}": value for name, value in counts.items() for end in ("low", "best", "high")},
                      "source_count": 1, "event_count": 1, "digest": incident_id, "incidents_version": "bench",
                      **parties},
        "incident_events": {"incident_id": incident_id, "page_id": page_id, "story_position": 0,
                            "event_id": event_id, "position": 0, "group_id": page_id},
    }


def build_store(target: str, count: int) -> float:
    """Write ``count`` incidents into a new store; seconds taken."""
    started = time.perf_counter()
    with open_store(target) as store:
        for start in range(0, count, CHUNK):
            rows = [make_rows(i) for i in range(start, min(count, start + CHUNK))]
            with writing(store.engine) as conn:
                for table in (pages, stories, events, incidents, incident_events):
                    conn.execute(insert(table), [row[table.name] for row in rows])
        if store.engine.dialect.name == "postgresql":
            with store.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
    return time.perf_counter() - started


def time_requests(target: str, repeat: int) -> Iterator[dict[str, Any]]:
    with TestClient(create_app(target, rate_limit=1_000_000)) as client:
        for path, params in REQUESTS:
            answer = client.get(path, params=params)  # warm
            if answer.status_code != 200:
                raise SystemExit(f"{path} {params}: {answer.status_code} {answer.text[:300]}")
            body = answer.json()
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                client.get(path, params=params)
                times.append((time.perf_counter() - started) * 1000)
            yield {"path": path, "params": params, "median_ms": round(statistics.median(times), 1),
                   "max_ms": round(max(times), 1), "total": body.get("total"), "bytes": len(answer.content)}


def run(name: str, target: str, *, count: int, repeat: int) -> list[dict[str, Any]]:
    built = build_store(target, count)
    print(f"\n{name}: {count:,} incidents written in {built:.0f} s", flush=True)
    found = []
    for result in time_requests(target, repeat):
        query = "&".join(f"{k}={v}" for k, v in result["params"].items())
        flag = "" if result["median_ms"] < TARGET_MS else "  OVER TARGET"
        print(f"  {result['median_ms']:8.1f} ms (max {result['max_ms']:7.1f})  total {result['total']!s:>6}  "
              f"{result['path']}{'?' + query if query else ''}{flag}", flush=True)
        found.append(result)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=COUNT)
    parser.add_argument("--repeat", type=int, default=REPEAT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", str(Path(folder) / "workbench.db"), count=args.count, repeat=args.repeat)
    server = os.environ.get("DATELINE_TEST_POSTGRES_URL", "").strip()
    if server:
        url, drop = open_postgres_schema(server)
        try:
            run("PostgreSQL", url, count=args.count, repeat=args.repeat)
        finally:
            drop()


if __name__ == "__main__":
    main()
