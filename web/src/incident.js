// One incident: its merged figures and every source side by side, figures that differ marked.
import { fetchJson } from "./api.js";
import { colourOf } from "./colours.js";
import { clear, formatCount, formatDate, h, partyLabel, routeLink, safeLink, swatch } from "./dom.js";
import { lastView, routeTo } from "./routes.js";

const FIGURES = ["killed", "injured", "arrested"];

function rangeText(incident, name) {
  const low = incident[`${name}_low`], high = incident[`${name}_high`], best = incident[`${name}_best`];
  if (low === null || low === undefined) return formatCount(incident[name]);
  if (low === high) return String(low);
  return `${formatCount(incident[name])} (low ${low}, best ${formatCount(best)}, high ${high})`;
}

function sourceCard(source, incident) {
  const lowest = {};
  for (const name of FIGURES) {
    const values = incident.sources.map((s) => s[name]).filter((v) => v !== null && v !== undefined);
    lowest[name] = values.length ? Math.min(...values) : null;
  }
  const figures = h("table", { className: "figures" }, h("tbody", null, FIGURES.map((name) => {
    const differs = incident.differ.includes(name) && source[name] !== null && source[name] !== undefined;
    return h("tr", { className: differs ? "differs" : null },
      h("th", null, name), h("td", { className: "num" }, formatCount(source[name])),
      h("td", { className: "muted small-print" }, differs ? (source[name] === lowest[name] ? "differs · lowest" : "differs") : ""));
  })));
  return h("article", { className: "source-card" },
    h("h3", null, routeLink(["story", source.story_id, source.event_id], source.headline || "(no headline)")),
    h("div", { className: "muted small-print" }, source.source, " · ", source.published || "no date"),
    h("div", { className: "small-print" }, safeLink(source.url, source.url || "")),
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

export async function showIncident(view, id) {
  const incident = await fetchJson(`/api/incidents/${encodeURIComponent(id)}`);
  const place = [incident.place_name, incident.country].filter(Boolean).join(", ");
  const summary = h("table", { className: "figures summary" }, h("tbody", null,
    FIGURES.map((name) => h("tr", { className: incident.differ.includes(name) ? "differs" : null },
      h("th", null, name), h("td", null, rangeText(incident, name))))));
  clear(view).append(h("section", { className: "panel incident", id: "incident-view" },
    backLinks(incident),
    h("h2", null, swatch(colourOf(incident.family)), `${incident.type} · ${place || "no place"}`),
    h("p", { className: "muted" }, `${formatDate(incident.date, incident.date_end)} · ${incident.certainty} · `
      + `${incident.source_count} source${incident.source_count === 1 ? "" : "s"} · precision ${incident.precision || "–"}`),
    partiesLine(incident),
    summary,
    incident.differ.length
      ? h("p", { className: "warning" }, `The sources differ on: ${incident.differ.join(", ")}. The incident keeps the lowest figure (as ACLED does) and the range.`)
      : h("p", { className: "muted" }, "The sources agree on every figure they give."),
    h("div", { className: "sources" }, incident.sources.map((s) => sourceCard(s, incident)))));
}
