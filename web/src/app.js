// The web UI's entry: a hash router (#/, #/stories, #/incident/ID, #/story/ID[/EVENT]) and
// the filter form, whose values live in the URL so every view can be bookmarked and shared.
// The filters (and the list's tab and order) are kept across views: the links back to the
// overview or the stories lead to the last one seen, filters and all.
import { FILTER_NAMES, VIEW_NAMES, fetchJson, pickFilters } from "./api.js";
import { loadColours } from "./colours.js";
import { clear, h } from "./dom.js";
import { countryCode, countryName, drawFacets } from "./facets.js";
import { showIncident } from "./incident.js";
import { showOverview } from "./overview.js";
import { lastView, rememberView, routeTo } from "./routes.js";
import { showStories, showStory } from "./story.js";

const view = document.getElementById("view");
const form = document.getElementById("filters");

function readRoute() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?");
  const parts = path.split("/").filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch (_) { return p; } });
  return { parts, params: Object.fromEntries(new URLSearchParams(query || "")) };
}

function setParams(params, base) {
  const target = routeTo(params, base ?? (readRoute().parts[0] === "stories" ? "stories" : ""));
  if (location.hash === target) render(); else location.hash = target;
}

function fillForm(params) {
  for (const name of FILTER_NAMES) {
    const field = form.elements.namedItem(name);
    if (field?.multiple) selectValues(field, params[name]);
    else if (field) field.value = (name === "country" ? countryName(params[name]) : params[name]) || "";
  }
  form.elements.namedItem("country").setCustomValidity("");
  form.elements.namedItem("date_to").setCustomValidity("");
  const chip = document.getElementById("area-chip");
  chip.hidden = !params.bbox;
  chip.querySelector("output").textContent = params.bbox ? params.bbox.split(",").join(", ") : "";
}

// A multiple choice (type, family) holds a comma list, as the API takes it; none chosen is "any".
function selectValues(select, list) {
  const values = (list || "").split(",").filter(Boolean);
  for (const option of select.options) option.selected = values.length ? values.includes(option.value) : !option.value;
}

function readValue(field) {
  if (!field?.multiple) return field?.value?.trim();
  return [...field.selectedOptions].map((option) => option.value).filter(Boolean).join(",");
}

function addOptions(select, values) {
  for (const value of values) select.appendChild(h("option", { value }, value));
}

async function loadVocabulary() {
  try {
    const vocab = await fetchJson("/api/vocabulary");
    addOptions(form.elements.namedItem("type"), vocab.types);
    addOptions(form.elements.namedItem("family"), vocab.families);
    addOptions(form.elements.namedItem("certainty"), vocab.certainties);
    addOptions(form.elements.namedItem("actor_kind"), vocab.actor_kinds || []);
    addOptions(form.elements.namedItem("target_kind"), vocab.actor_kinds || []);
  } catch (error) {
    console.warn("no vocabulary", error);
  }
}

// A filter the API may not have yet (data-needs-param) is shown only when the listings and the
// points declare it in /openapi.json, so the form never sends what the API would refuse.
async function showOptionalFilters() {
  const fields = [...form.querySelectorAll("[data-needs-param]")];
  if (!fields.length) return;
  try {
    const spec = await fetchJson("/openapi.json");
    const declares = (path, name) => (spec.paths?.[path]?.get?.parameters || []).some((p) => p.name === name);
    for (const field of fields) {
      const name = field.dataset.needsParam;
      field.hidden = !["/api/incidents", "/api/incidents/points", "/api/incidents/clusters", "/api/events"].every((path) => declares(path, name));
    }
  } catch (error) {
    console.warn("no API description: optional filters stay hidden", error);
  }
}

// Whether From comes after To, compared at the precision both give (2020 vs 2019-06: yes).
export function checkReversed(from, to) {
  if (!from || !to) return false;
  const n = Math.min(from.length, to.length);
  return from.slice(0, n) > to.slice(0, n);
}

function showError(error) {
  clear(view).appendChild(h("section", { className: "panel error", role: "alert" },
    h("h2", null, error.status === 404 ? "Not found" : "Something went wrong"), h("p", null, error.message)));
}

async function render() {
  const { parts, params } = readRoute();
  fillForm(params);
  drawFacets(form, pickFilters(params)).catch((error) => console.warn("no facets", error));
  const section = parts[0] === "stories" ? "stories" : parts.length ? "" : "overview";
  document.querySelectorAll("[data-nav]").forEach((a) => a.classList.toggle("active", a.dataset.nav === section));
  view.setAttribute("aria-busy", "true");
  try {
    if (parts[0] === "incident" && parts[1]) await showIncident(view, parts[1]);
    else if (parts[0] === "story" && parts[1]) await showStory(view, parts[1], parts[2]);
    else if (parts[0] === "stories") await showStories(view, params, { setParams });
    else await showOverview(view, params, { setParams });
    if (section) rememberView(section, location.hash);
    document.querySelectorAll("[data-nav]").forEach((a) => { a.href = lastView(a.dataset.nav); });
  } catch (error) {
    showError(error);
  } finally {
    view.setAttribute("aria-busy", "false");
    document.body.dataset.ready = "true";
    document.body.dataset.rendered = location.hash;  // which route the view now shows (tests wait on it)
  }
}

// Filter and Clear keep the view's tab, order and timeline zoom; they start the list over.
function viewParams() {
  const { params } = readRoute();
  return Object.fromEntries(VIEW_NAMES.filter((n) => params[n]).map((n) => [n, params[n]]));
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const params = viewParams();
  for (const name of FILTER_NAMES) {
    const value = readValue(form.elements.namedItem(name));
    if (value) params[name] = value;
  }
  const dateTo = form.elements.namedItem("date_to");
  dateTo.setCustomValidity(checkReversed(params.date_from, params.date_to)
    ? `To (${params.date_to}) is before From (${params.date_from}): swap them or change one.` : "");
  if (!dateTo.reportValidity()) return;
  if (params.country) {
    const code = countryCode(params.country);
    const field = form.elements.namedItem("country");
    if (!code) {
      field.setCustomValidity(`No country is called "${params.country}": pick one from the list, or type its two-letter code.`);
      field.reportValidity();
      return;
    }
    params.country = code;
  }
  setParams(params, readRoute().parts[0] === "stories" ? "stories" : "");
});
document.getElementById("clear-filters").addEventListener("click", () =>
  setParams(viewParams(), readRoute().parts[0] === "stories" ? "stories" : ""));
document.getElementById("clear-area").addEventListener("click", () => {
  const { parts, params } = readRoute();
  setParams({ ...params, bbox: "", offset: "" }, parts[0] === "stories" ? "stories" : "");
});
for (const name of ["country", "date_from", "date_to"]) {
  form.elements.namedItem(name).addEventListener("input", () => form.elements.namedItem(name === "date_from" ? "date_to" : name)
    .setCustomValidity(""));
}
window.addEventListener("hashchange", render);
Promise.all([loadVocabulary(), loadColours(), showOptionalFilters()]).then(render);
