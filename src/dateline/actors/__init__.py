"""The actor dictionary: who news names as doing violence, or suffering it, coded as ACLED codes them.

    find_actor("the Pentagon")                  -> Actor("Military Forces of the United States", "state_forces", "US")
    match_actors("an RSF drone strike on ...")  -> [ActorMatch(Rapid Support Forces, start=3, end=6, ...)]
    find_demonym("Ukrainian")                   -> "UA"
    get_actor("Rapid Support Forces").acled     -> "Rapid Support Forces"

Data: ``data/actors.csv`` (one row per actor: canonical name, aliases, ACLED kind, country,
ACLED and CAMEO names) and ``data/countries.csv`` (demonyms and institutions of each state,
the source of the generated state rows). docs/actors.md says what they hold and how to add
an actor. The files are read and indexed once per process (``load_actor_dictionary``).
"""
from .lookup import (
    ROLE_WORDS,
    ActorDictionary,
    find_actor,
    find_actors,
    find_demonym,
    get_actor,
    load_actor_dictionary,
    match_actors,
    read_actors_version,
)
from .records import ACLED_INTER, ACTOR_KINDS, Actor, ActorMatch, StateNames
from .table import ACTORS_FILE, COUNTRIES_FILE, GENERATED_MARKER, parse_actors, parse_states

__all__ = [
    "ACLED_INTER",
    "ACTORS_FILE",
    "ACTOR_KINDS",
    "COUNTRIES_FILE",
    "GENERATED_MARKER",
    "ROLE_WORDS",
    "Actor",
    "ActorDictionary",
    "ActorMatch",
    "StateNames",
    "find_actor",
    "find_actors",
    "find_demonym",
    "get_actor",
    "load_actor_dictionary",
    "match_actors",
    "parse_actors",
    "parse_states",
    "read_actors_version",
]
