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

matching.py (one gold item against a prediction) < pages.py (one page) < report.py (a folder,
the totals, the printed report).
"""
from __future__ import annotations

from .matching import (
    count_met,
    locate_gold,
    match_date,
    match_event,
    match_party,
    match_place,
    measure_km,
    pair_events,
    squash_text,
    tokenize_words,
)
from .pages import EventScore, PageScore, find_quote, score_events, score_page
from .report import (
    GoldPage,
    PageResult,
    Summary,
    compute_f1,
    describe_misses,
    evaluate_pages,
    extract_record,
    format_report,
    read_gold_dir,
    summarize_scores,
)

__all__ = ["EventScore", "GoldPage", "PageResult", "PageScore", "Summary", "compute_f1", "count_met",
           "describe_misses", "evaluate_pages", "extract_record", "find_quote", "format_report", "locate_gold",
           "match_date", "match_event", "match_party", "match_place", "measure_km", "pair_events", "read_gold_dir",
           "score_events", "score_page", "squash_text", "summarize_scores", "tokenize_words"]
