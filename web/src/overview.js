// The overview: map, timeline and the filterable list, all driven by the filters in the URL.
import { MAX_ROWS, colourOf, fetchJson, hasIncidents, pickFilters } from "./api.js";
import { clear, formatCount, formatDate, h, routeLink } from "./dom.js";
import { drawMap, swatch } from "./map.js";
import { drawTimeline } from "./timeline.js";

const PAGE = 50;

function placeLabel(name, country) {
  return [name, country].filter(Boolean).join(", ") || "no place";
}

function eventMapItem(e) {
  const place = e.place || {};
  return { id: e.event_id, lat: place.lat ?? null, lon: place.lon ?? null, killed: e.killed, injured: e.injured,
    family: e.family, route: ["story", e.story_id, e.event_id],
    label: `${e.type} · ${placeLabel(place.name, place.country)} · ${formatDate(e.date, e.date_end)}` +
      ` · killed ${formatCount(e.killed)}, injured ${formatCount(e.injured)}` };
}

function incidentMapItem(i) {
  return { id: i.incident_id, lat: i.lat, lon: i.lon, killed: i.killed, injured: i.injured, family: i.family,
    route: ["incident", i.incident_id],
    label: `${i.type} · ${placeLabel(i.place_name, i.country)} · ${formatDate(i.date, i.date_end)}` +
      ` · ${i.source_count} source(s) · killed ${formatCount(i.killed)}, injured ${formatCount(i.injured)}` };
}

function go(parts) {
  location.hash = "#/" + parts.map((p) => encodeURIComponent(String(p))).join("/");
}

function figureCells(item) {
  return h("td", { className: "num nowrap", title: "killed / injured / arrested" },
    ["killed", "injured", "arrested"].map((k) => formatCount(item[k])).join(" / "));
}

function dateCell(start, end) {
  return h("td", { className: "nowrap" }, start || "undated", end ? h("div", { className: "muted small-print" }, "to " + end) : null);
}

function eventRow(e) {
  const place = e.place || {};
  return h("tr", { dataset: { type: e.type } },
    dateCell(e.date, e.date_end),
    h("td", { className: "nowrap" }, swatch(colourOf(e.family)), e.type, e.certainty !== "reported" ? h("div", { className: "muted small-print" }, e.certainty) : null),
    h("td", null, placeLabel(place.name, place.country)),
    figureCells(e),
    h("td", { className: "wrap" }, routeLink(["story", e.story_id, e.event_id], e.headline || e.sentence || "(story)"),
      h("div", { className: "muted small-print" }, e.source)));
}

function incidentRow(i) {
  return h("tr", { dataset: { type: i.type } },
    dateCell(i.date, i.date_end),
    h("td", { className: "nowrap" }, swatch(colourOf(i.family)), i.type, i.certainty !== "reported" ? h("div", { className: "muted small-print" }, i.certainty) : null),
    h("td", null, placeLabel(i.place_name, i.country)),
    figureCells(i),
    h("td", { className: "wrap" }, routeLink(["incident", i.incident_id],
      `${i.source_count} source${i.source_count === 1 ? "" : "s"}` + (i.differ && i.differ.length ? ` · figures differ: ${i.differ.join(", ")}` : "")),
      h("div", { className: "muted small-print" }, (i.sources || []).map((s) => s.headline || s.source).slice(0, 2).join(" | "))));
}

function drawList(container, page, mode, params, onPage) {
  clear(container);
  const headers = ["date", "type", "place", "k / i / a", mode === "incidents" ? "sources" : "story"];
  const rows = page.items.map(mode === "incidents" ? incidentRow : eventRow);
  const offset = Number(params.offset || 0);
  const shown = page.items.length ? `${offset + 1}–${offset + page.items.length} of ${page.total} ${mode}` : `no ${mode} match`;
  const prev = h("button", { type: "button", className: "small", disabled: offset <= 0 }, "‹ previous");
  const next = h("button", { type: "button", className: "small", disabled: offset + page.items.length >= page.total }, "next ›");
  prev.addEventListener("click", () => onPage(Math.max(0, offset - PAGE)));
  next.addEventListener("click", () => onPage(offset + PAGE));
  container.append(
    h("div", { className: "list-tools" }, h("span", { className: "list-count", id: "list-count" }, shown), prev, next),
    h("div", { className: "table-wrap" }, h("table", { className: "list", id: `${mode}-list` },
      h("thead", null, h("tr", null, headers.map((t) => h("th", null, t)))), h("tbody", null, rows))));
}

export async function showOverview(view, params, { setParams }) {
  const filters = pickFilters(params);
  const incidents = await hasIncidents();
  const mode = incidents && params.list !== "events" ? "incidents" : "events";
  const mapBox = h("section", { className: "panel map-panel" }, h("h2", null, incidents ? "Incidents" : "Events"), h("div", { id: "map" }));
  const timeBox = h("section", { className: "panel time-panel" }, h("h2", null, "Events per day"), h("div", { id: "timeline" }));
  const tabs = h("div", { className: "tabs" });
  if (incidents) {
    for (const name of ["incidents", "events"]) {
      const tab = h("button", { type: "button", className: name === mode ? "tab active" : "tab" }, name);
      tab.addEventListener("click", () => setParams({ ...params, list: name, offset: "" }));
      tabs.appendChild(tab);
    }
  }
  const exports = h("div", { className: "exports" }, "Export: ",
    ["acled", "plover", "geojson", "jsonl"].map((fmt) => {
      const a = h("a", { download: "" }, fmt);
      a.href = `/api/export/${fmt}?` + new URLSearchParams(filters).toString();
      return a;
    }));
  const listBox = h("section", { className: "panel list-panel" }, h("h2", null, "List"), tabs, h("div", { id: "list" }), exports);
  clear(view).append(h("div", { className: "overview" }, h("div", { className: "left" }, mapBox, timeBox), listBox));

  const timelineFilters = pickFilters(params, ["type", "family", "country", "place", "certainty", "q", "source"]);
  const [mapData, timeline, page] = await Promise.all([
    fetchJson(incidents ? "/api/incidents" : "/api/events", { ...filters, limit: MAX_ROWS }),
    fetchJson("/api/timeline", timelineFilters),
    fetchJson(mode === "incidents" ? "/api/incidents" : "/api/events", { ...filters, limit: PAGE, offset: params.offset || 0, sort: params.sort }),
  ]);
  const items = mapData.items.map(incidents ? incidentMapItem : eventMapItem);
  const more = mapData.total > mapData.items.length ? `showing ${mapData.items.length} of ${mapData.total}` : "";
  await drawMap(view.querySelector("#map"), items, { onPick: (item) => go(item.route), note: more });
  drawTimeline(view.querySelector("#timeline"), timeline.days, {
    selected: [params.date_from, params.date_to],
    onBrush: ([from, to]) => setParams({ ...params, date_from: from, date_to: to, offset: "" }),
  });
  drawList(view.querySelector("#list"), page, mode, params, (offset) => setParams({ ...params, offset: String(offset) }));
}
