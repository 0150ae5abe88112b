// One incident: its figures (the latest report's, docs/incidents.md), the toll across reports as a
// small chart (uPlot), and every source side by side in publication order, named by its outlet.
import uPlot from "uplot";
import { fetchJson } from "./api.js";
import { colourOf } from "./colours.js";
import { clear, formatCount, formatDate, h, partyLabel, routeLink, safeLink, swatch } from "./dom.js";
import { lastView, routeTo } from "./routes.js";

const FIGURES = ["killed", "injured", "arrested"];
const TOLL_COLOURS = { killed: "#D55E00", injured: "#0072B2", arrested: "#009E73" };  // Okabe-Ito
const AXIS_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

function rangeText(incident, name) {
  const low = incident[`${name}_low`], high = incident[`${name}_high`], best = incident[`${name}_best`];
  if (low === null || low === undefined) return formatCount(incident[name]);
  if (low === high) return String(low);
  return `${formatCount(incident[name])} (low ${low}, best ${formatCount(best)}, high ${high})`;
}

function sourceCard(source, incident) {
  const figures = h("table", { className: "figures" }, h("tbody", null, FIGURES.map((name) => {
    const differs = incident.differ.includes(name) && source[name] !== null && source[name] !== undefined;
    return h("tr", { className: differs ? "differs" : null },
      h("th", null, name), h("td", { className: "num" }, formatCount(source[name])),
      h("td", { className: "muted small-print" }, differs ? (source[name] === incident[name] ? "differs · shown" : "differs") : ""));
  })));
  return h("article", { className: "source-card" },
    h("h3", null, routeLink(["story", source.story_id, source.event_id], source.headline || "(no headline)")),
    h("div", { className: "outlet" }, h("b", null, source.outlet || "unknown outlet"), " · ",
      source.published ? source.published.replace("T", " ") : "no publication date"),
    h("div", { className: "small-print" }, safeLink(source.url, source.url || "")),
    h("div", { className: "muted small-print source-path" }, "read from ", source.source),
    figures,
    h("p", { className: "sentence" }, source.sentence || ""),
    h("div", { className: "muted small-print" }, "trigger: ", h("b", null, source.trigger || "–")));
}

// Back to the overview as it was left, and to the overview of what happened near this incident.
function backLinks(incident) {
  const back = h("a", null, "‹ back to the overview");
  back.href = lastView("overview");
  const links = [back];
  if (incident.lat !== null && incident.lon !== null) {
    const r = (n) => Math.round(n * 1000) / 1000;
    const box = [r(Math.max(-180, incident.lon - 1)), r(Math.max(-90, incident.lat - 1)),
      r(Math.min(180, incident.lon + 1)), r(Math.min(90, incident.lat + 1))].join(",");
    const near = h("a", { id: "nearby" }, "incidents within about 100 km on the map");
    near.href = routeTo({ bbox: box });
    links.push(" · ", near);
  }
  return h("p", null, links);
}

// Who did it to whom: the actor and the target most of the sources give.
function partiesLine(incident) {
  if (!incident.actor && !incident.target) {
    return h("p", { className: "parties muted", id: "incident-parties" }, "The sources name no actor or target.");
  }
  return h("p", { className: "parties", id: "incident-parties" }, "Who did it to whom: ",
    h("b", { className: "actor" }, partyLabel(incident.actor)), " → ",
    h("b", { className: "target" }, partyLabel(incident.target)));
}

function pointLabel(point) {
  const figures = FIGURES.filter((name) => point[name] !== null && point[name] !== undefined)
    .map((name) => `${point[name]} ${name}`);
  return `${point.published ? point.published.replace("T", " ") : "no date"} · ${point.outlets.join(", ")}: `
    + (figures.length ? figures.join(", ") : "no figures");
}

// The toll across reports: each report's figures at its publication time, in order, as a list (what
// a screen reader reads) and as a small chart of the counts some report gives.
function tollHistory(incident) {
  const history = incident.history || [];
  const section = h("section", { className: "toll-history", id: "toll-history", "aria-labelledby": "toll-title" },
    h("h3", { id: "toll-title" }, "The toll across reports"),
    h("ol", { className: "small-print", id: "toll-list" }, history.map((point) => h("li", null, pointLabel(point)))));
  const dated = history.filter((p) => p.published && FIGURES.some((name) => p[name] !== null));
  const shown = FIGURES.filter((name) => dated.some((p) => p[name] !== null));
  if (dated.length < 2 || !shown.length) return { section, draw: () => {} };
  const chart = h("div", { className: "toll-chart", id: "toll-chart", role: "img",
    "aria-label": `Toll across ${dated.length} reports: ${dated.map(pointLabel).join("; ")}` });
  section.insertBefore(chart, section.querySelector("ol"));
  const xs = dated.map((p) => Date.parse(p.published.length > 10 ? p.published : `${p.published}T00:00`) / 1000);
  const pad = Math.max(3600, (xs[xs.length - 1] - xs[0]) * 0.08);  // room for the first and last points
  const draw = () => {
    const opts = {
      width: Math.max(260, Math.min(560, chart.clientWidth || 480)),
      height: 160,
      legend: { show: true },
      scales: { x: { time: true, range: [xs[0] - pad, xs[xs.length - 1] + pad] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      series: [{}, ...shown.map((name) => ({ label: name, stroke: TOLL_COLOURS[name], width: 2,
        points: { show: true, size: 7 }, paths: uPlot.paths.stepped({ align: 1 }) }))],
      axes: [{ font: AXIS_FONT, space: 80, grid: { show: false } }, { font: AXIS_FONT, size: 40 }],
    };
    chart.uplot = new uPlot(opts, [xs, ...shown.map((name) => dated.map((p) => p[name]))], chart);
  };
  return { section, draw };
}

export async function showIncident(view, id) {
  const incident = await fetchJson(`/api/incidents/${encodeURIComponent(id)}`);
  const place = [incident.place_name, incident.country].filter(Boolean).join(", ");
  const summary = h("table", { className: "figures summary" }, h("tbody", null,
    FIGURES.map((name) => h("tr", { className: incident.differ.includes(name) ? "differs" : null },
      h("th", null, name), h("td", null, rangeText(incident, name))))));
  const toll = tollHistory(incident);
  clear(view).append(h("section", { className: "panel incident", id: "incident-view" },
    backLinks(incident),
    h("h2", null, swatch(colourOf(incident.family)), `${incident.type} · ${place || "no place"}`),
    h("p", { className: "muted" }, `${formatDate(incident.date, incident.date_end)} · ${incident.certainty} · `
      + `${incident.source_count} source${incident.source_count === 1 ? "" : "s"} · precision ${incident.precision || "–"}`),
    partiesLine(incident),
    summary,
    incident.differ.length
      ? h("p", { className: "warning" }, `The sources differ on: ${incident.differ.join(", ")}. The incident shows `
        + "the latest report's figures (as ACLED updates a toll; the lowest where reports of one day conflict) and the range.")
      : h("p", { className: "muted" }, "The sources agree on every figure they give."),
    toll.section,
    h("h3", null, "Sources, in the order they were published"),
    h("div", { className: "sources" }, incident.sources.map((s) => sourceCard(s, incident)))));
  toll.draw();
}
