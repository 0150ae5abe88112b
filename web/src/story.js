// One story: its text with entities, quotes and event fields highlighted (every mark built
// from character offsets, the text inserted as text), its events beside it, removed lines apart.
import { fetchJson } from "./api.js";
import { colourOf } from "./colours.js";
import { clear, formatCount, formatDate, h, partiesText, routeLink, safeLink, swatch } from "./dom.js";
import { lastView } from "./routes.js";

function cssName(text) {
  return String(text || "").toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

// Every highlighted stretch: {start, end, cls, title, event}.
export function collectMarks(story) {
  const marks = [];
  const add = (span, cls, title, event = null) => {
    if (Array.isArray(span) && span.length === 2 && span[1] > span[0]) marks.push({ start: span[0], end: span[1], cls, title, event });
  };
  for (const entity of story.entities) {
    for (const m of entity.spans) add([m.start, m.end], `ent ent-${cssName(entity.type)}`, `${entity.name} (${entity.type})`);
  }
  for (const quote of story.quotes) {
    const parts = quote.parts && quote.parts.length ? quote.parts : [quote.span];
    for (const part of parts) add(part, "quote", `quote${quote.speaker ? " by " + quote.speaker : ""}`);
    add(quote.speaker_span, "speaker", "speaker");
  }
  story.events.forEach((event, i) => {
    const spans = event.spans || {};
    add(spans.trigger, "trigger", `${event.type} (trigger)`, i);
    add(spans.date, "when", `date of ${event.type}: ${formatDate(event.date, event.date_end)}`, i);
    for (const [name, span] of Object.entries(spans.counts || {})) add(span, "count", `${name}: ${event[name]}`, i);
    if (event.place && event.place.span) add(event.place.span, "place", `place: ${event.place.name}`, i);
    for (const span of spans.actors || []) add(span, "actor", "actor", i);
    for (const span of spans.targets || []) add(span, "target", "target", i);
  });
  return marks;
}

// The text cut where any mark starts or ends; each piece carries the marks covering it.
export function splitText(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(Math.max(0, Math.min(text.length, m.start))); cuts.add(Math.max(0, Math.min(text.length, m.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    pieces.push({ text: text.slice(a, b), marks: marks.filter((m) => m.start <= a && m.end >= b) });
  }
  return pieces;
}

function renderText(text, marks) {
  const body = h("div", { className: "story-text", id: "story-text" });
  for (const piece of splitText(text, marks)) {
    if (!piece.marks.length) { body.appendChild(document.createTextNode(piece.text)); continue; }
    const classes = [...new Set(piece.marks.flatMap((m) => m.cls.split(" ")))].join(" ");
    const events = [...new Set(piece.marks.map((m) => m.event).filter((e) => e !== null))];
    const span = h("span", { className: classes, title: [...new Set(piece.marks.map((m) => m.title))].join("; "),
      dataset: events.length ? { events: events.join(" ") } : null }, piece.text);
    body.appendChild(span);
  }
  return body;
}

function focusEvent(root, index) {
  root.querySelectorAll(".focus").forEach((el) => el.classList.remove("focus"));
  const hits = [...root.querySelectorAll("[data-events]")].filter((el) => el.dataset.events.split(" ").includes(String(index)));
  hits.forEach((el) => el.classList.add("focus"));
  root.querySelectorAll(".event-card")[index]?.classList.add("focus");
  if (hits[0]) hits[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

function eventCard(event, i, root) {
  const place = event.place ? [event.place.name, event.place.country].filter(Boolean).join(", ") : "no place";
  const card = h("article", { className: "event-card", tabindex: 0, dataset: { eventId: event.event_id } },
    h("h3", null, swatch(colourOf(event.family)), event.type),
    h("div", null, `${formatDate(event.date, event.date_end)} · ${place}`),
    h("div", { className: "small-print" }, `killed ${formatCount(event.killed)} · injured ${formatCount(event.injured)} · arrested ${formatCount(event.arrested)}`),
    h("div", { className: "muted small-print" }, `${event.certainty} · trigger “${event.trigger}”`),
    event.actor || event.target ? h("div", { className: "parties" }, partiesText(event.actor, event.target)) : null,
    event.actors.length ? h("div", { className: "small-print" }, "actors: ", event.actors.join(", ")) : null,
    event.targets.length ? h("div", { className: "small-print" }, "targets: ", event.targets.join(", ")) : null);
  card.addEventListener("click", () => focusEvent(root, i));
  card.addEventListener("keydown", (e) => { if (e.key === "Enter") focusEvent(root, i); });
  return card;
}

const LEGEND = [["ent ent-person", "person"], ["ent ent-org", "organisation"], ["ent ent-norp", "group"],
  ["ent ent-gpe-candidate", "place name"], ["quote", "quote"], ["speaker", "speaker"], ["trigger", "event trigger"],
  ["count", "figure"], ["when", "date"], ["place", "event place"]];

export async function showStory(view, id, eventId) {
  const story = await fetchJson(`/api/stories/${encodeURIComponent(id)}`);
  const root = h("section", { className: "panel story", id: "story-view" });
  const meta = [story.source, story.published, story.byline, story.dateline && story.dateline.place].filter(Boolean).join(" · ");
  const removed = h("section", { className: "removed", id: "removed-lines" },
    h("h3", null, `Removed by the cleaner from this page (${story.removed.length})`),
    story.stories_on_page > 1 ? h("p", { className: "muted small-print" }, `The page held ${story.stories_on_page} stories; these lines were removed from the page as a whole.`) : null,
    h("ol", null, story.removed.map((r) => h("li", null, h("span", { className: "reason" }, r.reason + (r.rule ? ` · ${r.rule}` : "")), h("span", { className: "removed-text" }, r.text)))));
  const captions = story.captions.length ? h("section", { className: "captions" }, h("h3", null, "Captions"),
    h("ul", null, story.captions.map((c) => h("li", null, c.text, c.credit ? h("span", { className: "muted" }, ` (${c.credit})`) : null)))) : null;
  root.append(
    backLinks(),
    h("h2", { id: "story-headline" }, story.headline || "(no headline)"),
    h("p", { className: "muted" }, meta),
    h("p", { className: "small-print" }, safeLink(story.url, story.url || "")),
    h("div", { className: "legend" }, LEGEND.map(([cls, label]) => h("span", { className: `key ${cls}` }, label))),
    h("div", { className: "story-grid" },
      h("div", null, renderText(story.text, collectMarks(story)), captions),
      h("aside", { className: "event-list" }, h("h3", null, `Events (${story.events.length})`),
        story.events.map((e, i) => eventCard(e, i, root)),
        h("h3", null, `Quotes (${story.quotes.length})`),
        h("ul", { className: "quotes" }, story.quotes.map((q) => h("li", null, h("b", null, q.speaker || "unattributed"), ": ", q.text))))),
    removed);
  clear(view).appendChild(root);
  const index = story.events.findIndex((e) => e.event_id === eventId);
  if (index >= 0) focusEvent(root, index);
  await linkIncidents(root, story);
}

function backLinks() {
  const overview = h("a", null, "‹ back to the overview");
  overview.href = lastView("overview");
  const stories = h("a", null, "‹ back to the stories");
  stories.href = lastView("stories");
  return h("p", null, overview, " · ", stories);
}

// Each event card links to the incident its event belongs to: the incidents that have a source
// on this story's page, and among their sources this very event.
async function linkIncidents(root, story) {
  if (!story.events.length) return;
  let found;
  try {
    found = await fetchJson("/api/incidents", { source: story.url || story.source, limit: 1000 });
  } catch (error) {
    return;  // a store without incidents: the cards stay as they are
  }
  for (const card of root.querySelectorAll(".event-card")) {
    const incident = found.items.find((i) => i.sources.some((s) => s.page_id === story.page_id
      && s.story_position === story.position && s.event_id === card.dataset.eventId));
    if (!incident) continue;
    const others = incident.source_count - 1;
    card.appendChild(h("div", { className: "small-print incident-link" }, routeLink(["incident", incident.incident_id],
      `the incident${others > 0 ? `, with ${others} other source${others === 1 ? "" : "s"}` : ""} ›`)));
  }
}

const STORY_FILTERS = ["q", "source", "date_from", "date_to"];

export async function showStories(view, params, { setParams }) {
  const asked = Object.fromEntries(STORY_FILTERS.map((name) => [name, params[name]]));
  const page = await fetchJson("/api/stories", { ...asked, limit: 50, offset: params.offset || 0 });
  const offset = Number(params.offset || 0);
  const prev = h("button", { type: "button", className: "small", disabled: offset <= 0 }, "‹ previous");
  const next = h("button", { type: "button", className: "small", disabled: offset + page.items.length >= page.total }, "next ›");
  prev.addEventListener("click", () => setParams({ ...params, offset: offset > 50 ? String(offset - 50) : "" }));
  next.addEventListener("click", () => setParams({ ...params, offset: String(offset + 50) }));
  const ignored = ["type", "family", "country", "place", "certainty", "actor", "actor_kind", "target_kind", "bbox"]
    .filter((name) => params[name]);
  clear(view).appendChild(h("section", { className: "panel" },
    h("h2", null, `Stories (${page.total})`),
    h("p", { className: ignored.length ? "warning small-print" : "muted small-print", id: "stories-filters" },
      "Stories are chosen by Words, Source and their publication dates (From, To)",
      ignored.length ? `; ${ignored.join(", ").replace(/_/g, " ")} apply to incidents and events only (Overview).` : "."),
    h("div", { className: "list-tools" }, prev, next),
    h("ul", { className: "stories", id: "stories-list" }, page.items.map((s) => h("li", null,
      routeLink(["story", s.story_id], s.headline || "(no headline)"),
      h("div", { className: "muted small-print" }, [s.source, s.published].filter(Boolean).join(" · ")),
      h("p", { className: "lead" }, s.lead)))),
    h("div", { className: "list-tools" }, prev.cloneNode(true), next.cloneNode(true))));
  const [prev2, next2] = view.querySelectorAll(".list-tools:last-child button");
  prev2?.addEventListener("click", () => prev.click());
  next2?.addEventListener("click", () => next.click());
}
