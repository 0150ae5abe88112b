"""The filter flags of `dateline events`, `incidents` and `export`, declared once.

    @with_filter_flags("events")                  --type --family --country --place
    def events_cli(db, filters, limit, fmt): ...   --since --until --certainty
                                                  --actor --actor-kind --target-kind
                                                  --min-killed --min-injured
                                                  (search=True: --text --source --bbox)

The decorator puts the flags where the command has its ``filters`` parameter (so
``--help`` lists them in that place) and, when the command runs, checks them as one
and hands the command one ``EventFilters``: the checks are the API's
(store/filter_checks.py), and a value the store cannot use is a usage error naming its
flag, before any database is opened. The store (SQLAlchemy) loads only when a command
runs, never for ``--help``.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer

from ..actors.records import ACTOR_KINDS
from ..models import CERTAINTIES

if TYPE_CHECKING:
    from ..store.filters import EventFilters

Command = Callable[..., None]

# (parameter, flag, help): "{noun}" is what the command lists
FILTER_FLAGS = (
    ("event_type", "--type", "Only {noun} of this event type (spec/events.md), e.g. attack; several as a comma "
                             "list (attack,bombing)."),
    ("family", "--family", "Only this family: 'violence' or any other type; several as a comma list."),
    ("country", "--country", "Only {noun} in this country: ISO 3166-1 alpha-2 code (UA) or English name "
                             "(Ukraine); several as a comma list."),
    ("place", "--place", "Only {noun} whose place name contains this (any case, accents optional)."),
    ("since", "--since", "Only {noun} on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    ("until", "--until", "Only {noun} on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    ("certainty", "--certainty", f"Only {{noun}} told as: {', '.join(CERTAINTIES)} (several: a comma list)."),
    ("actor", "--actor", "Only {noun} whose actor's name contains this (any case), or who the actor dictionary "
                         "knows by it (e.g. RSF)."),
    ("actor_kind", "--actor-kind", f"Only {{noun}} whose actor is of this kind: {', '.join(ACTOR_KINDS)}."),
    ("target_kind", "--target-kind", "Only {noun} whose target is of this kind (the same kinds, e.g. civilians)."),
    ("min_killed", "--min-killed", "Only {noun} with at least this many killed."),
    ("min_injured", "--min-injured", "Only {noun} with at least this many injured."),
)
NUMBER_FLAGS = frozenset({"min_killed", "min_injured"})
# the flag of each filter the checks name (store/filter_checks.py)
FLAG_OF_FILTER = {"type": "--type", "family": "--family", "country": "--country", "certainty": "--certainty",
                  "date_from": "--since", "date_to": "--until", "q": "--text", "bbox": "--bbox",
                  "actor_kind": "--actor-kind", "target_kind": "--target-kind", "min_killed": "--min-killed",
                  "min_injured": "--min-injured"}
SEARCH_FLAGS = (
    ("text", "--text", "Only {noun} from a story whose headline or body matches this full-text query: words "
                       "(all of them), \"a phrase\", OR, NOT or -word, (groups), prefix* (docs/api.md)."),
    ("source", "--source", "Only {noun} with a source whose outlet name or URL contains this (any case)."),
    ("bbox", "--bbox", "Only {noun} inside WEST,SOUTH,EAST,NORTH (degrees; WEST > EAST crosses the antimeridian)."),
)


def with_filter_flags(noun: str, *, search: bool = False) -> Callable[[Command], Command]:
    """Give a command the filter flags (and, with ``search``, --text, --source and --bbox)
    in place of its ``filters`` parameter, which receives them checked as one EventFilters."""
    flags = FILTER_FLAGS + (SEARCH_FLAGS if search else ())

    def decorate(command: Command) -> Command:
        signature = inspect.signature(command)
        parameters: list[inspect.Parameter] = []
        for parameter in signature.parameters.values():
            if parameter.name != "filters":
                parameters.append(parameter)
                continue
            parameters += [inspect.Parameter(
                name, parameter.kind, annotation=int if name in NUMBER_FLAGS else str,
                default=typer.Option(None, flag, help=text.format(noun=noun),
                                     min=0 if name in NUMBER_FLAGS else None)) for name, flag, text in flags]

        def run(**values: Any) -> None:
            given = {name: values.pop(name) for name, _, _ in flags}
            command(**values, filters=read_filter_flags(**given))

        run.__name__, run.__qualname__, run.__doc__ = command.__name__, command.__qualname__, command.__doc__
        run.__module__ = command.__module__
        run.__wrapped__ = command  # type: ignore[attr-defined]  # typing.get_type_hints finds the command's module
        run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]  # what Typer reads
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        return run

    return decorate


def read_filter_flags(*, event_type: str | None = None, family: str | None = None, country: str | None = None,
                      place: str | None = None, since: str | None = None, until: str | None = None,
                      certainty: str | None = None, text: str | None = None, source: str | None = None,
                      bbox: str | None = None, actor: str | None = None, actor_kind: str | None = None,
                      target_kind: str | None = None, min_killed: int | None = None,
                      min_injured: int | None = None) -> EventFilters:
    """The flags as EventFilters, checked as the API checks them (an empty value filters
    nothing), or a usage error naming the flag."""
    from ..errors import InvalidFilter
    from ..store.filter_checks import check_filters
    from ..store.filters import EventFilters, parse_bbox

    try:
        box = parse_bbox(bbox) if bbox else None
        return check_filters(EventFilters(
            type=event_type or None, family=family or None, country=country or None, place=place or None,
            date_from=since or None, date_to=until or None, certainty=certainty or None, bbox=box,
            q=text or None, source=source or None, actor=actor or None, actor_kind=actor_kind or None,
            target_kind=target_kind or None, min_killed=min_killed, min_injured=min_injured))
    except InvalidFilter as exc:
        message = str(exc).replace("date_from=", "--since ").replace("date_to=", "--until ")
        raise typer.BadParameter(message, param_hint=FLAG_OF_FILTER.get(exc.name, exc.name)) from None
