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
    h("section", { className: "panel list-panel", "aria-label": "List" }, h("div", { id: "summary" }), tabs,
      h("div", { id: "list" }), exports, skipToMap()),
    h("section", { className: "panel map-panel", "aria-label": "Map" }, h("h2", null, incidents ? "Map of incidents" : "Map of events"),
      h("div", { id: "map-box" })));
  view.replaceChildren(root);
  const map = new IncidentMap(root.querySelector("#map-box"), {
    onPick: (row) => go(incidents ? ["incident", row.id] : ["story", ...row.id.split("/")]),
    onSearchArea: (bbox) => { keepView = true; setParams({ ...page.params, bbox: bbox || "", offset: "" }); },
  });
  return { root, map, tabs, exports, incidents, mapKey: null, timelineKey: null, summaryKey: null };
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

// The headline figures of the incidents that pass the filters (/api/summary: incidents, their
// source events, killed, injured, arrested, countries; the same sums an incident export has),
// and the same by country and by month, folded, with the summary's CSV.
const FIGURES = ["incidents", "events", "killed", "injured", "arrested", "countries"];
const MONTHS_SHOWN = 24;

function summaryTable(caption, keyName, rows, keyOf) {
  const head = h("tr", null, h("th", { scope: "col" }, keyName),
    ...FIGURES.slice(0, 5).map((name) => h("th", { scope: "col", className: "num" }, name)));
  return h("div", { className: "table-wrap" }, h("table", { className: "summary-table" }, h("caption", null, caption),
    h("thead", null, head),
    h("tbody", null, ...rows.map((row) => h("tr", null, h("td", null, keyOf(row)),
      ...FIGURES.slice(0, 5).map((name) => h("td", { className: "num" }, row[name].toLocaleString("en"))))))));
}

async function drawSummary(box, filters) {
  let found;
  try {
    found = await fetchJson("/api/summary", filters);
  } catch (error) {
    box.replaceChildren(h("p", { className: "muted" }, `Summary: ${error.message}`));
    return;
  }
  const { total, by_country: countries, by_month: months } = found;
  const figures = FIGURES.map((name) => h("span", { className: "figure", "data-figure": name, "data-value": String(total[name]) },
    h("b", null, total[name].toLocaleString("en")), ` ${total[name] === 1 ? name.replace(/(ies|s)$/, (m) => (m === "ies" ? "y" : "")) : name}`));
  const csv = h("a", { download: "" }, "summary csv");
  csv.href = `/api/summary.csv?${new URLSearchParams(filters).toString()}`;
  const recent = months.filter((m) => m.key).slice(-MONTHS_SHOWN).reverse();
  const undated = months.find((m) => !m.key);
  box.replaceChildren(
    h("p", { className: "summary-figures", "aria-label": "What matches" }, ...figures),
    h("details", { className: "summary-tables" },
      h("summary", null, "By country and by month"),
      summaryTable("By country", "country", countries, (row) => row.name || row.key || "no country"),
      summaryTable(months.length > MONTHS_SHOWN ? `By month (the last ${MONTHS_SHOWN} of ${months.length}; all in the csv)`
        : "By month", "month", undated ? [...recent, undated] : recent, (row) => row.key || "undated"),
      h("p", { className: "small-print" }, "Figures are each incident's shown toll (the latest report's); all of it: ", csv)));
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
  const summaryKey = JSON.stringify(filters);
  if (incidents && summaryKey !== state.summaryKey) {  // paging and sorting keep the figures
    state.summaryKey = summaryKey;
    drawSummary(state.root.querySelector("#summary"), filters);
  }

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
