"""Story groups and incidents in the store: recompute them; list and fetch them
(store/incident_queries.py, whose names are re-exported here).

    refresh_incidents(store)              -> RefreshReport   (idempotent; writes only what changed)
    refresh_if_stale(store)               -> RefreshReport | None   (only when pages came since)
    find_incidents(store, filters, ...)   -> ResultPage of StoredIncident, with the total
    list_incidents(store, *, filters...)  -> [StoredIncident] ordered by date, then id
    get_incident(store, incident_id)      -> StoredIncident | None

``refresh_incidents`` reads every stored story and event, groups exact and near
copies (dedup/), then events into incidents (incidents/), and writes the
difference: a story whose text has not changed keeps its stored signature, an
incident whose content has not changed keeps its row. Running it twice, or after
re-ingesting the same pages, changes nothing; pages replaced by another cleaner
or coder version are regrouped. Filters mean what they mean for the events.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, select, update

from ..dedup import (DEDUP_VERSION, Fingerprint, StoryGroup, StoryPrint, decode_signature, fingerprint_texts,
                     group_stories)
from ..incidents import INCIDENTS_VERSION, Incident, SourceEvent, group_incidents
from ..models import content_id
from .base import ResultRow
from .coded import bound_date, fold_name, party_values, read_party
from .engine import run_writing
from .faults import trip
from .incident_queries import (COUNT_COLUMNS, INCIDENT_SORTS, IncidentSource, StoredIncident, count_incidents,
                               find_incidents, get_incident, list_incidents)
from .schema import events, incident_events, incidents, pages, stories, story_groups
from .sql import SqlStore
from .state import mark_incidents_built, read_state
from .writes import insert_new, insert_or_replace

log = logging.getLogger(__name__)

__all__ = ["COUNT_COLUMNS", "INCIDENT_SORTS", "IncidentSource", "RefreshReport", "StoredIncident", "count_incidents",
           "find_incidents", "get_incident", "incident_values", "keep_incident_ids", "list_incidents",
           "refresh_if_stale", "refresh_incidents"]

SIGN_BATCH = 2000   # stories fingerprinted at a time
IN_CHUNK = 500      # page ids per IN (...) list when reading bodies


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What one ``refresh_incidents`` did."""

    stories: int = 0
    stories_signed: int = 0      # fingerprinted now (new or changed text); the rest reused
    groups: int = 0
    stories_in_copies: int = 0   # stories in a group of two or more
    events: int = 0
    incidents: int = 0
    incidents_added: int = 0     # new or changed
    incidents_removed: int = 0   # gone or changed
    incidents_unchanged: int = 0
    multi_source_incidents: int = 0
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.incidents_added or self.incidents_removed or self.stories_signed)


def refresh_incidents(store: SqlStore) -> RefreshReport:
    """Recompute story groups and incidents for everything stored; write only the difference.

    One transaction that writes alone (engine.writing(exclusive=True)): no page is stored
    while it reads, so the incidents it writes cover exactly the pages it saw, and the store
    says so (state.py). A failure (a full disk, a lock held too long) is a StoreError, and
    the transaction is rolled back: the previous incidents stay as they were, marked stale.
    """
    started = time.perf_counter()

    def regroup(conn: Connection) -> RefreshReport:
        state = read_state(conn)
        story_count, signed, groups = _refresh_groups(conn)
        found = _read_source_events(conn)
        made = keep_incident_ids(conn, group_incidents(found))
        added, removed, unchanged = _write_incidents(conn, made)
        mark_incidents_built(conn, state)
        trip("refresh-written")
        return RefreshReport(
            stories=story_count, stories_signed=signed, groups=len(groups),
            stories_in_copies=sum(g.size for g in groups if g.size > 1), events=len(found),
            incidents=len(made), incidents_added=added, incidents_removed=removed,
            incidents_unchanged=unchanged, multi_source_incidents=sum(1 for i in made if i.source_count > 1),
            seconds=round(time.perf_counter() - started, 3))

    report = run_writing(store.engine, regroup, exclusive=True, what="regrouping incidents")
    log.info("refreshed incidents: %s", report)
    return report


def refresh_if_stale(store: SqlStore) -> RefreshReport | None:
    """``refresh_incidents`` when pages were stored since the incidents were built; else None."""
    return refresh_incidents(store) if store.state().incidents_stale else None


# story groups


def _story_key(page_id: str, position: int) -> str:
    return f"{page_id}#{position}"


