// The map: the shipped world outline (world.json, Natural Earth) in an equirectangular
// projection, incidents (or events) as circles sized by casualties and coloured by family.
import { colourOf } from "./api.js";
import { clear, h, svg } from "./dom.js";

const WIDTH = 720;
const HEIGHT = 360;
let worldPromise = null;

function loadWorld() {
  if (!worldPromise) worldPromise = fetch("/static/world.json").then((r) => r.json());
  return worldPromise;
}

export function project(lon, lat) {
  return [(lon + 180) * 2, (90 - lat) * 2];
}

// Radius grows with the square root of killed + injured, so area tracks casualties.
export function radiusOf(killed, injured) {
  const casualties = (killed || 0) + (injured || 0);
  return Math.min(20, 4 + 1.8 * Math.sqrt(casualties));
}

function fitBox(points) {
  if (!points.length) return [0, 0, WIDTH, HEIGHT];
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = Math.max(12, (x1 - x0) * 0.15, (y1 - y0) * 0.15);
  x0 -= pad; x1 += pad; y0 -= pad; y1 += pad;
  let w = x1 - x0, hgt = y1 - y0;
  if (w / hgt < 2) { const extra = hgt * 2 - w; x0 -= extra / 2; w = hgt * 2; }
  else { const extra = w / 2 - hgt; y0 -= extra / 2; hgt = w / 2; }
  return [Math.max(-WIDTH / 2, x0), Math.max(-HEIGHT / 2, y0), Math.min(WIDTH * 1.5, w), Math.min(HEIGHT * 1.5, hgt)];
}

// Items on one point (one town, several incidents) are set around it in a small ring,
// so each stays visible and clickable.
function spreadShared(points, distance) {
  const groups = new Map();
  for (const p of points) {
    const key = `${p.x.toFixed(2)},${p.y.toFixed(2)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(p);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.forEach((p, i) => {
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      p.x += distance * Math.cos(angle);
      p.y += distance * Math.sin(angle);
    });
  }
}

export function swatch(colour) {
  const el = h("i", { className: "swatch" });
  el.style.background = colour;  // CSSOM, not a style attribute: allowed by the page's CSP
  return el;
}

// items: [{id, lat, lon, killed, injured, family, label, href}]
export async function drawMap(container, items, { onPick, note } = {}) {
  const world = await loadWorld();
  clear(container);
  const points = items.filter((it) => it.lat !== null && it.lon !== null && it.lat !== undefined)
    .map((it) => { const [x, y] = project(it.lon, it.lat); return { ...it, x, y }; });
  let box = fitBox(points);
  const root = svg("svg", { className: "map", viewBox: box.join(" "), role: "img",
    "aria-label": `Map of ${points.length} located items` });
  root.appendChild(svg("rect", { className: "sea", x: -WIDTH, y: -HEIGHT, width: WIDTH * 3, height: HEIGHT * 3 }));
  const land = svg("g", { className: "land" });
  for (const country of world.countries) {
    land.appendChild(svg("path", { d: country.d }, svg("title", null, country.name || "")));
  }
  root.appendChild(land);
  const marks = svg("g", { className: "marks" });
  const scale = box[2] / WIDTH;
  spreadShared(points, 6 * Math.max(scale, 0.08));
  // biggest first, so small circles stay clickable on top
  points.sort((a, b) => radiusOf(b.killed, b.injured) - radiusOf(a.killed, a.injured));
  for (const p of points) {
    const circle = svg("circle", {
      cx: p.x, cy: p.y, r: radiusOf(p.killed, p.injured) * Math.max(scale, 0.08),
      fill: colourOf(p.family), className: "mark", tabindex: 0, dataset: { id: p.id },
    }, svg("title", null, p.label));
    circle.style.strokeWidth = String(0.8 * Math.max(scale, 0.08));
    circle.addEventListener("click", () => onPick && onPick(p));
    circle.addEventListener("keydown", (e) => { if (e.key === "Enter" && onPick) onPick(p); });
    marks.appendChild(circle);
  }
  root.appendChild(marks);
  const world_ = h("button", { type: "button", className: "small" }, "World");
  const fit = h("button", { type: "button", className: "small" }, "Fit");
  world_.addEventListener("click", () => root.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`));
  fit.addEventListener("click", () => root.setAttribute("viewBox", box.join(" ")));
  const families = [...new Set(points.map((p) => p.family))].sort();
  const legend = h("div", { className: "legend" },
    families.map((f) => h("span", { className: "key" }, swatch(colourOf(f)), f)),
    h("span", { className: "muted" }, note || ""));
  container.append(h("div", { className: "map-tools" }, world_, fit, legend), root);
  const unlocated = items.length - points.length;
  if (unlocated) container.appendChild(h("p", { className: "muted small-print" }, `${unlocated} without a place are not on the map.`));
}
