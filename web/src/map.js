// The map (Leaflet + leaflet.markercluster) over the offline basemap. What it draws depends on
// how many of the matching incidents (or events) the view holds:
//   - POINTS_UNDER or more: the server's cells (/api/incidents/clusters, counted in SQL over a grid
//     sized by the zoom), each a circle with its count, sized by people killed and ringed by its
//     families' colours; a click zooms to what it holds (a cell of one opens it);
//   - fewer: the points themselves (/api/incidents/points with the view's box), clustered here
//     with their counts, each a circle sized by people killed and coloured by family; several on
//     one spot fan out when their cluster is clicked at the last zoom.
// Matches that are all fewer than POINTS_UNDER are fetched once and never again as the view moves;
// otherwise each move asks for the new view (after MOVE_DELAY, the request before it dropped).
// "Search this area" turns the view into the bbox filter.
import L from "./leaflet.js";  // first: it sets the global L that the plugin below extends
import "leaflet.markercluster";
import { fetchJson, fetchPoints, readPoints } from "./api.js";
import { addBasemap } from "./basemap.js";
import { colourOf } from "./colours.js";
import { h, swatch } from "./dom.js";

const WORLD = [[-58, -170], [75, 175]];
export const POINTS_UNDER = 1000;  // a view holding fewer is drawn point by point
const MOVE_DELAY = 250;  // ms after the view stops moving before it is fetched
const MAX_ZOOM = 12;

// A circle's radius in pixels: its area grows with the people killed; never under 5 px
// (8 px on a touch screen), so every incident can be seen and tapped.
export function radiusOf(killed, { touch = false } = {}) {
  return Math.min(26, (touch ? 8 : 5) + 2.4 * Math.sqrt(killed || 0));
}

const ClusterIcon = L.DivIcon.extend({
  createIcon(old) {
    const el = L.DivIcon.prototype.createIcon.call(this, old);
    el.setAttribute("role", "button");
    el.setAttribute("aria-label", this.options.label);
    el.title = this.options.label;
    el.dataset.count = String(this.options.count);
    if (this.options.ring) el.style.background = this.options.ring;  // CSSOM: the page's CSP allows it
    return el;
  },
});

function clusterIcon(cluster) {
  const count = cluster.getChildCount();
  const killed = cluster.getAllChildMarkers().reduce((n, m) => n + (m.options.killed || 0), 0);
  const size = Math.round(30 + 7 * Math.log10(count));
  const label = document.createElement("span");
  label.textContent = String(count);
  return new ClusterIcon({ html: label, className: "incident-cluster", iconSize: [size, size], count,
    label: `${count} incidents, ${killed} killed: zoom in` });
}

// A server cell: its count inside, its size by people killed, its ring the share of each family.
function cellIcon(cell, noun) {
  const size = Math.round(Math.min(64, 30 + 8 * Math.log10(1 + cell.killed)));
  const shares = Object.entries(cell.families).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  let seen = 0;
  const stops = shares.map(([family, n]) => {
    const from = (100 * seen) / cell.count;
    seen += n;
    return `${colourOf(family)} ${from.toFixed(1)}% ${((100 * seen) / cell.count).toFixed(1)}%`;
  });
  const label = document.createElement("span");
  label.textContent = String(cell.count);
  const what = cell.count === 1 ? `1 ${noun.replace(/s$/, "")}, ${cell.killed} killed: open`
    : `${cell.count} ${noun}, ${cell.killed} killed (${shares.map(([f, n]) => `${n} ${f.replace(/_/g, " ")}`).join(", ")}): zoom in`;
  return new ClusterIcon({ html: label, className: "incident-cluster map-cell", iconSize: [size, size],
    count: cell.count, label: what, ring: `conic-gradient(${stops.join(", ")})` });
}

// A bbox filter ("w,s,e,n") for what the map shows; null when it shows the whole world.
export function boxOf(bounds) {
  const west = bounds.getWest(), east = bounds.getEast();
  if (east - west >= 360) return null;
  const wrap = (lon) => ((((lon + 180) % 360) + 360) % 360) - 180;
  const clampLat = (lat) => Math.max(-90, Math.min(90, lat));
  const r = (n) => Math.round(n * 1000) / 1000;
  return [r(wrap(west)), r(clampLat(bounds.getSouth())), r(wrap(east)), r(clampLat(bounds.getNorth()))].join(",");
}

// The box to ask the server for: the view's, within the bbox filter when there is one (the
// filter's alone when either crosses the antimeridian, or they do not meet).
export function viewBox(view, filter) {
  if (!filter || !view) return filter || view;
  const [w1, s1, e1, n1] = view.split(",").map(Number);
  const [w2, s2, e2, n2] = filter.split(",").map(Number);
  if (w1 > e1 || w2 > e2) return filter;
  const box = [Math.max(w1, w2), Math.max(s1, s2), Math.min(e1, e2), Math.min(n1, n2)];
  return box[0] <= box[2] && box[1] <= box[3] ? box.join(",") : filter;
}

