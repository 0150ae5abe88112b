// The timeline: events per day, stacked by family; drag across it to filter by those days.
import { colourOf } from "./api.js";
import { clear, h, svg } from "./dom.js";
import { swatch } from "./map.js";

const WIDTH = 720;
const HEIGHT = 120;
const AXIS = 18;
const DAY = 86400000;

export function parseDay(text) {
  const [y, m, d] = text.split("-").map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1);
}

export function formatDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

// days: [{date, families: {family: n}, total}]; selected: [from, to] ISO days or null.
export function drawTimeline(container, days, { selected, onBrush } = {}) {
  clear(container);
  if (!days.length) {
    container.appendChild(h("p", { className: "muted" }, "No dated events match these filters."));
    return;
  }
  const first = parseDay(days[0].date);
  const last = parseDay(days[days.length - 1].date);
  const span = Math.max(1, Math.round((last - first) / DAY) + 1);
  const step = WIDTH / span;
  const top = Math.max(...days.map((d) => d.total));
  const root = svg("svg", { className: "timeline", viewBox: `0 0 ${WIDTH} ${HEIGHT + AXIS}`, role: "img",
    "aria-label": `Events per day from ${days[0].date} to ${days[days.length - 1].date}` });
  const xOf = (ms) => ((ms - first) / DAY) * step;
  const families = new Set();
  const bars = svg("g", { className: "bars" });
  for (const day of days) {
    let y = HEIGHT;
    const x = xOf(parseDay(day.date));
    for (const [family, n] of Object.entries(day.families).sort()) {
      families.add(family);
      const hgt = (n / top) * (HEIGHT - 8);
      y -= hgt;
      bars.appendChild(svg("rect", { x, y, width: Math.max(step - 0.5, 2.5), height: hgt, fill: colourOf(family),
        dataset: { day: day.date, family } }, svg("title", null, `${day.date}: ${n} ${family}`)));
    }
  }
  root.appendChild(bars);
  const axis = svg("g", { className: "axis" });
  const months = [];
  for (let d = new Date(first); d.getTime() <= last; d.setUTCMonth(d.getUTCMonth() + 1, 1)) months.push(d.getTime());
  const every = Math.ceil(months.length / 8);
  months.forEach((ms, i) => {
    if (i % every) return;
    const x = Math.max(0, xOf(ms));
    axis.appendChild(svg("line", { x1: x, x2: x, y1: HEIGHT, y2: HEIGHT + 4 }));
    axis.appendChild(svg("text", { x: x + 2, y: HEIGHT + 14 }, formatDay(ms).slice(0, 7)));
  });
  axis.appendChild(svg("line", { x1: 0, x2: WIDTH, y1: HEIGHT, y2: HEIGHT }));
  root.appendChild(axis);
  const band = svg("rect", { className: "brush", y: 0, height: HEIGHT, x: 0, width: 0 });
  root.appendChild(band);
  const showBand = (a, b) => {
    band.setAttribute("x", String(Math.min(a, b)));
    band.setAttribute("width", String(Math.abs(b - a)));
  };
  if (selected && (selected[0] || selected[1])) {
    const a = selected[0] ? xOf(parseDay(selected[0])) : 0;
    const b = selected[1] ? xOf(parseDay(selected[1])) + step : WIDTH;
    showBand(Math.max(0, a), Math.min(WIDTH, b));
  }
  const toX = (event) => {
    const box = root.getBoundingClientRect();
    return Math.min(WIDTH, Math.max(0, ((event.clientX - box.left) / box.width) * WIDTH));
  };
  const dayAt = (x) => formatDay(first + Math.min(span - 1, Math.floor(x / step)) * DAY);
  let start = null;
  root.addEventListener("pointerdown", (event) => {
    start = toX(event);
    root.setPointerCapture(event.pointerId);
    showBand(start, start);
  });
  root.addEventListener("pointermove", (event) => { if (start !== null) showBand(start, toX(event)); });
  root.addEventListener("pointerup", (event) => {
    if (start === null) return;
    const end = toX(event);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    if (onBrush) onBrush(b - a < 2 ? [dayAt(a), dayAt(a)] : [dayAt(a), dayAt(b)]);
  });
  const legend = h("div", { className: "legend" },
    [...families].sort().map((f) => h("span", { className: "key" }, swatch(colourOf(f)), f)),
    h("span", { className: "muted" }, "Drag across the bars to filter by days."));
  container.append(root, legend);
}
