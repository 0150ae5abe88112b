"""A part of a country told by a compass word: "a north-western mine", "the country's south".

    find_country_part("CO", "north-west")  ->  Place | None   (precision ``region``)

GeoNames has no such regions. The part is read off the gazetteer's own towns of the country:
the towns beyond the country's middle (the median of its towns' points) in that direction, and
the median of their points. "north-west" takes the towns north and west of the middle; "north"
those north of it. A country with too few towns has no part (None): its point stands instead.
"""
from __future__ import annotations

import re
import statistics
from functools import lru_cache

from .gazetteer import load_gazetteer
from .index import KIND_COUNTRY, KIND_PLACE
from .model import Place

MIN_TOWNS = 20  # fewer towns in the part than this tell no part of the country
_COMPASS = re.compile(r"^(north|south)?-?(east|west)?(?:ern)?$")


def read_direction(word: str) -> tuple[int, int] | None:
    """(north +1 / south -1 / 0, east +1 / west -1 / 0) of "north-western", "southeast", "west"."""
    match = _COMPASS.match(word.lower().replace(" ", "-"))
    if match is None or not (match.group(1) or match.group(2)):
        return None
    north = {"north": 1, "south": -1}.get(match.group(1) or "", 0)
    east = {"east": 1, "west": -1}.get(match.group(2) or "", 0)
    return north, east


def name_direction(compass: tuple[int, int]) -> str:
    """The adjective of a direction, whichever way the text wrote it: "northern", "south-western"."""
    north, east = compass
    parts = [{1: "north", -1: "south"}.get(north, ""), {1: "east", -1: "west"}.get(east, "")]
    return "-".join(part for part in parts if part) + "ern"


@lru_cache(maxsize=1)
def read_country_towns() -> dict[str, list[tuple[float, float]]]:
    """Country code -> the points of its towns in the gazetteer (one pass, once per process)."""
    gazetteer = load_gazetteer()
    towns: dict[str, list[tuple[float, float]]] = {}
    for country, kind, lat, lon in zip(gazetteer.countries, gazetteer.kinds, gazetteer.lat, gazetteer.lon,
                                       strict=True):
        if kind == KIND_PLACE:
            towns.setdefault(country, []).append((lat, lon))
    return towns


def lies_in_part(place: Place, direction: str) -> bool:
    """Whether a place lies that way of its country's middle (a town of "north-western Colombia");
    True where the country has no part to tell."""
    compass = read_direction(direction)
    towns = read_country_towns().get(place.country, [])
    if compass is None or len(towns) < MIN_TOWNS:
        return True
    north, east = compass
    middle_lat, middle_lon = find_middle(place.country)
    return (place.lat - middle_lat) * north >= 0 and (place.lon - middle_lon) * east >= 0


@lru_cache(maxsize=256)
def find_middle(country: str) -> tuple[float, float]:
    """The median point of a country's towns."""
    towns = read_country_towns().get(country, [])
    return statistics.median(lat for lat, _ in towns), statistics.median(lon for _, lon in towns)


@lru_cache(maxsize=256)
def find_country_part(country: str, direction: str) -> Place | None:
    """The part of a country a compass word names, at the median point of its towns there."""
    compass = read_direction(direction)
    gazetteer = load_gazetteer()
    row = gazetteer.country_rows.get(country)
    towns = read_country_towns().get(country, [])
    if compass is None or row is None or len(towns) < MIN_TOWNS:
        return None
    middle_lat, middle_lon = find_middle(country)
    north, east = compass
    part = [(lat, lon) for lat, lon in towns
            if (lat - middle_lat) * north >= 0 and (lon - middle_lon) * east >= 0]
    if len(part) < MIN_TOWNS:
        return None
    name = f"{name_direction(compass)} {gazetteer.names[row]}"
    assert gazetteer.kinds[row] == KIND_COUNTRY
    return Place(name=name, country=country, admin1=None, lat=round(statistics.median(lat for lat, _ in part), 5),
                 lon=round(statistics.median(lon for _, lon in part), 5), precision="region")
