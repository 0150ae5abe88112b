"""Scoring one page: its events, quotes, body, stories and story fields against its gold file.

    score_page(gold, record) -> PageScore      (score_events, find_quote, check_story_fields)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..event_types import core_types
from .matching import COUNT_FIELDS, count_met, locate_gold, match_party, pair_events, squash_text, tokenize_words


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
