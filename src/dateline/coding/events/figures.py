"""Casualty figures on the story's events: which event of a sentence takes a figure, and the
figures a sentence gives without naming an event.

    attach_counts(drafts, counts)                 each figure on the nearest event of its clause
    carry_counts(drafts, counts, scenes=..., date=...)
                                                  figures of a sentence with no event of its own
                                                  ("He was pronounced dead at the scene.") on the
                                                  event the story is telling

Rules:
- "arrested" only on arrests; killed and injured on the other core events; within one clause
  the first figure of a field stands ("at least 19 injured, ... seven hospitalized").
- A sentence with no trigger that gives figures tells of the event told last, when that event
  is one of violence or a disaster, the sentence names no other scene and no other day; the
  figures fill what the event lacks and never replace what it has.
- One person said to have died ("He died at the hospital", "the victim was pronounced dead")
  where the event counts injured and no dead is a victim who died of the wounds: one injured
  becomes one killed.
"""
from __future__ import annotations

from collections.abc import Sequence

from ...event_types import is_core, name_family
from ..counts import Count
from .lexicon import TOLL_FAMILIES
from .merge import Draft
from .scenes import Located

CASUALTIES = ("killed", "injured")


def attach_counts(drafts: list[Draft], counts: Sequence[Count]) -> None:
    """Each figure on the nearest event of the clause that can carry it."""
    given: set[tuple[int, str]] = set()
    for count in counts:
        if count.field not in ("killed", "injured", "arrested"):
            continue
        able = [d for d in drafts if d.takes_counts and is_core(d.type)
                and ((d.type == "arrest") == (count.field == "arrested"))]
        if not able:
            continue
        nearest = min(able, key=lambda d: abs(d.trigger_span[0] - count.span[0]))
        if (id(nearest), count.field) in given:
            continue
        given.add((id(nearest), count.field))
        add_figure(nearest, count)


def carry_counts(drafts: list[Draft], counts: Sequence[Count], *, scenes: Sequence[Located],
                 date: str | None) -> None:
    """Figures of a sentence with no event of its own, on the event the story told last."""
    figures = [count for count in counts if count.field in CASUALTIES]
    if not figures:
        return
    target = next((d for d in reversed(drafts) if d.takes_counts and is_core(d.type)
                   and name_family(d.type) in TOLL_FAMILIES), None)
    if target is None:
        return
    if date is not None and target.date is not None and not target.date_soft and date != target.date:
        return  # another day: another incident, or a tally
    names = {located[2].name for located in scenes}
    if names and (target.place is None or target.place.name not in names):
        return  # another scene
    given: set[str] = set()
    for count in figures:
        if count.field in given or count.field in target.counts and not is_death_of_victim(target, count):
            continue
        given.add(count.field)
        add_figure(target, count)


def is_death_of_victim(draft: Draft, count: Count) -> bool:
    """One person told to have died where the event counts injured and no dead yet."""
    return (count.field == "killed" and count.rule == "subject" and count.value == 1
            and "killed" not in draft.counts and draft.counts.get("injured", (0,))[0] >= 1)


def add_figure(draft: Draft, count: Count) -> None:
    """Add one figure; a victim who died moves from injured to killed."""
    if is_death_of_victim(draft, count):
        draft.move_injured_to_killed(count.span)
        return
    draft.add_count(count.field, count.value, count.span, exact=count.exact,
                    vague=not count.exact and count.qualifier is None)  # "dozens", "scores"
    if count.field == "killed" and count.rule == "subject" and count.value == 1:
        draft.died_subject = True
