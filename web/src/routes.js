// Where the links back lead: the overview and the stories as last shown, filters and all.
const lastSeen = { overview: "#/", stories: "#/stories" };

export function rememberView(name, hash) {
  if (name in lastSeen) lastSeen[name] = hash || "#/";
}

export function lastView(name) {
  return lastSeen[name];
}

// The hash of the overview (base "") or the stories (base "stories") with these params.
export function routeTo(params, base = "") {
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ""));
  const query = new URLSearchParams(clean).toString();
  return `#/${base}${query ? "?" + query : ""}`;
}
