"""Events into incidents: blocked, greedy, deterministic.

    events ──sort (precise first)──▶ for each: candidates from the block index
        (family, country, day) ──▶ join the best incident no member conflicts with and
        some member agrees with enough (rules.py), else start a new one

Blocking keeps the work near-linear: an event is compared only with incidents of
its family and country whose days reach within the slack of its own (undated
events: of its story's publication window), never with everything. Events come
in a fixed order (day-precise and town-precise first, then by date and key), so
the same events always give the same incidents whatever order they were stored in.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

from ..models import Party, content_id
from .figures import summarise_figures
from .records import INCIDENTS_VERSION, Incident, SourceEvent
from .rules import DAY_SLACK, PRECISION_RANK, UNDATED_DAYS, compare_events, is_generic_name

log = logging.getLogger(__name__)

V = TypeVar("V", bound=Hashable)

MAX_INDEXED_DAYS = 62  # a longer range (a year) is indexed on its first and last days only
CERTAINTY_ORDER = ("reported", "claimed", "historical", "planned", "denied")


def order_events(events: Iterable[SourceEvent]) -> list[SourceEvent]:
    """Precise events first (they found incidents; vaguer ones join them), then by date and key."""
    def rank(event: SourceEvent) -> tuple[bool, bool, int, int, tuple[str, int, str]]:
        days = event.days
        width = (days[1] - days[0]) if days else 10 ** 6
        return (days is None, width > 0, PRECISION_RANK.get(event.precision, 3),
                days[0] if days else (event.published_day or 0), event.key)
    return sorted(events, key=rank)


def index_days(event: SourceEvent) -> list[int]:
    """The days under which an event's incident is found."""
    days = event.days
    if days is None:
        return []
    first, last = days
    if last - first > MAX_INDEXED_DAYS:
        return [first, last]
    return list(range(first, last + 1))


def probe_days(event: SourceEvent) -> range | list[int]:
    """The days at which to look for an event's candidate incidents."""
    days = event.days
    if days is None:
        published = event.published_day
        if published is None:
            return []
        return range(published - UNDATED_DAYS, published + DAY_SLACK + 1)
    first, last = days
    if last - first > MAX_INDEXED_DAYS:
        return [first, last]
    return range(first - DAY_SLACK, last + DAY_SLACK + 1)


class _Block:
    """The incidents being built, indexed by (family, country, day)."""

    def __init__(self) -> None:
        self.members: list[list[SourceEvent]] = []
        self.by_day: dict[tuple[str, str | None, int], list[int]] = {}
        self.by_family_day: dict[tuple[str, int], list[int]] = {}  # for events that name no country
        self.undated: dict[tuple[str, str | None, int], list[int]] = {}  # by (family, country, publication day)

    def candidates(self, event: SourceEvent) -> list[int]:
        found: dict[int, None] = {}
        for day in probe_days(event):
            near = (self.by_day.get((event.family, event.country, day), ()) if event.country
                    else self.by_family_day.get((event.family, day), ()))
            for n in near:
                found[n] = None
        published = event.published_day
        if event.days is None and published is not None:  # undated: other undated told near it
            for day in range(published - UNDATED_DAYS, published + UNDATED_DAYS + 1):
                for n in self.undated.get((event.family, event.country, day), ()):
                    found[n] = None
        return list(found)

    def add(self, event: SourceEvent, n: int | None) -> int:
        if n is None:
            n = len(self.members)
            self.members.append([])
        self.members[n].append(event)
        days = index_days(event)
        if event.days is None and event.published_day is not None:
            self.undated.setdefault((event.family, event.country, event.published_day), []).append(n)
        for day in days:
            if event.country:
                _append_once(self.by_day.setdefault((event.family, event.country, day), []), n)
            _append_once(self.by_family_day.setdefault((event.family, day), []), n)
        return n


def _append_once(items: list[int], n: int) -> None:
    """Add an incident to a day's list (an incident adds its members in a row: skip repeats)."""
    if not items or items[-1] != n:
        items.append(n)