// A longitude moved by whole turns onto the copy of the world the view is centred on: the server
// answers in -180..180, but a view across the antimeridian runs past 180 (or below -180), and
// a mark drawn at -100 would sit one world away from the 260 the view shows.
export function nearView(lon, centre) {
  return lon + 360 * Math.round((centre - lon) / 360);
}

function boundsOfBox(bbox) {
  const [w, s, e, n] = bbox.split(",").map(Number);
  return L.latLngBounds([s, w], [n, e < w ? e + 360 : e]);
}

// One map for the life of the page: the overview keeps it across filter changes.
export class IncidentMap {
  constructor(container, { onPick, onSearchArea }) {
    this.touch = window.matchMedia("(pointer: coarse)").matches;
    this.onPick = onPick;
    const bar = h("div", { className: "map-tools" });
    const search = h("button", { type: "button", id: "search-area" }, "Search this area");
    const fit = h("button", { type: "button", className: "small", id: "fit-map" }, "Fit to the matches");
    search.addEventListener("click", () => onSearchArea(boxOf(this.map.getBounds())));
    fit.addEventListener("click", () => this.fit());
    this.note = h("span", { className: "muted small-print map-note", id: "map-note", role: "status" });
    bar.append(search, fit, this.note);
    this.legend = h("div", { className: "legend", id: "map-legend" });
    this.element = h("div", { id: "map", className: "map" });
    container.append(bar, this.element, this.legend);
    this.map = L.map(this.element, { minZoom: 1, maxZoom: MAX_ZOOM, zoomSnap: 0.5, worldCopyJump: true,
      attributionControl: true });
    this.element.leaflet = this.map;  // the tests read the zoom from it
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Natural Earth · GeoNames (CC BY 4.0) · Leaflet");
    this.map.fitBounds(WORLD);
    this.ready = addBasemap(this.map).catch((error) => {
      this.note.textContent = `The basemap did not load (${error.message}); the incidents are still drawn.`;
    });
    this.clusters = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 48,
      spiderfyOnMaxZoom: true, zoomToBoundsOnClick: true, iconCreateFunction: clusterIcon });
    this.cells = L.layerGroup();
    this.map.addLayer(this.clusters);
    this.map.addLayer(this.cells);
    // a circle's id and name go on its SVG element as it is drawn: hover text and tests read them
    this.map.on("layeradd", ({ layer }) => {
      const el = layer.options.rowId && layer.getElement && layer.getElement();
      if (!el || el.dataset.id) return;
      el.dataset.id = layer.options.rowId;
      const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
      title.textContent = layer.options.label;
      el.appendChild(title);
    });
    this.map.on("moveend", () => this.schedule(MOVE_DELAY));
    this.query = null;  // {kind, noun, filters} of what is shown
    this.whole = null;  // what the filters match in all: {total, located, unplaced}
    this.everything = false;  // every match is drawn already: moving asks for nothing
    this.request = null;  // the AbortController of the request in flight
    this.timer = null;
    this.bounds = null;
  }

  // New filters: what they match in all (how many, where), then what the view holds. fit: move the
  // view to the matches (or to bbox, the filter); else keep it ("Search this area").
  async show({ kind, noun, filters, fit, bbox }) {
    const query = { kind, noun, filters };
    this.query = query;
    this.whole = null;  // until it is known, a move asks for nothing (refresh)
    this.everything = false;
    this.setBusy(true);
    const signal = this.restart();
    let whole;
    try {
      whole = await fetchJson(`/api/${kind}/clusters`, { ...filters, zoom: 0 }, { signal });
      if (whole.located < POINTS_UNDER) {
        const found = await fetchPoints(kind, filters);
        if (this.query !== query) return;
        this.drawPoints(found.rows);
        this.everything = true;
      }
    } catch (error) {
      if (error.name !== "AbortError") this.fail(error);
      return;
    }
    if (this.query !== query) return;
    this.whole = whole;
    this.bounds = whole.cells.length ? whole.cells.reduce((b, c) => b.extend(boundsOfCell(c)), L.latLngBounds([])) : null;
    if (fit) this.fit(bbox);
    this.schedule(0);  // also when the view did not move
  }

  // Fetch the view after `delay` ms, unless it moves again first.
  schedule(delay) {
    if (!this.query) return;
    this.setBusy(true);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), delay);
  }

  // A new AbortController for the next request, the one before it dropped.
  restart() {
    if (this.request) this.request.abort();
    this.request = new AbortController();
    return this.request.signal;
  }

  async refresh() {
    const query = this.query;
    if (!query || !this.whole) return;
    if (this.everything) {
      this.describe(null);
      return;
    }
    const signal = this.restart();
    const zoom = Math.max(0, Math.floor(this.map.getZoom()));
    const box = viewBox(boxOf(this.map.getBounds().pad(0.25)), query.filters.bbox);
    const params = { ...query.filters, bbox: box || "" };
    try {
      const cells = await fetchJson(`/api/${query.kind}/clusters`, { ...params, zoom }, { signal });
      if (cells.located < POINTS_UNDER || this.map.getZoom() >= MAX_ZOOM) {
        const found = readPoints(await fetchJson(`/api/${query.kind}/points`, params, { signal }));
        if (this.query === query) this.drawPoints(found.rows);
      } else if (this.query === query) {
        this.drawCells(cells.cells, query.noun);
      }
    } catch (error) {
      if (error.name !== "AbortError") this.fail(error);
      return;
    }
    if (this.query === query) this.describe(box);
  }

  // rows: [{id, lat, lon, family, type, killed, date}]: each a circle, clustered here.
  drawPoints(rows) {
    this.cells.clearLayers();
    this.clusters.clearLayers();
    const located = rows.filter((r) => r.lat !== null && r.lon !== null);
    const centre = this.map.getCenter().lng;
    const markers = located.map((r) => {
      const marker = L.circleMarker([r.lat, nearView(r.lon, centre)], {
        radius: radiusOf(r.killed, { touch: this.touch }), color: "#ffffff", weight: 1, fillColor: colourOf(r.family),
        fillOpacity: 0.85, className: "incident-mark", rowId: r.id, killed: r.killed || 0,
        label: `${r.type} · ${r.date || "undated"} · ${r.killed ?? "–"} killed: open`,
      });
      marker.on("click", () => this.onPick(r));
      return marker;
    });
    this.clusters.addLayers(markers);
    this.element.dataset.mode = "points";
    this.shown = located.length;
    this.drawLegend([...new Set(located.map((r) => r.family))]);
  }

  // cells: the server's, [{lat, lon, count, killed, bounds, families, id}].
  drawCells(cells, noun) {
    this.clusters.clearLayers();
    this.cells.clearLayers();
    const centre = this.map.getCenter().lng;
    for (const cell of cells) {
      const marker = L.marker([cell.lat, nearView(cell.lon, centre)], { icon: cellIcon(cell, noun), keyboard: true, cell });
      marker.on("click", () => (cell.id ? this.onPick({ id: cell.id }) : this.zoomTo(cell)));
      this.cells.addLayer(marker);
    }
    this.element.dataset.mode = "cells";
    this.shown = cells.reduce((n, c) => n + c.count, 0);
    this.drawLegend([...new Set(cells.flatMap((c) => Object.keys(c.families)))], { cells: true });
  }

  // Zoom to the incidents of a cell: at least one step closer, so that each click splits it.
  zoomTo(cell) {
    const turn = nearView(cell.lon, this.map.getCenter().lng) - cell.lon;  // on the copy of the world in view
    const [w, south, e, north] = cell.bounds;
    const bounds = L.latLngBounds([south, w + turn], [north, e + turn]);
    const zoom = Math.min(MAX_ZOOM, Math.max(this.map.getZoom() + 1, this.map.getBoundsZoom(bounds.pad(0.2))));
    this.map.setView(bounds.getCenter(), zoom);
  }

  // The note under the tools: how many in all, how many without a place, what the view shows.
  describe(box) {
    const { noun } = this.query;
    const { located, unplaced } = this.whole;
    const inView = box && this.shown !== located ? `${this.shown} drawn in and around this view` : "";
    const how = this.element.dataset.mode === "cells" ? "counted by area: click a circle or zoom in to see each one" : "";
    this.note.textContent = [`${located} ${noun} on the map`, inView,
      unplaced ? `${unplaced} without a place (in the list only)` : "", how].filter(Boolean).join("; ");
    this.element.dataset.located = String(located);
    this.setBusy(false);
  }

  fail(error) {
    this.note.textContent = `The map could not be drawn: ${error.message}`;
    this.setBusy(false);
  }

  // data-busy while a view is asked for or drawn: the tests wait for it to go.
  setBusy(busy) {
    if (busy) this.element.dataset.busy = "true";
    else delete this.element.dataset.busy;
  }

  fit(bbox) {
    if (bbox) this.map.fitBounds(boundsOfBox(bbox));
    else if (this.bounds) this.map.fitBounds(this.bounds.pad(0.1), { maxZoom: 7 });
    else this.map.fitBounds(WORLD);
  }

  drawLegend(families, { cells = false } = {}) {
    const swatches = families.sort().map((f) => h("span", { className: "key" }, swatch(colourOf(f)), f.replace(/_/g, " ")));
    const sizes = [1, 10, 100].map((n) => {
      const dot = h("i", { className: "size-dot" });
      const d = 2 * radiusOf(n, { touch: this.touch });
      dot.style.width = dot.style.height = `${d}px`;
      return h("span", { className: "key" }, dot, `${n} killed`);
    });
    const how = cells ? [h("span", { className: "key muted" }, "·"),
      h("span", { className: "key" }, "a numbered circle: that many in one area, larger with more killed, ringed by their families")] : [];
    this.legend.replaceChildren(...swatches, h("span", { className: "key muted" }, "·"), ...sizes, ...how);
  }

  resize() {
    this.map.invalidateSize();
  }
}

function boundsOfCell(cell) {
  const [w, s, e, n] = cell.bounds;
  return L.latLngBounds([s, w], [n, e]);
}
