// Colours by family: from /api/types (the event-types table) when the server has it, else the
// same colour-blind-safe palette kept here: Okabe and Ito's eight colours for the families
// that carry figures, Paul Tol's muted scheme (also safe for colour-blind readers) for the
// statements and relations. A family neither knows is grey.
import { fetchJson } from "./api.js";

const FALLBACK = {
  violence: "#D55E00", interception: "#009E73", territory_change: "#F0E442", abduction: "#000000",
  arrest: "#CC79A7", protest: "#0072B2", riot: "#E69F00", disaster: "#56B4E9",
  claim_responsibility: "#882255", accuse: "#CC6677", deny: "#AA4499", threaten: "#332288", demand: "#88CCEE",
  warn: "#DDCC77", meet: "#44AA99", agree: "#117733", aid: "#999933", mobilize: "#661100", sanction: "#6699CC",
};
export const UNKNOWN_COLOUR = "#777777";
const colours = new Map(Object.entries(FALLBACK));

// Reads /api/types once, before the first view is drawn; a server without it keeps the fallback.
export async function loadColours() {
  try {
    const found = await fetchJson("/api/types");
    for (const { family, colour } of found.families || []) if (family && colour) colours.set(family, colour);
  } catch (error) {
    if (error.status !== 404) console.warn("no event types", error);
  }
}

export function colourOf(family) {
  return colours.get(family) || UNKNOWN_COLOUR;
}