def group_events(events: Iterable[SourceEvent]) -> list[list[SourceEvent]]:
    """The events split into incidents (lists of member events, in the order they joined)."""
    block = _Block()
    for event in order_events(events):
        best, best_score = None, float("-inf")
        for n in block.candidates(event):
            members = block.members[n]
            if any(m.story_key == event.story_key for m in members):
                continue
            matches = [compare_events(event, m) for m in members]
            if any(match.conflict for match in matches) or not any(match.enough for match in matches):
                continue
            score = max(match.score for match in matches if match.enough)
            if score > best_score:
                best, best_score = n, score
        block.add(event, best)
    return block.members


def group_incidents(events: Iterable[SourceEvent]) -> list[Incident]:
    """Incidents from events, each with its summary and figures, ordered by date then id."""
    incidents = [summarise_incident(members) for members in group_events(events)]
    log.debug("%d incidents", len(incidents))
    return sorted(incidents, key=lambda i: (i.date is None, i.date or "", i.incident_id))


def summarise_incident(members: Sequence[SourceEvent]) -> Incident:
    """An incident's summary from its members (docs/incidents.md)."""
    events = tuple(sorted(members, key=lambda e: e.key))
    groups = {e.group_id for e in events}
    type_votes = _count_sources(events, lambda e: e.type)
    first = order_events(events)[0]
    kind = min(type_votes, key=lambda t: (-type_votes[t], t != first.type, t))
    place = _pick(events, lambda e: (PRECISION_RANK.get(e.precision, 3) if e.country else 4),
                  lambda e: (e.place_name, e.country))
    when = _pick(events, lambda e: (e.days is None, (e.days[1] - e.days[0]) if e.days else 0),
                 lambda e: (e.date, e.date_end))
    certainty = min((e.certainty for e in events),
                    key=lambda c: CERTAINTY_ORDER.index(c) if c in CERTAINTY_ORDER else len(CERTAINTY_ORDER))
    figures = summarise_figures(events)
    actor, target = pick_party(events, "actor"), pick_party(events, "target")
    return Incident(
        incident_id=content_id(INCIDENTS_VERSION, *events[0].key[:1], str(events[0].key[1]), events[0].key[2]),
        type=kind, family=first.family, certainty=certainty,
        country=place.country, admin1=place.admin1, place_name=place.place_name,
        lat=place.lat, lon=place.lon, precision=place.precision if place.country else None,
        date=when.date, date_end=when.date_end, actor=actor, target=target,
        killed=figures["killed"], injured=figures["injured"], arrested=figures["arrested"],
        source_count=len(groups), events=events,
    )


def pick_party(events: Sequence[SourceEvent], side: str) -> Party | None:
    """The actor (or target) of an incident: among its members that give one, a named party before a
    generic one ("Boko Haram" before "unidentified armed group"), then the one most sources give,
    then the first by name. Without a span: it stands for every source's words."""
    given = [party for event in events for party in [getattr(event, side)] if party is not None]
    if not given:
        return None
    votes = _count_sources([e for e in events if getattr(e, side) is not None],
                           lambda e: _party_key(getattr(e, side)))
    best = min(votes, key=lambda key: (is_generic_name(key[0]), -votes[key], key[0], key[1], key[2] or ""))
    name, kind, country = best
    return Party(name=name, kind=kind, country=country)


def _party_key(party: Party) -> tuple[str, str, str | None]:
    return (party.name, party.kind, party.country)


def _pick(events: Sequence[SourceEvent], rank: Callable[[SourceEvent], Any],
          value: Callable[[SourceEvent], tuple[str | None, str | None]]) -> SourceEvent:
    """The member with the best rank; among equals, the value most sources give, then the smallest."""
    top = min(rank(e) for e in events)
    best = [e for e in events if rank(e) == top]
    votes = _count_sources(best, value)
    chosen = min(votes, key=lambda v: (-votes[v], tuple("" if x is None else str(x) for x in v)))
    return next(e for e in best if value(e) == chosen)


def _count_sources(events: Sequence[SourceEvent], value: Callable[[SourceEvent], V]) -> Counter[V]:
    """How many sources (story groups) give each value: copies vote once."""
    return Counter(found for _, found in {(e.group_id, value(e)) for e in events})
