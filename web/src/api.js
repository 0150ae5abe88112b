// Talking to /api: every request goes through fetchJson, which turns the error envelope
// ({"error": {"status", "code", "message"}}) into an Error carrying the message.

// The filters every view shares, in the URL (#/?type=attack&date_from=2020): bbox is set by the
// map's "Search this area" and shown as a chip in the filter form.
// min_killed is offered only when the API declares it (app.js reads /openapi.json).
export const FILTER_NAMES = ["type", "family", "country", "place", "date_from", "date_to", "min_killed", "certainty", "q",
  "source", "actor", "actor_kind", "target_kind", "bbox"];
// What a view adds to the URL besides filters: the list tab, its order, the timeline's zoom.
export const VIEW_NAMES = ["list", "sort", "zoom"];

// signal: an AbortSignal that drops the request (the map's view moved on before it came back).
export async function fetchJson(path, params, { signal } = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { accept: "application/json" }, signal });
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

// Answers kept per set of filters, so paging the list or sorting it fetches nothing more: every
// point when the matches are few enough for the map to hold them all (map.js), and the days the
// timeline bins.
const answers = new Map();

function fetchOnce(path, filters, read) {
  const key = `${path}?${new URLSearchParams(filters)}`;
  if (!answers.has(key)) {
    if (answers.size > 16) answers.delete(answers.keys().next().value);
    const request = fetchJson(path, filters).then(read);
    request.catch(() => answers.delete(key));
    answers.set(key, request);
  }
  return answers.get(key);
}

// Every incident (or event) that passes the filters, as rows (/api/incidents/points).
export function fetchPoints(kind, filters) {
  return fetchOnce(`/api/${kind}/points`, filters, readPoints);
}

// The dated incidents (or events) that pass the filters per first day, as rows {date, count, killed}
// (/api/incidents/days): what the timeline bins, a few thousand rows however many match.
export function fetchDays(kind, filters) {
  return fetchOnce(`/api/${kind}/days`, filters,
    (found) => found.date.map((date, i) => ({ date, count: found.count[i], killed: found.killed[i] })));
}

// The columns of /api/.../points as one record per point.
export function readPoints(found) {
  const rows = found.id.map((id, i) => ({
    id, lat: found.lat[i], lon: found.lon[i], type: found.types[found.type[i]], family: found.families[found.family[i]],
    killed: found.killed[i], injured: found.injured[i], date: found.date[i],
  }));
  return { rows, total: found.total, truncated: found.truncated };
}
