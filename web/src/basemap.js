// The offline basemap under the incidents (web/basemap.mjs builds its files): land and country
// borders (Natural Earth 1:50m), first-level boundaries where Natural Earth draws them at that
// scale, and labels for countries and towns that appear as the map zooms in. No tiles, no network.
import { feature } from "topojson-client";
import L from "./leaflet.js";

let loading = null;
const ANTARCTICA = "010";  // below Web Mercator's 85° S: drawn as a band across the map, and no conflicts

// A ring that crosses the antimeridian jumps from 180° to -180°; Leaflet draws that jump as a
// line across the whole map. Shifting the points after the jump by 360° keeps the ring whole.
function unwrapRing(ring) {
  let shift = 0;
  let previous = null;
  return ring.map(([lon, lat]) => {
    if (previous !== null) {
      const step = lon + shift - previous;
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    previous = lon + shift;
    return [previous, lat];
  });
}

function unwrapCountries(collection) {
  collection.features = collection.features.filter((f) => f.id !== ANTARCTICA);
  for (const f of collection.features) {
    const g = f.geometry;
    if (!g) continue;
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    for (const polygon of polygons) for (let r = 0; r < polygon.length; r += 1) polygon[r] = unwrapRing(polygon[r]);
  }
  return collection;
}

function loadBasemap() {
  if (!loading) {
    const get = (name) => fetch(`/static/basemap/${name}`).then((r) => {
      if (!r.ok) throw new Error(`basemap ${name}: ${r.status}`);
      return r.json();
    });
    loading = Promise.all([get("countries.json"), get("admin1.json"), get("labels.json")])
      .then(([countries, admin1, labels]) => ({ countries: unwrapCountries(feature(countries, countries.objects.countries)), admin1, labels }));
  }
  return loading;
}

// Towns of at least this many people are labelled from this zoom on (capitals from zoom 4).
const PLACE_ZOOMS = [[4, 2000000], [5, 700000], [6, 250000], [7, 80000], [8, 30000], [9, 15000]];
const COUNTRY_ZOOMS = [[2, 150], [3, 20], [4, 2], [5, 0]];  // area in square degrees
const MAX_LABELS = 140;

function threshold(table, zoom) {
  let found = null;
  for (const [from, value] of table) if (zoom >= from) found = value;
  return found;
}

function labelIcon(text, kind) {
  const el = document.createElement("span");
  el.textContent = text;  // names are data: never parsed as HTML
  return L.divIcon({ className: `map-label ${kind}`, html: el, iconSize: null });
}

// Labels that fit: largest first, none on top of another (a coarse grid of screen cells).
function drawLabels(map, layer, labels) {
  layer.clearLayers();
  const zoom = map.getZoom();
  const bounds = map.getBounds().pad(0.05);
  const taken = new Set();
  let count = 0;
  const place = (name, lon, lat, kind) => {
    if (count >= MAX_LABELS || !bounds.contains([lat, lon])) return;
    const p = map.latLngToContainerPoint([lat, lon]);
    const width = Math.ceil((name.length * 7 + 10) / 90);
    const cells = [];
    for (let dx = 0; dx < width; dx += 1) cells.push(`${Math.floor(p.x / 90) + dx},${Math.floor(p.y / 22)}`);
    if (cells.some((c) => taken.has(c))) return;
    cells.forEach((c) => taken.add(c));
    layer.addLayer(L.marker([lat, lon], { icon: labelIcon(name, kind), interactive: false, keyboard: false, pane: "labels" }));
    count += 1;
  };
  const minArea = threshold(COUNTRY_ZOOMS, zoom);
  if (minArea !== null) for (const [name, lon, lat, area] of labels.countries) if (area >= minArea) place(name, lon, lat, "country");
  const minPeople = threshold(PLACE_ZOOMS, zoom);
  if (minPeople !== null) for (const [name, lon, lat, people] of labels.places) if (people >= minPeople) place(name, lon, lat, "town");
}

export async function addBasemap(map) {
  map.createPane("basemap").style.zIndex = 200;
  map.createPane("labels").style.zIndex = 450;
  map.getPane("labels").style.pointerEvents = "none";
  const { countries, admin1, labels } = await loadBasemap();
  const renderer = L.canvas({ pane: "basemap", padding: 0.3 });
  L.geoJSON(countries, { renderer, interactive: false,
    style: { color: "#8f8a7d", weight: 0.8, fillColor: "#ece7da", fillOpacity: 1 } }).addTo(map);
  const states = L.geoJSON(admin1, { renderer, interactive: false,
    style: { color: "#a39d8e", weight: 0.6, dashArray: "3 3" } });
  const labelLayer = L.layerGroup().addTo(map);
  const update = () => {
    if (map.getZoom() >= 4) states.addTo(map); else states.remove();
    drawLabels(map, labelLayer, labels);
  };
  map.on("zoomend moveend", update);
  update();
}
