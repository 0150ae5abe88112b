"""Which lines of a flattened page are article text: the main-content selector.

A flattened page is its article buried in site chrome: menus, bylines, share
buttons, related-link lists, comments, footers. Each line gets a content score
(long lines of running prose score high; short, link-like, title-cased or chrome
lines score low), section headings that close an article ("Related", "3 Comments",
"Tags:") act as barriers, and the densest runs between barriers are kept.

    lines ──score_lines──▶ scores ──find_runs──▶ candidate runs ──trim──▶ kept runs

The pattern tables live in ``data/en/clean/region_*.txt``, apart from this logic.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from ..lexicon import LANGUAGE, read_entries

log = logging.getLogger(__name__)

TOKEN = re.compile(r"\w+")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*$")
# a teaser card flattened: a title-cased headline glued to its summary ("... Student-AthleteA 24-year-old ...")
GLUED = re.compile(r"(?<=[a-z0-9?!])(?=[A-Z][a-z]|[AI]\s)")
CHROME_MAX_WORDS = 20


class ScoredRun(NamedTuple):
    """A candidate run of lines: its score and its half-open [start, end) line indexes."""

    score: float
    start: int
    end: int

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass(frozen=True, slots=True)
class LineShape:
    """What the selector reads off one line."""

    words: int
    sentence: bool  # ends like a sentence
    stop_ratio: float  # share of tokens that are function words
    title_ratio: float  # share of tokens that start upper case
    chrome: bool  # site chrome wherever it stands
    barrier: bool  # a heading after which the article does not go on
    end: bool  # opens a comment section: nothing after it is the article's


@cache
def load_patterns(name: str) -> tuple[str, ...]:
    """The entries of ``data/en/clean/<name>.txt``."""
    return read_entries(f"{LANGUAGE}/clean/{name}.txt")


@cache
def load_regex(name: str) -> re.Pattern[str]:
    """One case-insensitive regex matching a whole line against any pattern of the table."""
    return re.compile("|".join(f"(?:{p})" for p in load_patterns(name)), re.IGNORECASE)


@cache
def load_stopwords() -> frozenset[str]:
    return frozenset(word for line in load_patterns("region_stopwords") for word in line.split())


def shape_line(line: str) -> LineShape:
    """Measure one line."""
    tokens = TOKEN.findall(line)
    words = max(len(tokens), len(CJK.findall(line)) // 2)
    stopwords = load_stopwords()
    lowered = [t.lower() for t in tokens]
    stop_ratio = sum(t in stopwords for t in lowered) / len(tokens) if tokens else 0.0
    title_ratio = sum(t[:1].isupper() for t in tokens) / len(tokens) if tokens else 0.0
    short = words <= CHROME_MAX_WORDS
    end = short and bool(load_regex("region_end").fullmatch(line))
    return LineShape(
        words=words,
        sentence=bool(SENTENCE_END.search(line)),
        stop_ratio=stop_ratio,
        title_ratio=title_ratio,
        chrome=(short and (bool(load_regex("region_chrome").fullmatch(line)) or is_stamp(lowered))
                or is_glued_teaser(line)),
        barrier=end or (short and bool(load_regex("region_barrier").fullmatch(line))),
        end=end,
    )


def is_glued_teaser(line: str, *, min_title_words: int = 4, min_summary_words: int = 5) -> bool:
    """A title-cased headline run into a sentence with no space between them."""
    for match in GLUED.finditer(line):
        head, rest = line[: match.start()], line[match.start():]
        head_tokens, rest_tokens = TOKEN.findall(head), TOKEN.findall(rest)
        if len(head_tokens) < min_title_words or len(rest_tokens) < min_summary_words:
            continue
        if len(head_tokens[-1]) < 3 or head.count("(") > head.count(")"):
            continue
        if set(rest_tokens[:2]) <= set(head_tokens):
            return False  # a name run into itself (a tooltip), not a teaser
        named = [t for t in head_tokens if len(t) > 1 and not t[:1].isdigit()]
        titled = sum(t[:1].isupper() for t in named) / max(1, len(named))
        words = [t for t in rest_tokens if len(t) > 1]
        lower = sum(t[:1].islower() for t in words) / max(1, len(words))
        if titled >= 0.8 and lower >= 0.4:
            return True
    return False


def keep_titled_article(shape: LineShape, line: str, title: str, *, min_title_words: int = 4) -> LineShape:
    """A paragraph that opens with the page's title (its first line) glued on is the
    article under its own headline, not the teaser of another story."""
    if shape.chrome and len(TOKEN.findall(title)) >= min_title_words and line.startswith(title) \
            and is_glued_teaser(line) and not load_regex("region_chrome").fullmatch(line):
        return replace(shape, chrome=False)
    return shape


@cache
def load_datewords() -> frozenset[str]:
    return frozenset(word for line in load_patterns("region_datewords") for word in line.split())


def is_stamp(tokens: Sequence[str]) -> bool:
    """Whether lower-cased tokens make up only a date or time stamp."""
    datewords = load_datewords()
    return bool(tokens) and any(t.isdigit() for t in tokens) and all(t.isdigit() or t in datewords for t in tokens)


def score_line(shape: LineShape, *, threshold: float, prose_language: bool, cap: float = 30,
               unended: float = 0.3) -> float:
    """How much a line looks like article text; positive means more likely than not."""
    if shape.chrome or shape.barrier:
        return -threshold * 1.5
    score = min(shape.words - threshold, cap)
    if shape.sentence and shape.words >= 6:
        score += threshold * 0.5
    elif not shape.sentence:
        score -= threshold * unended
    if prose_language and shape.words >= 5 and shape.stop_ratio < 0.1:
        score -= shape.words * 0.5
    if shape.words >= 4 and shape.title_ratio > 0.7:
        score -= shape.words * 0.5
    return score


def select_regions(lines: Sequence[str], *, threshold: float = 10.0,
                   secondary_share: float = 0.7, cap: float = 30,
                   anchor_bonus: float = 100, near_share: float = 0.25,
                   near_gap: int = 20, island_share: float = 0.05) -> list[tuple[int, int]]:
    """Half-open [start, end) runs of line indexes that hold article text, in order.

    The article is the densest run, with a bonus (``anchor_bonus``) for a run that
    the page title's headline stands just above. Other runs are kept when they score
    at least ``secondary_share`` of it (pages holding several stories), or
    ``near_share`` of it within ``near_gap`` lines of a kept run (an article broken
    by an inline "Related" box); nothing past a comment section's opening is kept.
    Scores are ``words - threshold`` per line, capped at ``cap``, so one long
    teaser cannot outweigh a block of menu.
    """
    if not lines:
        return []
    memo: dict[str, LineShape] = {}  # junk pages repeat lines by the thousand
    shapes = [memo.get(line) or memo.setdefault(line, shape_line(line)) for line in lines]
    shapes = [keep_titled_article(shape, line, lines[0]) if i else shape for i, (shape, line) in
              enumerate(zip(shapes, lines, strict=True))]
    total_tokens = sum(s.words for s in shapes) or 1
    prose_language = sum(s.stop_ratio * s.words for s in shapes) / total_tokens > 0.12
    scores = [score_line(s, threshold=threshold, prose_language=prose_language, cap=cap) for s in shapes]
    barriers = [s.barrier for s in shapes]
    candidates = list_runs(scores, barriers)
    if not candidates:
        return []
    headlines = find_headlines(lines)
    best = max(candidates, key=lambda run: rank_run(run, headlines, anchor_bonus=anchor_bonus))
    stop = next((i for i in range(best.end, len(lines)) if shapes[i].end), len(lines))
    ordered = sorted((run for run in candidates if run.end <= stop or run.span == best.span), key=lambda run: run.start)
    chosen = [run.span == best.span or run.score >= best.score * secondary_share for run in ordered]
    grow_near(ordered, chosen, floor=best.score * near_share, reach=near_gap)
    kept = sorted(run.span for run, keep in zip(ordered, chosen, strict=True) if keep)
    spans = [extend_run(drop_islands(span, scores, island_share=island_share), shapes) for span in kept]
    runs = trim_runs(bridge_runs(spans, shapes, max_gap=near_gap), shapes)
    log.debug("kept %d of %d lines in %d runs", sum(e - s for s, e in runs), len(lines), len(runs))
    return runs


def grow_near(runs: Sequence[ScoredRun], chosen: list[bool], *, floor: float, reach: int) -> None:
    """Choose, in place, every run worth ``floor`` within ``reach`` lines of a chosen one,
    spreading outwards from each chosen run (runs are in page order)."""
    for index in [i for i, keep in enumerate(chosen) if keep]:
        for step in (1, -1):
            edge = runs[index].end if step == 1 else runs[index].start
            j = index + step
            while 0 <= j < len(runs):
                run = runs[j]
                if (run.start - reach > edge) if step == 1 else (run.end + reach < edge):
                    break
                if chosen[j]:
                    break
                if run.score >= floor:
                    chosen[j] = True
                    edge = run.end if step == 1 else run.start
                j += step


def bridge_runs(runs: list[tuple[int, int]], shapes: Sequence[LineShape], *, max_gap: int) -> list[tuple[int, int]]:
    """Join neighbouring runs over a short gap free of chrome and barriers: a list or
    a run of subheads inside the article."""
    joined: list[tuple[int, int]] = []
    for start, end in runs:
        if joined:
            last_start, last_end = joined[-1]
            gap = shapes[last_end:start]
            if len(gap) <= max_gap and not any(g.chrome or g.barrier for g in gap):
                joined[-1] = (last_start, end)
                continue
        joined.append((start, end))
    return joined


def extend_run(run: tuple[int, int], shapes: Sequence[LineShape]) -> tuple[int, int]:
    """Take in a prose line just past the end of a run: a paragraph cut off mid-sentence."""
    start, end = run
    if end < len(shapes) and is_prose(shapes[end]):
        end += 1
    return start, end


def is_prose(shape: LineShape) -> bool:
    """Running text by its words alone, whether or not the sentence ends."""
    return (not shape.chrome and not shape.barrier and shape.words >= 6
            and shape.stop_ratio >= 0.25 and shape.title_ratio < 0.5)


def drop_islands(run: tuple[int, int], scores: Sequence[float], *, island_share: float,
                 gap: int = 2) -> tuple[int, int]:
    """Cut a small block off either end of a run where a gap of ``gap`` or more
    low lines parts it from the rest: a standfirst above the byline, an "about us"
    note below the article."""
    start, end = run
    blocks: list[ScoredRun] = []  # the runs of positive lines, each with the sum of its scores
    low = 0
    for i in range(start, end):
        if scores[i] > 0:
            if not blocks or low >= gap:
                blocks.append(ScoredRun(0.0, i, i + 1))
            blocks[-1] = ScoredRun(blocks[-1].score + scores[i], blocks[-1].start, i + 1)
            low = 0
        else:
            low += 1
    if len(blocks) < 2:
        return run
    total = sum(b.score for b in blocks)
    if blocks[0].score < total * island_share:
        blocks.pop(0)
    if len(blocks) > 1 and blocks[-1].score < total * island_share:
        blocks.pop()
    return blocks[0].start, blocks[-1].end


def list_runs(scores: Sequence[float], barriers: Sequence[bool], *,
              gap_growth: float = 0.5) -> list[ScoredRun]:
    """Every disjoint run with a positive score, as (score, start, end), in page order.

    Kadane's maximum-sum scan that never crosses a barrier, where each further
    line of a gap (consecutive negative lines) costs ``gap_growth`` times more than
    the one before: one short subhead is cheap, a block of menu is not.
    One pass keeps the best run of each stretch between resets;
    only the tail of a stretch after its best run is scanned again, so a long page
    stays near linear.
    """
    runs: list[ScoredRun] = []
    pending = [(0, len(scores))]
    while pending:
        lo, hi = pending.pop()
        best, best_end, total, start, gap = 0.0, lo, 0.0, lo, 0
        for i in range(lo, hi + 1):
            closing = i == hi or barriers[i] or total <= 0
            if closing and i > start:
                if best > 0:
                    runs.append(ScoredRun(best, start, best_end))
                    if i - best_end > 1:
                        pending.append((best_end, i))
                best, best_end, total, gap = 0.0, i, 0.0, 0
            if i == hi:
                break
            if barriers[i]:
                start, total = i + 1, 0.0
                continue
            if closing:
                start = i
            if scores[i] < 0:
                total += scores[i] * (1 + gap_growth * gap)
                gap += 1
            else:
                total += scores[i]
                gap = 0
            if total > best:
                best, best_end = total, i + 1
    return sorted(runs, key=lambda run: run.start)


SITE_SEPARATOR = re.compile(r"\s+[|–—:»-]+\s+|\s+::\s+")


def find_headlines(lines: Sequence[str], *, min_overlap: float = 0.6) -> list[int]:
    """Indexes of lines that repeat the page title (the first line) without the site name."""
    if len(lines) < 2:
        return []
    parts = [set(TOKEN.findall(part.lower())) for part in SITE_SEPARATOR.split(lines[0])]
    parts = [part for part in parts if len(part) >= 3]
    found = []
    for i, line in enumerate(lines[1:], start=1):
        tokens = set(TOKEN.findall(line.lower()))
        if not tokens:
            continue
        for part in parts:
            shared = len(tokens & part)
            if shared / len(part) >= min_overlap and shared / len(tokens) >= min_overlap:
                found.append(i)
                break
    return found


def rank_run(run: ScoredRun, headlines: Sequence[int], *, anchor_bonus: float, reach: int = 12) -> float:
    """A run's claim to be the article: its score, plus a bonus when the headline stands just before it."""
    at = bisect_left(headlines, run.start - reach)
    anchored = at < len(headlines) and headlines[at] <= run.start + 2
    return run.score + (anchor_bonus if anchored else 0.0)


def trim_runs(runs: list[tuple[int, int]], shapes: Sequence[LineShape]) -> list[tuple[int, int]]:
    """Drop chrome lines inside runs and non-sentence lines at their edges."""
    kept: list[tuple[int, int]] = []
    for run in runs:
        start, end = run
        while start < end and not is_body_edge(shapes[start]):
            start += 1
        while end > start and not is_body_edge(shapes[end - 1]):
            end -= 1
        piece = start
        for i in range(start, end):
            if shapes[i].chrome:
                if i > piece:
                    kept.append((piece, i))
                piece = i + 1
        if end > piece:
            kept.append((piece, end))
    return kept


def is_body_edge(shape: LineShape) -> bool:
    """Whether a line may open or close a run of article text."""
    if shape.chrome:
        return False
    return shape.sentence or shape.words >= 12 or is_prose(shape)
