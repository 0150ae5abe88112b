// The web UI's entry: a hash router (#/, #/stories, #/incident/ID, #/story/ID[/EVENT]) and
// the filter form, whose values live in the URL so every view can be bookmarked and shared.
import { FILTER_NAMES, fetchJson, loadTypes } from "./api.js";
import { clear, h } from "./dom.js";
import { showIncident } from "./incident.js";
import { showOverview } from "./overview.js";
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
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ""));
  const query = new URLSearchParams(clean).toString();
  const target = `#/${base ?? (readRoute().parts[0] === "stories" ? "stories" : "")}${query ? "?" + query : ""}`;
  if (location.hash === target) render(); else location.hash = target;
}

function fillForm(params) {
  for (const name of FILTER_NAMES) {
    const field = form.elements.namedItem(name);
    if (field) field.value = params[name] || "";
  }
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
  } catch (error) {
    console.warn("no vocabulary", error);
  }
}

function showError(error) {
  clear(view).appendChild(h("section", { className: "panel error", role: "alert" },
    h("h2", null, error.status === 404 ? "Not found" : "Something went wrong"), h("p", null, error.message)));
}

async function render() {
  const { parts, params } = readRoute();
  fillForm(params);
  document.querySelectorAll("[data-nav]").forEach((a) => a.classList.toggle("active",
    a.dataset.nav === (parts[0] === "stories" ? "stories" : parts.length ? "" : "overview")));
  view.setAttribute("aria-busy", "true");
  try {
    if (parts[0] === "incident" && parts[1]) await showIncident(view, parts[1]);
    else if (parts[0] === "story" && parts[1]) await showStory(view, parts[1], parts[2]);
    else if (parts[0] === "stories") await showStories(view, params, { setParams });
    else await showOverview(view, params, { setParams });
  } catch (error) {
    showError(error);
  } finally {
    view.setAttribute("aria-busy", "false");
    document.body.dataset.ready = "true";
    document.body.dataset.rendered = location.hash;  // which route the view now shows (tests wait on it)
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const { params: current } = readRoute();
  const params = current.list ? { list: current.list } : {};  // keep the list tab; filters start over
  for (const name of FILTER_NAMES) {
    const value = form.elements.namedItem(name)?.value?.trim();
    if (value) params[name] = value;
  }
  const onStories = readRoute().parts[0] === "stories";
  setParams(params, onStories ? "stories" : "");
});
document.getElementById("clear-filters").addEventListener("click", () => setParams({}, ""));
window.addEventListener("hashchange", render);
Promise.all([loadVocabulary(), loadTypes()]).then(render);
