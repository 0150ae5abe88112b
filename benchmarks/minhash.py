"""Near-duplicate grouping: how fast, and how the threshold was chosen.

    .venv/bin/python benchmarks/minhash.py [--docs 100000]     time to group N synthetic documents
    .venv/bin/python benchmarks/minhash.py --check [--gvc]     similarity of synthetic edits (and GVC pairs)

Documents are generated, not taken from any corpus: stories of 150-400 words drawn
from a Zipf-distributed made-up vocabulary, each written once and then copied with
the changes syndication makes (other chrome lines before and after, a new headline
line, a few words changed, the last 30% of the words cut). Of N documents, N/5 are
originals and the rest copies, so the right answer is N/5 groups of 5.

``--check`` prints, for each kind of change, the Jaccard similarity of the 4-word
shingle sets (exact, and as 128-permutation MinHash estimates it) and whether the
copy groups at the threshold; with ``--gvc`` also the similarity of article pairs of
the GVC pool that report the same registry incident (different outlets, mostly
written apart) against pairs that do not.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from dateline.dedup import NEAR_DUPLICATE_THRESHOLD, StoryPrint, fingerprint_texts, group_stories
from dateline.dedup.fingerprint import hash_shingles, split_words

VOCABULARY = 30_000
GVC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gvc_semeval2018t5" / "docs.jsonl"


def make_vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(VOCABULARY)]


def write_story(rng: np.random.Generator, words: list[str]) -> list[str]:
    """Paragraphs of a made-up story."""
    ranks = np.minimum(rng.zipf(1.3, size=int(rng.integers(150, 400))), VOCABULARY) - 1
    text = [words[r] for r in ranks]
    cuts = sorted(set(rng.integers(1, len(text), size=6).tolist()))
    return [" ".join(text[a:b]) for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


def make_copies(paragraphs: list[str], rng: np.random.Generator, words: list[str]) -> dict[str, str]:
    """The original and the changes syndication makes, by name."""
    def chrome(n: int) -> str:
        return " ".join(words[int(i)] for i in rng.integers(0, VOCABULARY, size=n))

    body = "\n".join(paragraphs)
    tokens = body.split()
    edited = list(tokens)
    for i in rng.choice(len(tokens), size=max(1, len(tokens) // 40), replace=False):  # 2.5% of words
        edited[int(i)] = words[int(rng.integers(0, VOCABULARY))]
    return {
        "original": body,
        "other chrome": f"{chrome(12)}\n{body}\n{chrome(25)}",
        "new headline": f"{chrome(10)}\n{body}",
        "2.5% words changed": " ".join(edited),
        "last 30% cut": " ".join(tokens[:int(len(tokens) * 0.7)]),
        "only first half kept": " ".join(tokens[:len(tokens) // 2]),
        "unrelated story": "\n".join(write_story(rng, words)),
    }


def exact_jaccard(a: str, b: str) -> float:
    sa, sb = set(hash_shingles(split_words(a)).tolist()), set(hash_shingles(split_words(b)).tolist())
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def check_edits(samples: int) -> None:
    rng, words = np.random.default_rng(11), make_vocabulary(random.Random(11))
    rows: dict[str, list[tuple[float, float, bool]]] = defaultdict(list)
    for _ in range(samples):
        copies = make_copies(write_story(rng, words), rng, words)
        prints = fingerprint_texts(copies.values())
        original = prints[0]
        for (name, text), found in zip(copies.items(), prints, strict=True):
            if name == "original":
                continue
            estimate = float(original.signature.jaccard(found.signature))
            rows[name].append((exact_jaccard(copies["original"], text), estimate,
                               estimate >= NEAR_DUPLICATE_THRESHOLD))
    print(f"change                 exact J   MinHash J (min)   grouped at {NEAR_DUPLICATE_THRESHOLD}")
    for name, measured in rows.items():
        exact, est, grouped = zip(*measured, strict=True)
        print(f"{name:<22} {np.mean(exact):7.3f}   {np.mean(est):7.3f} ({min(est):.3f})   "
              f"{sum(grouped)}/{len(grouped)}")


def check_gvc(limit_pairs: int = 20_000) -> None:
    docs = [json.loads(line) for line in GVC.open(encoding="utf-8")]
    docs = [d for d in docs if d.get("incidents") and d.get("text")]
    prints = fingerprint_texts(d["text"] for d in docs)
    by_incident: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        by_incident[doc["incidents"][0]["incident_id"]].append(i)
    same = [(a, b) for members in by_incident.values() for a, b in itertools.combinations(members, 2)]
    rng = random.Random(5)
    other = [(a, b) for a, b in ((rng.randrange(len(docs)), rng.randrange(len(docs))) for _ in range(limit_pairs))
             if docs[a]["incidents"][0]["incident_id"] != docs[b]["incidents"][0]["incident_id"]]
    for name, pairs in (("same incident", same), ("other incidents", other)):
        values = np.array([prints[a].signature.jaccard(prints[b].signature) for a, b in pairs])
        print(f"GVC {name:<16} pairs={len(values):>6}  median J={np.median(values):.3f}  "
              f"p95={np.percentile(values, 95):.3f}  >= {NEAR_DUPLICATE_THRESHOLD}: "
              f"{int((values >= NEAR_DUPLICATE_THRESHOLD).sum())} ({(values >= NEAR_DUPLICATE_THRESHOLD).mean():.1%})")


def time_grouping(count: int) -> None:
    rng, words = np.random.default_rng(3), make_vocabulary(random.Random(3))
    kinds = ("original", "other chrome", "new headline", "2.5% words changed", "last 30% cut")
    texts, truth = [], []
    for n in range(count // len(kinds)):
        copies = make_copies(write_story(rng, words), rng, words)
        texts += [copies[k] for k in kinds]
        truth += [n] * len(kinds)
    started, cpu = time.perf_counter(), time.process_time()
    prints = fingerprint_texts(texts)
    signed = time.perf_counter()
    groups = group_stories([StoryPrint(str(i), str(i), p) for i, p in enumerate(prints)])
    done, cpu = time.perf_counter(), time.process_time() - cpu
    exact = sum(1 for g in groups if len({truth[int(k)] for k in g.keys}) == 1
                and len(g.keys) == len(kinds))
    print(json.dumps({
        "documents": len(texts), "words": sum(len(t.split()) for t in texts),
        "fingerprint_seconds": round(signed - started, 1), "group_seconds": round(done - signed, 1),
        "total_seconds": round(done - started, 1), "cpu_seconds": round(cpu, 1),
        "docs_per_second": round(len(texts) / (done - started)),
        "groups_found": len(groups), "groups_expected": count // len(kinds), "groups_exactly_right": exact,
    }, indent=1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--check", action="store_true", help="similarity of synthetic edits instead of timing")
    ap.add_argument("--gvc", action="store_true", help="with --check: also GVC article pairs")
    ap.add_argument("--samples", type=int, default=200)
    args = ap.parse_args(argv)
    if args.check:
        check_edits(args.samples)
        if args.gvc:
            if not GVC.is_file():
                print(f"no GVC pool at {GVC}", file=sys.stderr)
                return 1
            check_gvc()
        return 0
    time_grouping(args.docs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
