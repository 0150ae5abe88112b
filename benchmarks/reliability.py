#!/usr/bin/env python3
"""The reliability figures of docs/reliability.md, measured on demand (never in the test suite).

    concurrent    REPEAT times: a set-up SQLite store (examples/pages stored), then two
                  `dateline ingest` runs of 50 pages each at once; `--retry-failed` when a page
                  failed; the store compared with one clean single run's (tests/reliability/
                  faultrun.py: pages, stories, events, quotes, entities, story groups, incidents)
    upload        `dateline serve` with a token; the 2.5 KB gzip of 100,000 blank JSON lines
                  ({"text": ""}) posted while a client reads /api/events every 50 ms: the
                  upload's answer and time, how many reads, their statuses, the slowest; then
                  the 100 pages as one JSON Lines upload, taken as a job: its time, and the
                  reads while it was stored
    schemathesis  `schemathesis run` against the live server (check not_a_server_error, the
                  token given, so that uploads are fuzzed too): cases run and server errors

The 100 pages are the first GVC articles of ../shared (read at run time, never copied into
the repository); without ../shared, 100 made-up pages like the tests'.

    .venv/bin/python benchmarks/reliability.py concurrent --repeat 5
    .venv/bin/python benchmarks/reliability.py upload schemathesis
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "reliability"))
from faultrun import (TOKEN, call, clean_picture, find_free_port, read_picture,  # noqa: E402
                      reading_all_the_time, start_cli, start_server)

GVC = REPO.parent / "shared" / "corpora" / "gvc_semeval2018t5" / "docs.jsonl"
CLI = [str(Path(sys.executable).with_name("dateline"))]


def write_pages(root: Path) -> tuple[Path, Path]:
    """Two folders of 50 pages each: GVC articles when ../shared is here, else made-up pages."""
    first, second = root / "first", root / "second"
    first.mkdir()
    second.mkdir()
    if GVC.is_file():
        docs = [json.loads(line) for line in GVC.open(encoding="utf-8") if line.strip()][:100]
        texts = [(d.get("title") or "") + "\n\n" + (d.get("text") or "") for d in docs]
    else:
        texts = [f"KESSEL, Xandria (Wire) — Gunmen attacked a checkpoint near Kessel on day {n}, killing "
                 f"{n % 9 + 2} soldiers, the army said. A spokesman said {n} attackers fled." for n in range(100)]
    for n, body in enumerate(texts):
        ((first if n < 50 else second) / f"page-{n:03d}.txt").write_text(body, encoding="utf-8")
    return first, second


def measure_concurrent(repeat: int) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="dateline-reliability-") as folder:
        root = Path(folder)
        first, second = write_pages(root)
        clean = clean_picture([REPO / "examples" / "pages", first, second], root, all_read=False)
        set_up = root / "set-up.db"
        subprocess.run([*CLI, "ingest", str(REPO / "examples" / "pages"), "--db", str(set_up)], capture_output=True,
                       check=False)
        for n in range(1, repeat + 1):
            db = root / f"run-{n}.db"
            shutil.copy(set_up, db)
            started = time.monotonic()
            runs = [start_cli(CLI, "ingest", str(f), "--db", str(db), "--batch-size", "10") for f in (first, second)]
            outs = [run.communicate(timeout=1200) for run in runs]
            seconds = time.monotonic() - started
            failed = [int(out.split("pages failed:")[1].split()[0]) for out, _ in outs]
            retried = None
            if any(run.returncode for run in runs):
                done = subprocess.run([*CLI, "ingest", "--retry-failed", "--db", str(db)], capture_output=True,
                                      text=True, check=False)
                retried = done.returncode
            found = read_picture(str(db))
            rows.append({"run": n, "status": [run.returncode for run in runs], "pages_failed": failed,
                         "tracebacks": sum("Traceback" in out + err for out, err in outs), "retry": retried,
                         "seconds": round(seconds, 1), "equal_to_clean_run": found == clean,
                         "found": found.describe(), "clean": clean.describe()})
            print(json.dumps(rows[-1]), flush=True)
    return rows


def measure_upload() -> dict:
    with tempfile.TemporaryDirectory(prefix="dateline-reliability-") as folder:
        root = Path(folder)
        db = root / "served.db"
        subprocess.run([*CLI, "ingest", str(REPO / "examples" / "pages"), "--db", str(db)], capture_output=True,
                       check=False)
        body = gzip.compress(b'{"text": ""}\n' * 100_000)
        port = find_free_port()
        server = start_server(CLI, str(db), root, port=port)
        with reading_all_the_time(port) as reads:
            time.sleep(1)
            started = time.monotonic()
            status, answer = call(port, "POST", "/api/ingest?name=blank.jsonl.gz", body=body, token=True,
                                  timeout=600)
            seconds = time.monotonic() - started
            time.sleep(1)
            blank_reads = list(reads)
            first, second = write_pages(root)
            lines = b"".join(json.dumps({"text": path.read_text(encoding="utf-8")}).encode() + b"\n"
                             for folder in (first, second) for path in sorted(folder.iterdir()))
            job_started = time.monotonic()
            job_status, job = call(port, "POST", "/api/ingest?name=pages.jsonl", body=lines, token=True)
            answered = time.monotonic() - job_started
            while job.get("status") in ("queued", "running"):
                time.sleep(0.5)
                _, job = call(port, "GET", job["status_url"], token=True)
            job_seconds = time.monotonic() - job_started
            job_reads = reads[len(blank_reads):]
        server.send_signal(signal.SIGTERM)
        stopped = time.monotonic()
        server.communicate(timeout=60)
        result = {"body_bytes": len(body), "status": status, "answer": answer, "seconds": round(seconds, 3),
                  "reads": len(blank_reads), "read_statuses": sorted({s for s, _ in blank_reads}),
                  "slowest_read_seconds": round(max(t for _, t in blank_reads), 3),
                  "job": {"status": job_status, "answered_seconds": round(answered, 3), "final": job.get("status"),
                          "pages_added": job.get("pages_added"), "failed": len(job.get("failed", [])),
                          "incidents": job.get("incidents"), "seconds": round(job_seconds, 1),
                          "reads": len(job_reads), "read_statuses": sorted({s for s, _ in job_reads}),
                          "slowest_read_seconds": round(max(t for _, t in job_reads), 3),
                          "median_read_seconds": round(sorted(t for _, t in job_reads)[len(job_reads) // 2], 3)},
                  "sigterm_to_exit_seconds": round(time.monotonic() - stopped, 2)}
        print(json.dumps(result), flush=True)
        return result


def measure_schemathesis() -> dict:
    with tempfile.TemporaryDirectory(prefix="dateline-reliability-") as folder:
        root = Path(folder)
        db = root / "fuzzed.db"
        subprocess.run([*CLI, "ingest", str(REPO / "examples" / "pages"), str(REPO / "tests" / "web" / "data"),
                        "--db", str(db)], capture_output=True, check=False)
        port = find_free_port()
        server = start_server(CLI, str(db), root, port=port)
        tool = str(Path(sys.executable).with_name("schemathesis"))
        done = subprocess.run([tool, "run", f"http://127.0.0.1:{port}/openapi.json", "--checks",
                               "not_a_server_error", "-H", f"Authorization: Bearer {TOKEN}", "--max-examples", "100",
                               "--workers", "2", "--no-color"], capture_output=True, text=True, check=False,
                              env={**os.environ, "NO_COLOR": "1"})
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=60)
        summary = [line.strip() for line in done.stdout.splitlines() if "generated" in line or "Tested:" in line]
        result = {"status": done.returncode, "summary": summary, "server_tracebacks": err.count("Traceback")}
        print(json.dumps(result), flush=True)
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="+", choices=["concurrent", "upload", "schemathesis"])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if "concurrent" in args.what:
        rows = measure_concurrent(args.repeat)
        print(f"concurrent: {sum(r['equal_to_clean_run'] for r in rows)} of {len(rows)} runs equal one clean run")
    if "upload" in args.what:
        measure_upload()
    if "schemathesis" in args.what:
        measure_schemathesis()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