def _refresh_groups(conn: Connection) -> tuple[int, int, list[StoryGroup]]:
    """Fingerprint new or changed stories, group all of them, write the changed rows."""
    rows = list(conn.execute(
        select(stories.c.page_id, stories.c.position, stories.c.story_id, pages.c.stored_at)
        .join(pages, pages.c.page_id == stories.c.page_id)
        .where(pages.c.status == "ok")
        .order_by(pages.c.stored_at, pages.c.page_id, stories.c.position)))
    stored = {(r.page_id, r.story_position): r for r in conn.execute(select(story_groups))}
    # First stored comes first; stories grouped before come before new ones, so a copy
    # stored later (even within the same second) never takes over a group's id.
    rows.sort(key=lambda r: (_is_new(stored.get((r.page_id, r.position)), r.story_id), r.stored_at,
                             r.page_id, r.position))
    prints: dict[tuple[str, int], Fingerprint] = {}
    todo = []
    for row in rows:
        old = stored.get((row.page_id, row.position))
        if old is not None and old.story_id == row.story_id and old.dedup_version == DEDUP_VERSION:
            prints[(row.page_id, row.position)] = Fingerprint(old.body_hash, decode_signature(old.signature))
        else:
            todo.append(row)
    for start in range(0, len(todo), SIGN_BATCH):  # only new or changed stories' bodies are read
        chunk = todo[start:start + SIGN_BATCH]
        bodies = _read_bodies(conn, [(row.page_id, row.position) for row in chunk])
        signed = fingerprint_texts(bodies[(row.page_id, row.position)] for row in chunk)
        for row, found in zip(chunk, signed, strict=True):
            prints[(row.page_id, row.position)] = found
    groups = group_stories([StoryPrint(_story_key(r.page_id, r.position), r.story_id,
                                       prints[(r.page_id, r.position)]) for r in rows])
    group_of = {key: group for group in groups for key in group.keys}
    wanted = []
    for row in rows:
        key = (row.page_id, row.position)
        group = group_of[_story_key(*key)]
        values = {"page_id": row.page_id, "story_position": row.position, "story_id": row.story_id,
                  "body_hash": prints[key].body_hash, "signature": prints[key].encode_signature(),
                  "group_id": group.group_id, "group_size": group.size, "dedup_version": DEDUP_VERSION}
        old = stored.pop(key, None)
        if old is None or any(getattr(old, name) != value for name, value in values.items()):
            wanted.append((old is not None, values))
    gone = [{"p": page_id, "n": position} for page_id, position in stored]  # stories no longer stored
    if gone:
        conn.execute(delete(story_groups).where(and_(story_groups.c.page_id == bindparam("p"),
                                                     story_groups.c.story_position == bindparam("n"))), gone)
    changed = [values for exists, values in wanted if exists]
    if changed:
        conn.execute(update(story_groups)
                     .where(and_(story_groups.c.page_id == bindparam("p"),
                                 story_groups.c.story_position == bindparam("n")))
                     .values({name: bindparam(name) for name in changed[0] if name not in
                              ("page_id", "story_position")}),
                     [{**v, "p": v["page_id"], "n": v["story_position"]} for v in changed])
    new = [values for exists, values in wanted if not exists]
    if new:
        conn.execute(insert_or_replace(conn, story_groups, key=("page_id", "story_position")), new)
    return len(rows), len(todo), groups


def _is_new(old: ResultRow | None, story_id: str) -> bool:
    return old is None or old.story_id != story_id


def _read_bodies(conn: Connection, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], str]:
    wanted = set(keys)
    found: dict[tuple[str, int], str] = {}
    page_ids = sorted({page_id for page_id, _ in keys})
    for start in range(0, len(page_ids), IN_CHUNK):
        query = (select(stories.c.page_id, stories.c.position, stories.c.body)
                 .where(stories.c.page_id.in_(page_ids[start:start + IN_CHUNK])))
        for row in conn.execute(query):
            if (row.page_id, row.position) in wanted:
                found[(row.page_id, row.position)] = row.body
    return found


# incidents


def _read_source_events(conn: Connection) -> list[SourceEvent]:
    query = (select(events, stories.c.published, story_groups.c.group_id)
             .join(stories, and_(stories.c.page_id == events.c.page_id,
                                 stories.c.position == events.c.story_position))
             .join(story_groups, and_(story_groups.c.page_id == events.c.page_id,
                                      story_groups.c.story_position == events.c.story_position)))
    return [SourceEvent(
        page_id=r.page_id, story_position=r.story_position, event_id=r.event_id, group_id=r.group_id,
        type=r.type, family=r.family, certainty=r.certainty, country=r.country, admin1=r.admin1,
        place_name=r.place_name, lat=r.lat, lon=r.lon, precision=r.place_precision,
        date=r.date, date_end=r.date_end, published=r.published,
        actors=tuple(json.loads(r.actors_json)), targets=tuple(json.loads(r.targets_json)),
        killed=r.killed, injured=r.injured, arrested=r.arrested, actor=read_party(r, "actor"),
        target=read_party(r, "target")) for r in conn.execute(query)]


