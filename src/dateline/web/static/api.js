// Talking to /api: every request goes through fetchJson, which turns the error envelope
// ({"error": {"status", "code", "message"}}) into an Error carrying the message.

export const FILTER_NAMES = ["type", "family", "country", "place", "date_from", "date_to", "certainty", "q", "source"];
export const MAX_ROWS = 1000;

export async function fetchJson(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  if (!response.ok) {
    const error = new Error(body?.error?.message || `${response.status} ${response.statusText}`);
    error.status = response.status;
    error.code = body?.error?.code;
    throw error;
  }
  return body;
}

export function pickFilters(params, names = FILTER_NAMES) {
  const out = {};
  for (const name of names) if (params[name]) out[name] = params[name];
  return out;
}

let incidentsAvailable = null;

// Whether to show incidents: the store has grouped some (`dateline incidents --refresh`,
// done after each ingest); else the UI shows events.
export async function hasIncidents() {
  if (incidentsAvailable === null) {
    try {
      const found = await fetchJson("/api/incidents", { limit: 1 });
      incidentsAvailable = found.total > 0;
    } catch (error) {
      incidentsAvailable = false;
    }
  }
  return incidentsAvailable;
}

// Family colours come from /api/types (data/event_types.csv): loadTypes() fills them once,
// before the first view is drawn; a family the table does not know is drawn grey.
const familyColours = new Map();

export async function loadTypes() {
  try {
    const found = await fetchJson("/api/types");
    for (const { family, colour } of found.families) familyColours.set(family, colour);
  } catch (error) {
    console.warn("no event types", error);
  }
}

export function colourOf(family) {
  return familyColours.get(family) || "#616a6b";
}
