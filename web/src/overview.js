// The overview: the timeline, the list and the map, in that order on the page and for the
// keyboard (filters, then the list, then the map), all driven by the filters in the URL.
// The page is built once and kept while the filters change, so the map keeps its view and
// paging the list fetches only the page: the map asks for what its view holds when the filters
// change or the view moves (map.js), the timeline for the days once per set of filters (api.js).
import { fetchDays, fetchJson, hasIncidents, pickFilters } from "./api.js";
import { h } from "./dom.js";
import { drawList, PAGE } from "./list.js";
import { IncidentMap } from "./map.js";
import { drawTimeline } from "./timeline.js";

const DATELESS = ["type", "family", "country", "place", "min_killed", "certainty", "q", "source", "actor", "actor_kind", "target_kind",
  "bbox"];
let page = null;  // the built page: {root, map, ...}
let keepView = false;  // the next map update keeps the view ("Search this area")

function go(parts) {
  location.hash = "#/" + parts.map((p) => encodeURIComponent(String(p))).join("/");
}

function skipToMap() {
  const button = h("button", { type: "button", className: "small skip" }, "Jump to the map");
  button.addEventListener("click", () => document.getElementById("map")?.focus());
  return h("p", null, button);
}

function build(view, incidents, setParams) {
  const tabs = h("div", { className: "tabs", role: "group", "aria-label": "List" });
  const exports = h("div", { className: "exports", id: "exports" });
  const root = h("div", { className: "overview", id: "overview" },
    h("section", { className: "panel time-panel", "aria-labelledby": "timeline-title" }, h("div", { id: "timeline" })),
    h("section", { className: "panel list-panel", "aria-label": "List" }, tabs, h("div", { id: "list" }), exports,
      skipToMap()),
    h("section", { className: "panel map-panel", "aria-label": "Map" }, h("h2", null, incidents ? "Map of incidents" : "Map of events"),
      h("div", { id: "map-box" })));
  view.replaceChildren(root);
  const map = new IncidentMap(root.querySelector("#map-box"), {
    onPick: (row) => go(incidents ? ["incident", row.id] : ["story", ...row.id.split("/")]),
    onSearchArea: (bbox) => { keepView = true; setParams({ ...page.params, bbox: bbox || "", offset: "" }); },
  });
  return { root, map, tabs, exports, incidents, mapKey: null, timelineKey: null };
}

function drawTabs(state, mode, params, setParams) {
  state.tabs.replaceChildren(...(state.incidents ? ["incidents", "events"] : []).map((name) => {
    const tab = h("button", { type: "button", className: name === mode ? "tab active" : "tab",
      "aria-pressed": String(name === mode) }, name);
    tab.addEventListener("click", () => setParams({ ...params, list: name, offset: "", sort: "" }));
    return tab;
  }));
}

// Export links for what is on screen, one row per incident (or per event); on use, the note says
// how many rows the file has and what it leaves out, and why (/api/export/{fmt}/count).
const EXPORTS = { incidents: ["csv", "acled", "geojson", "jsonl"], events: ["acled", "plover", "geojson", "jsonl"] };

function drawExports(state, filters, mode) {
  const per = mode === "incidents" ? "incident" : "event";
  const note = h("span", { className: "muted", id: "export-note", role: "status" });
  const links = EXPORTS[mode].map((fmt) => {
    const query = new URLSearchParams({ ...filters, per }).toString();
    const a = h("a", { download: "" }, fmt);
    a.href = `/api/export/${fmt}?${query}`;
    const explain = async () => {
      let found;
      try {
        found = await fetchJson(`/api/export/${fmt}/count`, { ...filters, per });
      } catch (error) {
        note.textContent = `${fmt}: ${error.message}`;
        return;
      }
      const reasons = Object.entries(found.reasons).map(([why, n]) => `${n} ${why}`).join(", ");
      note.textContent = `${fmt}: ${found.rows} ${found.rows === 1 ? "row" : "rows"}, ${found.left_out} left out`
        + (reasons ? ` (${reasons})` : "");
    };
    a.addEventListener("click", explain);
    a.addEventListener("focus", explain);
    return a;
  });
  state.exports.replaceChildren(`Export the ${mode} that match, one row per ${per}: `, ...links, note);
}

export async function showOverview(view, params, { setParams }) {
  const incidents = await hasIncidents();
  if (!page || !view.contains(page.root)) page = build(view, incidents, setParams);
  const state = page;
  state.params = params;
  const filters = pickFilters(params);
  const mode = incidents && params.list !== "events" ? "incidents" : "events";
  const kind = incidents ? "incidents" : "events";
  drawTabs(state, mode, params, setParams);
  drawExports(state, filters, mode);

  const timelineFilters = pickFilters(params, DATELESS);
  const mapKey = JSON.stringify(filters);
  if (mapKey !== state.mapKey) {  // the map fetches on its own, beside the list
    state.map.show({ kind, noun: kind, filters, fit: !keepView, bbox: params.bbox });
    state.mapKey = mapKey;
    keepView = false;
  }
  const [days, listPage] = await Promise.all([
    fetchDays(kind, timelineFilters),
    fetchJson(`/api/${mode}`, { ...filters, limit: PAGE, offset: params.offset || 0, sort: params.sort }),
  ]);
  drawList(state.root.querySelector("#list"), listPage, mode, params, { setParams });

  const timelineKey = JSON.stringify([timelineFilters, params.date_from, params.date_to, params.zoom]);
  if (timelineKey !== state.timelineKey) {
    drawTimeline(state.root.querySelector("#timeline"), days, {
      noun: kind, selected: [params.date_from, params.date_to], zoomed: params.zoom === "dates",
      onBrush: ([from, to]) => setParams({ ...params, date_from: from, date_to: to, offset: "" }),
      onZoom: (zoom) => setParams({ ...params, zoom: zoom ? "dates" : "" }),
    });
    state.timelineKey = timelineKey;
  }
}