def keep_incident_ids(conn: Connection, made: Sequence[Incident]) -> list[Incident]:
    """The new incidents, each keeping the id of the stored incident it shares most events
    with (each old id passed on once), so an incident that gains a source keeps its id."""
    old_of = {(r.page_id, r.story_position, r.event_id): r.incident_id
              for r in conn.execute(select(incident_events.c.incident_id, incident_events.c.page_id,
                                           incident_events.c.story_position, incident_events.c.event_id))}
    if not old_of:
        return list(made)
    claims = []
    for n, incident in enumerate(made):
        shared = Counter(old_of[e.key] for e in incident.events if e.key in old_of)
        claims += [(-count, old_id, n) for old_id, count in shared.items()]
    given: dict[int, str] = {}
    taken: set[str] = set()
    for _, old_id, n in sorted(claims):  # the largest overlaps choose first
        if n not in given and old_id not in taken:
            given[n] = old_id
            taken.add(old_id)
    fresh = {i.incident_id for n, i in enumerate(made) if n not in given}
    kept = []
    for n, incident in enumerate(made):
        old_id = given.get(n)
        if old_id is None or (old_id != incident.incident_id and old_id in fresh):
            kept.append(incident)  # an old id another new incident is born with stays with it
        else:
            kept.append(dataclasses.replace(incident, incident_id=old_id))
    if len({i.incident_id for i in kept}) < len(kept):  # a rare clash: fall back to content ids
        return list(made)
    return kept


def incident_values(incident: Incident) -> dict[str, Any]:
    """The incidents row of an incident, with a digest of it and its members."""
    values = {
        "incident_id": incident.incident_id, "type": incident.type, "family": incident.family,
        "certainty": incident.certainty, "country": incident.country, "admin1": incident.admin1,
        "place_name": incident.place_name,
        "place_key": fold_name(incident.place_name) if incident.place_name else None,
        "lat": incident.lat, "lon": incident.lon, "place_precision": incident.precision,
        "date": incident.date, "date_end": incident.date_end,
        "date_from": bound_date(incident.date),
        "date_to": bound_date(incident.date_end or incident.date, last=True),
        "source_count": incident.source_count, "event_count": len(incident.events),
        "incidents_version": INCIDENTS_VERSION,
        **party_values("actor", incident.actor), **party_values("target", incident.target),
    }
    for name in COUNT_COLUMNS:
        figures = getattr(incident, name)
        values.update({name: figures.acled, f"{name}_low": figures.low, f"{name}_best": figures.best,
                       f"{name}_high": figures.high})
    members = [[*e.key, e.group_id] for e in incident.events]
    values["digest"] = content_id(json.dumps(values, sort_keys=True, default=str), json.dumps(members))
    return values


def _write_incidents(conn: Connection, made: Sequence[Incident]) -> tuple[int, int, int]:
    """Replace the incidents whose content changed; return (added, removed, unchanged)."""
    stored = dict(conn.execute(select(incidents.c.incident_id, incidents.c.digest)).all())
    rows, members = [], []
    unchanged = 0
    for incident in made:
        values = incident_values(incident)
        if stored.get(incident.incident_id) == values["digest"]:
            stored.pop(incident.incident_id)
            unchanged += 1
            continue
        rows.append(values)
        members += [{"incident_id": incident.incident_id, "page_id": e.page_id, "story_position": e.story_position,
                     "event_id": e.event_id, "position": n, "group_id": e.group_id}
                    for n, e in enumerate(incident.events)]
    stale = list(stored)  # gone, or changed (written anew below)
    for start in range(0, len(stale), IN_CHUNK):
        chunk = stale[start:start + IN_CHUNK]
        conn.execute(delete(incident_events).where(incident_events.c.incident_id.in_(chunk)))
        conn.execute(delete(incidents).where(incidents.c.incident_id.in_(chunk)))
    if rows:
        conn.execute(insert_or_replace(conn, incidents, key=("incident_id",)), rows)
        conn.execute(insert_new(conn, incident_events), members)
    return len(rows), len(stale), unchanged
