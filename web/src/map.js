// The map (Leaflet + leaflet.markercluster) over the offline basemap: every matching incident
// (or event) that has a place, clustered with its count, a circle sized by people killed and
// coloured by family once zoomed in; several on one spot fan out when their cluster is clicked
// at the last zoom. "Search this area" turns the view into the bbox filter.
import L from "./leaflet.js";  // first: it sets the global L that the plugin below extends
import "leaflet.markercluster";
import { addBasemap } from "./basemap.js";
import { colourOf } from "./colours.js";
import { h, swatch } from "./dom.js";

const WORLD = [[-58, -170], [75, 175]];

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

// A bbox filter ("w,s,e,n") for what the map shows; null when it shows the whole world.
export function boxOf(bounds) {
  const west = bounds.getWest(), east = bounds.getEast();
  if (east - west >= 360) return null;
  const wrap = (lon) => ((((lon + 180) % 360) + 360) % 360) - 180;
  const clampLat = (lat) => Math.max(-90, Math.min(90, lat));
  const r = (n) => Math.round(n * 1000) / 1000;
  return [r(wrap(west)), r(clampLat(bounds.getSouth())), r(wrap(east)), r(clampLat(bounds.getNorth()))].join(",");
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
    this.map = L.map(this.element, { minZoom: 1, maxZoom: 12, zoomSnap: 0.5, worldCopyJump: true,
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
    this.map.addLayer(this.clusters);
    // a circle's id and name go on its SVG element as it is drawn: hover text and tests read them
    this.map.on("layeradd", ({ layer }) => {
      const el = layer.options.rowId && layer.getElement && layer.getElement();
      if (!el || el.dataset.id) return;
      el.dataset.id = layer.options.rowId;
      const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
      title.textContent = layer.options.label;
      el.appendChild(title);
    });
    this.bounds = null;
  }

  // rows: [{id, lat, lon, family, type, killed, date}]; fit: move the view to them (or to bbox).
  show(rows, { noun, total, truncated, fit, bbox }) {
    this.clusters.clearLayers();
    const located = rows.filter((r) => r.lat !== null && r.lon !== null);
    const markers = located.map((r) => {
      const marker = L.circleMarker([r.lat, r.lon], {
        radius: radiusOf(r.killed, { touch: this.touch }), color: "#ffffff", weight: 1, fillColor: colourOf(r.family),
        fillOpacity: 0.85, className: "incident-mark", rowId: r.id, killed: r.killed || 0,
        label: `${r.type} · ${r.date || "undated"} · ${r.killed ?? "–"} killed: open`,
      });
      marker.on("click", () => this.onPick(r));
      return marker;
    });
    this.clusters.addLayers(markers);
    this.bounds = located.length ? L.latLngBounds(located.map((r) => [r.lat, r.lon])) : null;
    if (fit) this.fit(bbox);
    const unplaced = rows.length - located.length;
    this.note.textContent = [
      `${located.length} ${noun} on the map`,
      unplaced ? `${unplaced} without a place (in the list only)` : "",
      truncated ? `only ${rows.length} of ${total} fetched: narrow the filters to see the rest` : "",
    ].filter(Boolean).join("; ");
    this.element.dataset.located = String(located.length);
    this.drawLegend(located);
  }

  fit(bbox) {
    if (bbox) this.map.fitBounds(boundsOfBox(bbox));
    else if (this.bounds) this.map.fitBounds(this.bounds.pad(0.1), { maxZoom: 7 });
    else this.map.fitBounds(WORLD);
  }

  drawLegend(rows) {
    const families = [...new Set(rows.map((r) => r.family))].sort();
    const swatches = families.map((f) => h("span", { className: "key" }, swatch(colourOf(f)), f.replace(/_/g, " ")));
    const sizes = [1, 10, 100].map((n) => {
      const dot = h("i", { className: "size-dot" });
      const d = 2 * radiusOf(n, { touch: this.touch });
      dot.style.width = dot.style.height = `${d}px`;
      return h("span", { className: "key" }, dot, `${n} killed`);
    });
    this.legend.replaceChildren(...swatches, h("span", { className: "key muted" }, "·"), ...sizes);
  }

  resize() {
    this.map.invalidateSize();
  }
}
