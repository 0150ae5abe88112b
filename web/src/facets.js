// The filter form's choices with their counts, and countries by name.
//
// Countries: the API filters by ISO 3166 alpha-2 code (`country=NG`, what the URL keeps); the form
// shows and takes the country's English name (Nigeria), from the browser's own region names
// (Intl.DisplayNames: no table of names shipped twice), with the countries that have matches
// offered first. A two-letter code typed in still works.
//
// Counts: GET /api/facets with the current filters answers how many incidents each country, type
// and family has (docs/ui.md gives the shapes read). A server without it (404) shows the choices
// without counts, and the UI does not ask again.
import { fetchJson } from "./api.js";
import { h } from "./dom.js";

const regionNames = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "region" }) : null;
let codesByName = null;  // lower-case English name -> code, every region the browser names
let facetsAvailable = true;
const facetCache = new Map();

export function countryName(code) {
  if (!code) return "";
  try { return regionNames?.of(code.toUpperCase()) || code; } catch (_) { return code; }
}

function readCodesByName() {
  if (!codesByName) {
    codesByName = new Map();
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (const a of letters) for (const b of letters) {
      const name = countryName(a + b);
      if (name && name !== a + b) codesByName.set(name.toLowerCase(), a + b);
    }
  }
  return codesByName;
}

// The code for what was typed: a name the browser knows ("nigeria"), or a code ("ng"); null if neither.
export function countryCode(text) {
  const typed = String(text || "").trim();
  if (!typed) return "";
  const known = readCodesByName().get(typed.toLowerCase());
  if (known) return known;
  if (/^[A-Za-z]{2}$/.test(typed)) return typed.toUpperCase();
  return null;
}

// Every shape a facet list may come in, as [{value, count, name}].
export function readFacet(raw) {
  if (!raw) return [];
  if (Array.isArray(raw)) {
    return raw.map((item) => (Array.isArray(item) ? { value: item[0], count: item[1] }
      : { value: item.value ?? item.key ?? item.code ?? item.name, count: item.count ?? item.n, name: item.name }))
      .filter((item) => item.value !== undefined && item.value !== null);
  }
  return Object.entries(raw).map(([value, count]) => ({ value, count }));
}

// The facets for these filters ({country: [...], type: [...], family: [...]}), or null.
export async function fetchFacets(filters) {
  if (!facetsAvailable) return null;
  const key = new URLSearchParams(filters).toString();
  if (!facetCache.has(key)) {
    if (facetCache.size > 8) facetCache.delete(facetCache.keys().next().value);
    const request = fetchJson("/api/facets", filters).then((found) => found.facets || found).catch((error) => {
      facetCache.delete(key);
      if (error.status === 404 || error.status === 405) facetsAvailable = false;
      return null;
    });
    facetCache.set(key, request);
  }
  return facetCache.get(key);
}

function showCounts(select, facet) {
  const counts = new Map(facet.map((f) => [String(f.value), f.count]));
  for (const option of select.options) {
    if (!option.value) continue;
    const count = counts.get(option.value) ?? 0;
    option.textContent = `${option.value.replace(/_/g, " ")} (${count})`;
    option.dataset.count = String(count);
  }
}

// The country box's suggestions: the countries with matches first (with their counts), then every other.
export function fillCountries(list, facet) {
  const counted = facet ? readFacet(facet).filter((f) => f.count > 0).sort((a, b) => b.count - a.count) : [];
  const seen = new Set(counted.map((f) => String(f.value).toUpperCase()));
  const options = counted.map((f) => h("option", { value: f.name || countryName(f.value),
    dataset: { code: String(f.value).toUpperCase(), count: String(f.count) } }, `${String(f.value).toUpperCase()} · ${f.count}`));
  const rest = [...readCodesByName().entries()].filter(([, code]) => !seen.has(code))
    .map(([, code]) => countryName(code)).sort();
  list.replaceChildren(...options, ...[...new Set(rest)].map((name) => h("option", { value: name })));
}

// Counts next to the type, family and country choices, for the filters in the URL.
export async function drawFacets(form, filters) {
  const found = await fetchFacets(filters);
  const list = document.getElementById("country-names");
  form.classList.toggle("with-facets", Boolean(found));
  if (!found) {
    if (list && !list.options.length) fillCountries(list, null);
    return;
  }
  for (const name of ["type", "family"]) {
    const select = form.elements.namedItem(name);
    if (select && found[name]) showCounts(select, readFacet(found[name]));
  }
  if (list) fillCountries(list, found.country);
}
