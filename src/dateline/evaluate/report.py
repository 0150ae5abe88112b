"""Scoring a gold folder: every page's score, the totals, and the report ``dateline eval`` prints.

    evaluate_pages(read_gold_dir(folder)) -> [PageResult]
    summarize_scores(scores) -> Summary       format_report(results) -> lines
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReadError
from ..models import Failure
from .pages import PageScore, score_page

log = logging.getLogger(__name__)

SUMMARY_FIELDS = ("pages", "event_precision", "event_recall", "event_f1", "count_accuracy",
                  "actor_accuracy", "target_accuracy", "geo_country", "geo_acc161",
                  "quote_recall", "body_f1", "leaks", "story_count_right", "dateline_and_date")


def compute_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; nothing to find and nothing found is a perfect score."""
    if tp == fp == fn == 0:
        return 1.0, 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


@dataclass(frozen=True, slots=True)
class Summary:
    """The scores of one page or of many, rounded to three places; None where nothing was scored."""

    pages: int
    event_precision: float
    event_recall: float
    event_f1: float
    count_accuracy: float | None
    actor_accuracy: float | None
    target_accuracy: float | None
    geo_country: float | None
    geo_acc161: float | None
    quote_recall: float | None
    body_f1: float | None
    leaks: int
    story_count_right: str  # "pages with the right number of stories/pages"
    dateline_and_date: float | None

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in SUMMARY_FIELDS}

    def format_fields(self, *, with_pages: bool = True) -> str:
        """``name=value`` pairs, space-separated, as the scorer prints them."""
        return " ".join(f"{name}={getattr(self, name)}" for name in SUMMARY_FIELDS
                        if with_pages or name != "pages")


def summarize_scores(scores: Iterable[PageScore]) -> Summary:
    scores = list(scores)
    tally: Counter[str] = Counter()
    for s in scores:
        tally.update({"tp": s.events.tp, "fp": s.events.fp, "fn": s.events.fn,
                      "counts_right": s.events.counts_right, "counts_total": s.events.counts_total,
                      "actors_right": s.events.actors_right, "actors_total": s.events.actors_total,
                      "targets_right": s.events.targets_right, "targets_total": s.events.targets_total,
                      "geo_located": s.events.geo_located, "geo_country": s.events.geo_country,
                      "geo_161": s.events.geo_161,
                      "quotes_found": s.quotes_found, "quotes_total": s.quotes_total,
                      "common": s.body_common, "pred": s.body_pred, "gold": s.body_gold,
                      "fields_right": s.fields_right, "fields_total": s.fields_total,
                      "leaks": len(s.leaks), "count_right": int(s.stories_gold == s.stories_pred)})
    precision, recall, f1 = compute_f1(tally["tp"], tally["fp"], tally["fn"])
    body_f1 = None
    if tally["gold"]:
        body_f1 = round(compute_f1(tally["common"], tally["pred"] - tally["common"],
                                   tally["gold"] - tally["common"])[2], 3)
    return Summary(
        pages=len(scores), event_precision=round(precision, 3), event_recall=round(recall, 3),
        event_f1=round(f1, 3), count_accuracy=_ratio(tally["counts_right"], tally["counts_total"]),
        actor_accuracy=_ratio(tally["actors_right"], tally["actors_total"]),
        target_accuracy=_ratio(tally["targets_right"], tally["targets_total"]),
        geo_country=_ratio(tally["geo_country"], tally["geo_located"]),
        geo_acc161=_ratio(tally["geo_161"], tally["geo_located"]),
        quote_recall=_ratio(tally["quotes_found"], tally["quotes_total"]), body_f1=body_f1,
        leaks=tally["leaks"], story_count_right=f"{tally['count_right']}/{len(scores)}",
        dateline_and_date=_ratio(tally["fields_right"], tally["fields_total"]),
    )


@dataclass(frozen=True, slots=True)
class GoldPage:
    gold_id: str
    page_path: Path
    gold: dict


@dataclass(frozen=True, slots=True)
class PageResult:
    page: GoldPage
    score: PageScore
    error: str | None = None  # why no record could be made (the page then scores zero)


def read_gold_dir(gold_dir: Path) -> list[GoldPage]:
    """Every *.gold.json in the folder, sorted by file name, with the page it names."""
    found = []
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        found.append(GoldPage(gold_id=gold["id"], page_path=path.parent / gold["input"], gold=gold))
    return found


def extract_record(path: Path) -> dict:
    """The record `dateline extract --json` prints for one page file, made in-process."""
    from ..pipeline import process_page  # the stages load only when a page is extracted
    from ..readers import SKIP_STAGE, read_sources
    from ..record import to_record

    for item in read_sources([str(path)]):
        if not isinstance(item, Failure):
            return to_record(process_page(item))
        if item.stage != SKIP_STAGE:
            raise ReadError(item.source, item.reason, offset=item.offset)
    raise ReadError(str(path), "holds no page")


def evaluate_pages(pages: Iterable[GoldPage], *,
                   extract: Callable[[Path], dict] = extract_record) -> list[PageResult]:
    """Score each gold page against the record ``extract`` makes of it; a page that fails scores zero."""
    results = []
    for page in pages:
        error = None
        try:
            record = extract(page.page_path)
        except Exception as exc:  # one page that cannot be extracted scores zero and says why
            log.info("%s: no record: %s", page.gold_id, exc)
            record, error = {"stories": []}, str(exc)
        results.append(PageResult(page=page, score=score_page(page.gold, record), error=error))
    return results


def describe_misses(score: PageScore) -> list[str]:
    """The verbose lines under a page row: missed and false events, leaked lines."""
    lines = []
    for gold in score.events.missed:
        lines.append(f"    missed {gold['type']} {gold.get('place')} {gold.get('date')} :: "
                     f"{gold.get('evidence', '')[:90]}")
    for event in score.events.false:
        place = event.get("place") or {}
        lines.append(f"    false  {event.get('type')} {place.get('name')} {place.get('country')} "
                     f"{event.get('date')} :: {(event.get('sentence') or '')[:90]}")
    lines.extend(f"    leaked {leak[:100]}" for leak in score.leaks)
    return lines


def format_report(results: list[PageResult], *, verbose: bool = False, as_json: bool = False) -> list[str]:
    """The printed report: a row per page, the verbose details, TOTAL, and the JSON total if asked."""
    lines = []
    for result in results:
        row = summarize_scores([result.score]).format_fields(with_pages=False)
        lines.append(f"{result.page.gold_id:<40} {row}")
        if verbose:
            lines.extend(describe_misses(result.score))
    total = summarize_scores(r.score for r in results)
    lines.append(f"TOTAL {total.format_fields()}")
    if as_json:
        lines.append(json.dumps(total.to_dict()))
    return lines
