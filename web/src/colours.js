// Colours by family, read once from /api/types: the event-types table (data/event_types.csv) is
// the one place they are kept (Okabe and Ito's eight colour-blind-safe colours for the families
// that carry figures, Paul Tol's schemes for the statements and relations), so they are not
// written twice. A family the table does not give (or a server without /api/types) is grey.
import { fetchJson } from "./api.js";

export const UNKNOWN_COLOUR = "#777777";
const colours = new Map();

// Reads /api/types once, before the first view is drawn.
export async function loadColours() {
  try {
    const found = await fetchJson("/api/types");
    for (const { family, colour } of found.families || []) if (family && colour) colours.set(family, colour);
  } catch (error) {
    console.warn("no event types: every family is drawn grey", error);
  }
}

export function colourOf(family) {
  return colours.get(family) || UNKNOWN_COLOUR;
}

// Every family the table knows and its colour, in the table's order (the map's key).
export function listColours() {
  return [...colours.entries()];
}
