"""Time to group N synthetic events into incidents (blocking keeps it near-linear).

    .venv/bin/python benchmarks/incident_grouping.py [--events 100000]

Events are generated: N/4 made-up happenings spread over 60 countries' worth of
random points and a year of days, each reported by 1-7 sources with jittered
figures, some at region precision or a month, some undated. Prints the time and
how many incidents came out against how many happenings went in.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date, timedelta

from dateline.incidents import SourceEvent, group_incidents

TYPES = ("attack", "armed_clash", "bombing", "protest", "arrest", "disaster")


def make_events(count: int, *, seed: int = 1) -> tuple[list[SourceEvent], int]:
    rng = random.Random(seed)
    events: list[SourceEvent] = []
    start = date(2024, 1, 1)
    happenings = 0
    while len(events) < count:
        happenings += 1
        kind = rng.choice(TYPES)
        family = "violence" if kind in ("attack", "armed_clash", "bombing") else kind
        country = f"C{rng.randrange(60)}"
        lat, lon = rng.uniform(-40, 60), rng.uniform(-120, 140)
        day = start + timedelta(days=rng.randrange(365))
        killed = rng.choice((None, 0, 1, 2, 5, 12))
        for n in range(rng.randint(1, 7)):
            vague = rng.random()
            when = day.isoformat() if vague > 0.15 else (day.isoformat()[:7] if vague > 0.05 else None)
            region = rng.random() < 0.1
            events.append(SourceEvent(
                page_id=f"p{happenings}-{n}", story_position=0, event_id="e", group_id=f"g{happenings}-{n}",
                type=kind, family=family, country=country, admin1=f"{country}-{int(lat) // 5}",
                place_name=f"R{int(lat) // 5}" if region else f"T{happenings}",
                lat=lat + rng.uniform(-0.02, 0.02), lon=lon + rng.uniform(-0.02, 0.02),
                precision="region" if region else "place", date=when,
                published=(day + timedelta(days=rng.randint(0, 2))).isoformat(),
                killed=None if killed is None else killed + rng.choice((0, 0, 1))))
    return events[:count], happenings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    args = ap.parse_args(argv)
    events, happenings = make_events(args.events)
    started = time.perf_counter()
    found = group_incidents(events)
    seconds = time.perf_counter() - started
    print(json.dumps({"events": len(events), "happenings": happenings, "incidents": len(found),
                      "seconds": round(seconds, 1), "events_per_second": round(len(events) / seconds)}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
