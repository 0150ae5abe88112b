"""The quality ratchet: extraction quality may not fall below pinned floors.

The real `dateline extract --json` runs over
- the annotated dev pages (../shared/dev), scored by ../shared/tools/score.py;
- the flat-text cleaner alone over the same pages: pages whose stories, datelines
  and dates are all right, gold chrome or captions leaked into a body, gold body
  paragraphs not found (the failure message names the pages);
- a fixed sample of the article-extraction benchmark (every 4th page id, flat
  renderings and HTML pages), scored with that benchmark's own metric, taken from
  ../shared/tools/aeb_score.py.

Each metric is compared with its floor in tests/data/quality_floors.json. A floor may
only be raised, unless its lowering is recorded (the "how" notes in that file;
tests/quality_ratchet.py). The measurements are skipped, with the reason, where the
shared material is absent.
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import shlex
import shutil
import statistics
import subprocess
from pathlib import Path

import pytest
from quality_ratchet import MARKER, check_ratchet, run_git

FLOORS_PATH = Path(__file__).parent / "data" / "quality_floors.json"
SAMPLE_STEP = 4  # every 4th benchmark id, in sorted order: a fixed sample

pytestmark = pytest.mark.slow


def load_floors() -> dict:
    return json.loads(FLOORS_PATH.read_text(encoding="utf-8"))


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path} cannot be loaded as a module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_extract(cli: list[str], pages: list[Path]) -> dict[str, dict]:
    """One `dateline extract --json` over all pages; records keyed by file name."""
    done = subprocess.run([*cli, "extract", "--json", *map(str, pages)],
                          capture_output=True, text=True, timeout=1800, check=False)
    records = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            records[Path(str(record.get("source", ""))).name] = record
    assert records, f"dateline extract printed no records: {done.stderr[-400:]}"
    return records


def measure_dev(shared: Path, cli: list[str]) -> dict:
    """score.py's totals over the dev pages, and each page's own totals under "by_page"."""
    score = load_module(shared / "tools" / "score.py", "dateline_score")
    command = " ".join(shlex.quote(part) for part in [*cli, "extract", "--json"])
    gold_paths = sorted((shared / "dev").glob("*.gold.json"))
    golds = [json.loads(path.read_text(encoding="utf-8")) for path in gold_paths]
    pages = [path.parent / gold["input"] for path, gold in zip(gold_paths, golds, strict=True)]
    records = score.run_batch(command, pages, 1800)
    rows = {gold["id"]: score.score_page(gold, records.get(Path(gold["input"]).name, {"stories": []}))
            for gold in golds}
    total = score.summarize(rows)
    total["by_page"] = {page_id: score.summarize({page_id: row}) for page_id, row in rows.items()}
    return total


def measure_cleaner(shared: Path) -> dict:
    """The cleaner alone over the dev pages, with what each count holds, for the failure messages."""
    from dateline.clean.text import clean_text

    wrong, leaks, missing = [], [], []
    gold_paths = sorted((shared / "dev").glob("*.gold.json"))
    for gold_path in gold_paths:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        stories = clean_text((gold_path.parent / gold["input"]).read_text(encoding="utf-8")).stories
        if len(stories) != len(gold["stories"]):
            wrong.append(f"{gold['id']}: {len(stories)} stories, not {len(gold['stories'])}")
        else:
            for number, (want, got) in enumerate(zip(gold["stories"], stories, strict=True)):
                place = want.get("dateline") and want["dateline"]["place"]
                if place and (got.dateline is None or got.dateline.place != place):
                    wrong.append(f"{gold['id']} story {number}: dateline {got.dateline}")
                    break
                if want.get("published") and (got.published or "")[:10] != want["published"][:10]:
                    wrong.append(f"{gold['id']} story {number}: published {got.published}")
                    break
        body = [p for s in stories for p in s.body]
        joined = " ".join(body)
        chrome = gold.get("boilerplate", []) + [c for s in gold["stories"] for c in s.get("captions", [])]
        leaks += [f"{gold['id']}: {line[:60]}" for line in chrome if len(line.split()) >= 2 and line in joined]
        missing += [f"{gold['id']}: {p[:60]}" for s in gold["stories"] for p in s["body"] if p.strip() not in body]
    return {"cleaner_pages_right": len(gold_paths) - len(wrong),
            "cleaner_leaks": len(leaks), "cleaner_paragraphs_missing": len(missing),
            "detail": {"cleaner_pages_right": wrong, "cleaner_leaks": leaks, "cleaner_paragraphs_missing": missing}}


def measure_aeb(shared: Path, cli: list[str], kind: str, tmp: Path) -> dict:
    """Benchmark F1 of the fixed sample, by the benchmark's own per-page metric."""
    aeb = load_module(shared / "tools" / "aeb_score.py", "aeb_score")
    bench = shared / "corpora" / "article-extraction-benchmark"
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[::SAMPLE_STEP]
    pages = {}
    for page_id in ids:
        if kind == "flat":
            pages[page_id] = bench / "flat" / f"{page_id}.txt"
        else:
            target = tmp / f"{page_id}.html"
            with gzip.open(bench / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8", errors="replace") as src:
                target.write_text(src.read(), encoding="utf-8")
            pages[page_id] = target
    records = run_extract(cli, list(pages.values()))
    precisions, recalls = [], []
    for page_id, path in pages.items():
        p, r = aeb.page_scores(truth[page_id].get("articleBody", ""), aeb.body_of(records.get(path.name, {})))
        if p is not None:
            precisions.append(p)
        if r is not None:
            recalls.append(r)
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pages": len(ids), "records": len(records), "f1": round(f1, 3)}


@pytest.fixture(scope="module")
def dev_total(shared_dir, dateline_cli) -> dict:
    return measure_dev(shared_dir, dateline_cli)


@pytest.fixture(scope="module")
def cleaner_total(shared_dir) -> dict:
    return measure_cleaner(shared_dir)


@pytest.fixture(scope="module")
def aeb_totals(shared_dir, dateline_cli, tmp_path_factory) -> dict:
    if not (shared_dir / "corpora" / "article-extraction-benchmark" / "ground-truth.json").is_file():
        pytest.skip("article-extraction benchmark is absent")
    tmp = tmp_path_factory.mktemp("aeb-html")
    return {kind: measure_aeb(shared_dir, dateline_cli, kind, tmp) for kind in ("flat", "html")}


def read_metric(name: str, dev_total: dict, aeb_totals: dict, cleaner_total: dict) -> float:
    if name.startswith("cleaner_"):
        return cleaner_total[name]
    if name == "aeb_flat_f1":
        return aeb_totals["flat"]["f1"]
    if name == "aeb_html_f1":
        return aeb_totals["html"]["f1"]
    value = dev_total[name]
    if name == "story_count_right":  # "12/13"
        return int(str(value).split("/")[0])
    return value if value is not None else 0.0


METRICS = [name for name in load_floors()["floors"]]


@pytest.mark.parametrize("metric", METRICS)
def test_metric_holds_its_floor(metric: str, request) -> None:
    floor = load_floors()["floors"][metric]
    cleaner = metric.startswith("cleaner_")
    dev_total = {} if cleaner else request.getfixturevalue("dev_total")
    aeb_totals = request.getfixturevalue("aeb_totals") if metric.startswith("aeb_") else {}
    cleaner_total = request.getfixturevalue("cleaner_total") if cleaner else {}
    value = read_metric(metric, dev_total, aeb_totals, cleaner_total)
    detail = "; ".join(cleaner_total.get("detail", {}).get(metric, []))
    if floor["direction"] == "max":
        assert value <= floor["value"], f"{metric} rose to {value}, above the pinned ceiling {floor['value']}: {detail}"
    else:
        assert value >= floor["value"], f"{metric} fell to {value}, below the pinned floor {floor['value']}: {detail}"


PAGE_FLOORS = [(page, metric) for page, metrics in load_floors().get("page_floors", {}).items()
               for metric in metrics]


@pytest.mark.parametrize(("page", "metric"), PAGE_FLOORS)
def test_dev_page_holds_its_floor(page: str, metric: str, request) -> None:
    floor = load_floors()["page_floors"][page][metric]
    row = request.getfixturevalue("dev_total")["by_page"].get(page)
    assert row is not None, f"dev page {page} was not scored"
    value = row[metric] if row[metric] is not None else 0.0
    assert value >= floor["value"], f"{page}: {metric} fell to {value}, below the pinned floor {floor['value']}"


def test_benchmark_sample_gets_a_record_for_every_page(request) -> None:
    aeb_totals = request.getfixturevalue("aeb_totals")
    for kind, total in aeb_totals.items():
        assert total["records"] == total["pages"], f"{kind}: {total['pages'] - total['records']} pages gave no record"


def test_floors_are_well_formed() -> None:
    floors = load_floors()["floors"]
    assert set(floors) == {"body_f1", "leaks", "story_count_right", "dateline_and_date", "aeb_flat_f1",
                           "aeb_html_f1", "event_f1", "count_accuracy", "quote_recall", "geo_country", "geo_acc161",
                           "cleaner_pages_right", "cleaner_leaks", "cleaner_paragraphs_missing", "actor_accuracy",
                           "target_accuracy"}
    for name, floor in floors.items():
        assert floor["direction"] in {"min", "max"}, name
        assert isinstance(floor["value"], (int, float)), name


def test_floors_were_not_lowered_quietly(repo_root: Path) -> None:
    """Every lowering in the floors file's git history is recorded (tests/quality_ratchet.py).

    Read from the commits, not only from uncommitted edits, so a quiet lowering fails on a
    clean CI checkout too.
    """
    if shutil.which("git") is None or run_git(repo_root, "rev-parse", "--git-dir").returncode != 0:
        pytest.skip("not a git checkout: the floors' history cannot be read")
    relative = FLOORS_PATH.relative_to(repo_root).as_posix()
    verdict = check_ratchet(repo_root, relative, load_floors())
    assert not verdict.cut, (f"{'; '.join(verdict.notes)}: the ratchet needs the history of {relative}; "
                             "run `git fetch --unshallow` (.ci/run does)")
    assert not verdict.unrecorded, (
        "; ".join(lowering.describe() for lowering in verdict.unrecorded)
        + f". Record each under \"lowered\" in {relative} (floor, from, to, why), or start the message of the "
        f"commit that lowers it with {MARKER!r} and the reason")
