// The list of incidents (or events) on the overview: a page at a time, sortable by its column
// headers (the order goes into the URL as `sort`), pagers above and below. Below 640 px wide each
// row becomes a card that keeps its figures (style.css).
import { colourOf } from "./colours.js";
import { formatCount, h, partiesText, routeLink, swatch } from "./dom.js";

export const PAGE = 50;
const FIGURES = ["killed", "injured", "arrested"];

// column title, the sort key it orders by (none: not sortable), the class of its cells
const COLUMNS = {
  incidents: [["date", "date"], ["type", "type"], ["place", "place"], ["killed / injured / arrested", "killed"],
    ["who → whom", null], ["sources", "sources"]],
  events: [["date", "date"], ["type", "type"], ["place", "place"], ["killed / injured / arrested", "killed"],
    ["who → whom", null], ["story", "source"]],
};

export function placeLabel(name, country) {
  return [name, country].filter(Boolean).join(", ") || "no place";
}

function figureCell(item) {
  return h("td", { className: "num nowrap figures", title: "killed / injured / arrested" },
    h("span", { className: "figure-names" }, "killed / injured / arrested: "),
    FIGURES.map((k) => formatCount(item[k])).join(" / "));
}

function dateCell(start, end) {
  return h("td", { className: "nowrap date" }, start || "undated",
    end ? h("div", { className: "muted small-print" }, "to " + end) : null);
}

function typeCell(item) {
  return h("td", { className: "nowrap type" }, swatch(colourOf(item.family)), item.type,
    item.certainty !== "reported" ? h("div", { className: "muted small-print" }, item.certainty) : null);
}

function partiesCell(item) {
  return h("td", { className: "wrap parties" }, partiesText(item.actor, item.target) || "–");
}

function eventRow(e) {
  const place = e.place || {};
  return h("tr", { dataset: { type: e.type } },
    dateCell(e.date, e.date_end), typeCell(e), h("td", { className: "where" }, placeLabel(place.name, place.country)),
    figureCell(e), partiesCell(e),
    h("td", { className: "wrap link" }, routeLink(["story", e.story_id, e.event_id], e.headline || e.sentence || "(story)"),
      h("div", { className: "muted small-print" }, e.source)));
}

function incidentRow(i) {
  const differ = i.differ && i.differ.length ? ` · figures differ: ${i.differ.join(", ")}` : "";
  return h("tr", { dataset: { type: i.type } },
    dateCell(i.date, i.date_end), typeCell(i), h("td", { className: "where" }, placeLabel(i.place_name, i.country)),
    figureCell(i), partiesCell(i),
    h("td", { className: "wrap link" },
      routeLink(["incident", i.incident_id], `${i.source_count} source${i.source_count === 1 ? "" : "s"}${differ}`),
      h("div", { className: "muted small-print" }, (i.sources || []).map((s) => s.headline || s.source).slice(0, 2).join(" | "))));
}

function header(mode, params, setParams) {
  const current = params.sort || "date";
  const key = current.replace(/^-/, "");
  return h("tr", null, COLUMNS[mode].map(([title, sortKey]) => {
    const cls = sortKey === "killed" ? "figures-head" : null;
    if (!sortKey) return h("th", { scope: "col", className: cls }, title);
    const active = sortKey === key;
    const descending = active && current.startsWith("-");
    const button = h("button", { type: "button", className: "sort" }, title,
      h("span", { "aria-hidden": "true" }, active ? (descending ? " ▼" : " ▲") : ""));
    button.addEventListener("click", () => setParams({ ...params, sort: active && !descending ? `-${sortKey}` : sortKey,
      offset: "" }));
    return h("th", { scope: "col", className: cls, "aria-sort": active ? (descending ? "descending" : "ascending") : null },
      button);
  }));
}

function pager(page, mode, offset, onPage) {
  const shown = page.items.length ? `${offset + 1}–${offset + page.items.length} of ${page.total} ${mode}`
    : `no ${mode} match`;
  const prev = h("button", { type: "button", className: "small", disabled: offset <= 0 }, "‹ previous");
  const next = h("button", { type: "button", className: "small", disabled: offset + page.items.length >= page.total },
    "next ›");
  prev.addEventListener("click", () => onPage(Math.max(0, offset - PAGE)));
  next.addEventListener("click", () => onPage(offset + PAGE));
  return h("div", { className: "list-tools" }, h("span", { className: "list-count" }, shown), prev, next);
}

export function drawList(container, page, mode, params, { setParams }) {
  const offset = Number(params.offset || 0);
  const onPage = (to) => setParams({ ...params, offset: to ? String(to) : "" });
  const top = pager(page, mode, offset, onPage);
  top.querySelector(".list-count").id = "list-count";
  container.replaceChildren(
    top,
    h("div", { className: "table-wrap" }, h("table", { className: "list", id: `${mode}-list` },
      h("thead", null, header(mode, params, setParams)),
      h("tbody", null, page.items.map(mode === "incidents" ? incidentRow : eventRow)))),
    pager(page, mode, offset, onPage));
}
