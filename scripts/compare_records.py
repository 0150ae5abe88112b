"""Take a snapshot of dateline's extraction records, or compare two snapshots.

    .venv/bin/python scripts/compare_records.py snapshot before.jsonl     # dev pages, GVC test, 300 GVDB pages
    .venv/bin/python scripts/compare_records.py diff before.jsonl after.jsonl

A snapshot is one `dateline extract --json` run over
- the annotated dev pages (../shared/dev, or $DATELINE_SHARED/dev),
- the GVC test split and the first 300 GVDB test pages, written as pages by
  ../shared/tools/corpus_to_gold.py into a temporary folder,
one record per line, keyed by corpus and file name (the folder a page was read
from is left out of ``source``, so two snapshots taken from different temporary
folders compare). ``diff`` prints every page whose record differs, with the first
differing field path, and exits 1 when any differs: a refactoring that must not
change the output is checked with a snapshot before and one after.

``--only dev`` (or ``gvc``, ``gvdb``) takes one corpus, for a quick check.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = {  # name: (docs.jsonl under corpora/, split, limit)
    "gvc": ("gvc_semeval2018t5", "test", 0),
    "gvdb": ("gvdb", "test", 300),
}


def locate_shared() -> Path:
    shared = Path(os.environ.get("DATELINE_SHARED") or REPO.parent / "shared")
    if not (shared / "tools" / "score.py").is_file():
        sys.exit(f"error: no shared material at {shared} (set DATELINE_SHARED)")
    return shared


def write_corpus_pages(shared: Path, name: str, folder: Path) -> list[Path]:
    corpus, split, limit = CORPORA[name]
    command = [sys.executable, str(shared / "tools" / "corpus_to_gold.py"),
               str(shared / "corpora" / corpus / "docs.jsonl"), str(folder), "--split", split]
    if limit:
        command += ["--limit", str(limit)]
    subprocess.run(command, check=True, capture_output=True, text=True)
    return sorted(folder.glob("*.txt"))


def extract_records(pages: list[Path]) -> dict[str, dict]:
    """One `dateline extract --json` over the pages; records by file name, folder stripped from ``source``."""
    cli = Path(sys.executable).with_name("dateline")
    # not checked: the status is 1 when any page fails, and the records of the others are still compared
    done = subprocess.run([str(cli), "extract", "--json", *map(str, pages)], capture_output=True, text=True,
                          check=False)
    records = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            name = Path(str(record.get("source", ""))).name
            record["source"] = name
            records[name] = record
    missing = [page.name for page in pages if page.name not in records]
    if missing:
        print(f"warning: no record for {len(missing)} pages, e.g. {missing[:3]}: {done.stderr[-300:]}",
              file=sys.stderr)
    return records


def take_snapshot(out: Path, only: str | None) -> int:
    shared = locate_shared()
    count = 0
    with out.open("w", encoding="utf-8") as sink, tempfile.TemporaryDirectory() as tmp:
        for corpus in ("dev", *CORPORA):
            if only and corpus != only:
                continue
            if corpus == "dev":
                pages = sorted(p for p in (shared / "dev").glob("*.txt"))
            else:
                pages = write_corpus_pages(shared, corpus, Path(tmp) / corpus)
            records = extract_records(pages)
            for name in sorted(records):
                sink.write(json.dumps({"key": f"{corpus}/{name}", "record": records[name]},
                                      ensure_ascii=False, sort_keys=True) + "\n")
            count += len(records)
            print(f"{corpus}: {len(records)} records", file=sys.stderr)
    print(f"{count} records written to {out}", file=sys.stderr)
    return 0


def read_snapshot(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as lines:
        return {row["key"]: row["record"] for row in map(json.loads, lines)}


def find_difference(a: object, b: object, path: str = "") -> str | None:
    """The path of the first field where two records differ, or None."""
    if type(a) is not type(b):
        return path or "/"
    if isinstance(a, dict) and isinstance(b, dict):
        return find_dict_difference(a, b, path)
    if isinstance(a, list) and isinstance(b, list):
        return find_list_difference(a, b, path)
    return None if a == b else (path or "/")


def find_dict_difference(a: dict, b: dict, path: str) -> str | None:
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            return f"{path}/{key}"
        found = find_difference(a[key], b[key], f"{path}/{key}")
        if found:
            return found
    return None


def find_list_difference(a: list, b: list, path: str) -> str | None:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):  # a length apart is told after the shared items
        found = find_difference(x, y, f"{path}/{i}")
        if found:
            return found
    return f"{path}/length {len(a)} != {len(b)}" if len(a) != len(b) else None


def compare_snapshots(before: Path, after: Path) -> int:
    old, new = read_snapshot(before), read_snapshot(after)
    differing = 0
    for key in sorted(set(old) | set(new)):
        if key not in old or key not in new:
            print(f"{key}: only in {'the first' if key in old else 'the second'} snapshot")
            differing += 1
            continue
        where = find_difference(old[key], new[key])
        if where:
            print(f"{key}: differs at {where}")
            differing += 1
    print(f"{len(set(old) & set(new))} records in both; {differing} differ")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    snap = commands.add_parser("snapshot", help="extract the pages and write one record per line")
    snap.add_argument("out", type=Path)
    snap.add_argument("--only", choices=["dev", *CORPORA])
    diff = commands.add_parser("diff", help="compare two snapshots")
    diff.add_argument("before", type=Path)
    diff.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "snapshot":
        return take_snapshot(args.out, args.only)
    return compare_snapshots(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
