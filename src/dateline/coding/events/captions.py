"""What a story's captions add to its events: a date to read the text by, and a finer scene.

    read_caption_date(captions)                     the latest date the captions give with its year
    refine_scenes(drafts, captions, context=...)    a country or region scene -> the one place the
                                                    captions name inside it

A caption says where and when its picture was taken ("Landslide in Gramalote, Norte de
Santander, Colombia 9 May 2029."). Two rules follow:

- A story with no published date reads its dates against the latest day its captions give
  ("heavy rain on 1 May" -> 2021-05-01), and an event the text gives no date takes the
  captions' date (a day, else a month: "May 2021") as its stand-in news day.
- An event whose scene is only a country or a region takes the place the captions name
  inside it ("a landslide in Norte de Santander department" with a caption "Rescuers in
  Gramalote, Norte de Santander, Colombia": Gramalote), when the captions name exactly one such
  place; a caption naming places elsewhere changes nothing.
"""
from __future__ import annotations

from collections.abc import Sequence

from ...models import EventPlace
from ..dates import find_dates
from ..places import Place, PlaceContext, find_places
from .merge import Draft

FINER = {"country": ("region", "place"), "region": ("place",)}


def read_caption_date(captions: Sequence[str]) -> str | None:
    """The latest day the captions give with its own year, else the latest month; None when none.

    A caption date without a year ("on 1 May") fixes nothing here: there is no story date
    to place it by."""
    days: list[str] = []
    months: list[str] = []
    for caption in captions:
        for mention in find_dates(caption, story_date=None):
            if mention.value is None or mention.certainty is not None:
                continue
            if len(mention.value) == 10:
                days.append(mention.value)
            elif len(mention.value) == 7:
                months.append(mention.value)
    if days:
        return max(days)
    return max(months) if months else None


def find_caption_places(captions: Sequence[str], *, context: PlaceContext) -> list[Place]:
    """The towns and regions the captions name, in order, each once."""
    found: list[Place] = []
    for caption in captions:
        for _, _, place in find_places(caption, context=context):
            if place.precision != "country" and all(place.name != known.name for known in found):
                found.append(place)
    return found


def is_inside(place: Place, scene: EventPlace) -> bool:
    """The caption's place lies in the event's country or region, and is finer than it."""
    if place.country != scene.country or place.precision not in FINER.get(scene.precision or "", ()):
        return False
    return scene.precision == "country" or bool(scene.admin1) and place.admin1 == scene.admin1


def refine_scenes(drafts: Sequence[Draft], captions: Sequence[str], *, context: PlaceContext) -> None:
    """Put each country- or region-wide event at the one place inside it the captions name."""
    if not captions or not any(d.place is not None and d.place.precision in FINER for d in drafts):
        return
    places = find_caption_places(captions, context=context)
    for draft in drafts:
        scene = draft.place
        if scene is None or scene.precision not in FINER:
            continue
        inside = [place for place in places if is_inside(place, scene)]
        towns = [place for place in inside if place.precision == "place"]
        chosen = towns if towns else inside
        if len(chosen) != 1:
            continue
        place = chosen[0]
        draft.place = EventPlace(name=place.name, country=place.country, admin1=place.admin1, lat=place.lat,
                                 lon=place.lon, precision=place.precision, span=None)
