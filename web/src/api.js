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

const FAMILY_COLOURS = {
  violence: "#c0392b", protest: "#2874a6", riot: "#d35400", disaster: "#7e5109", arrest: "#7d3c98",
  abduction: "#512e5f", interception: "#148f77", territory_change: "#b7950b", mobilize: "#5d6d7e",
  claim_responsibility: "#943126", threaten: "#a04000", accuse: "#6e2c00", deny: "#566573", demand: "#1f618d",
  warn: "#b9770e", meet: "#117a65", agree: "#1e8449", aid: "#239b56", sanction: "#4a235a",
};

export function colourOf(family) {
  return FAMILY_COLOURS[family] || "#616a6b";
}
