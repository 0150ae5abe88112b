"""The filter flags of `dateline events`, `incidents` and `export`, declared once.

    @with_filter_flags("events")                  --type --family --country --place
    def events_cli(db, filters, limit, fmt): ...   --since --until --certainty
                                                  --actor --actor-kind --target-kind
                                                  (search=True: --text --source --bbox)

The decorator puts the flags where the command has its ``filters`` parameter (so
``--help`` lists them in that place) and, when the command runs, checks them as one
and hands the command one ``EventFilters``: a value the store cannot use is a usage
error naming its flag, before any database is opened. The store (SQLAlchemy) loads
only when a command runs, never for ``--help``.
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
    ("event_type", "--type", "Only {noun} of this event type (spec/events.md), e.g. attack."),
    ("family", "--family", "Only this family: 'violence' or any other type."),
    ("country", "--country", "Only {noun} in this country (ISO 3166-1 alpha-2, e.g. UA)."),
    ("place", "--place", "Only {noun} whose place name contains this (any case, accents optional)."),
    ("since", "--since", "Only {noun} on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    ("until", "--until", "Only {noun} on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    ("certainty", "--certainty", f"Only {{noun}} told as: {', '.join(CERTAINTIES)}."),
    ("actor", "--actor", "Only {noun} whose actor's name contains this (any case), or who the actor dictionary "
                         "knows by it (e.g. RSF)."),
    ("actor_kind", "--actor-kind", f"Only {{noun}} whose actor is of this kind: {', '.join(ACTOR_KINDS)}."),
    ("target_kind", "--target-kind", "Only {noun} whose target is of this kind (the same kinds, e.g. civilians)."),
)
SEARCH_FLAGS = (
    ("text", "--text", "Only {noun} with a source whose headline, sentence or trigger contains this (any case)."),
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
            parameters += [inspect.Parameter(name, parameter.kind, annotation=str,
                                             default=typer.Option(None, flag, help=text.format(noun=noun)))
                           for name, flag, text in flags]

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
                      target_kind: str | None = None) -> EventFilters:
    """The flags as EventFilters (an empty value filters nothing), or a usage error naming the flag."""
    from ..errors import InvalidFilter
    from ..store.filters import EventFilters, check_date_filter, parse_bbox

    if certainty is not None and certainty not in CERTAINTIES:
        raise typer.BadParameter(f"{certainty!r} is not a certainty: choose one of {', '.join(CERTAINTIES)}",
                                 param_hint="--certainty")
    for flag, kind in (("--actor-kind", actor_kind), ("--target-kind", target_kind)):
        if kind and kind not in ACTOR_KINDS:
            raise typer.BadParameter(f"{kind!r} is not an actor kind: choose one of {', '.join(ACTOR_KINDS)}",
                                     param_hint=flag)
    try:
        for flag, value in (("--since", since), ("--until", until)):
            if value is not None:
                check_date_filter(value, name=flag)
        box = parse_bbox(bbox) if bbox is not None else None
    except InvalidFilter as exc:
        raise typer.BadParameter(str(exc), param_hint="--bbox" if exc.name == "bbox" else exc.name) from None
    return EventFilters(type=event_type or None, family=family or None, country=country or None,
                        place=place or None, date_from=since or None, date_to=until or None,
                        certainty=certainty or None, bbox=box, q=text or None, source=source or None,
                        actor=actor or None, actor_kind=actor_kind or None, target_kind=target_kind or None)
