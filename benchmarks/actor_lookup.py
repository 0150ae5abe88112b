#!/usr/bin/env python3
"""Speed of the actor dictionary: building the index, exact look-ups, and matching in sentences.

    .venv/bin/python benchmarks/actor_lookup.py            # about 10 s on one core

Run on demand; not part of the test suite. The sentences are our own.
"""
from __future__ import annotations

import time

from dateline.actors import ActorDictionary
from dateline.actors.table import read_actors, read_states

ALIASES = ["RSF", "Russian forces", "the Pentagon", "ISWAP", "unidentified gunmen", "al-Shabaab", "Kenyan police",
           "Houthi rebels", "nobody in particular", "Tatmadaw", "SNA", "Fulani herders"]
SENTENCES = [
    "Russian forces shelled the port overnight, killing three civilians, regional officials said.",
    "Suspected al-Shabab militants ambushed a convoy of Kenyan police near the border on Tuesday.",
    "An RSF drone strike hit a market in El Fasher, the Sudanese army said in a statement.",
    "The mayor said the town had been quiet for weeks before the storm damaged the bridge.",
    "ISWAP fighters overran a military base after Nigerian troops withdrew from the area.",
    "Unidentified gunmen opened fire on worshippers leaving the mosque, police said.",
]


def time_per_call(function, items, *, seconds: float = 2.0) -> float:
    """Calls per second of ``function`` over ``items``, repeated for about ``seconds``."""
    calls = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for item in items:
            function(item)
        calls += len(items)
    return calls / (time.perf_counter() - start)


def main() -> None:
    start = time.perf_counter()
    version, actors = read_actors()
    dictionary = ActorDictionary(actors, read_states(), version=version)
    built = time.perf_counter() - start
    aliases = sum(len(actor.aliases) for actor in dictionary.actors)
    print(f"{dictionary.version}: {len(dictionary.actors)} actors, {aliases} aliases, index built in {built:.2f} s")
    print(f"find_actor:    {time_per_call(dictionary.find_actor, ALIASES):>9,.0f} look-ups/s")
    per_sentence = time_per_call(dictionary.match_actors, SENTENCES)
    words = sum(len(sentence.split()) for sentence in SENTENCES) / len(SENTENCES)
    print(f"match_actors:  {per_sentence:>9,.0f} sentences/s ({per_sentence * words:,.0f} words/s)")
    print(f"find_demonym:  {time_per_call(dictionary.find_demonym, ['Russian', 'Ukrainians', 'Martian']):>9,.0f} /s")


if __name__ == "__main__":
    main()
