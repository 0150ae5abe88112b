// The timeline (uPlot): incidents per bin as bars and people killed per bin as a line, the bin a
// day, an ISO week or a month chosen from the span shown (bins.js). Drag across it, or use the
// keyboard, to choose dates; the choice becomes the date filter.
//
// Keyboard, with the chart focused: ← → move the selection one bin, Shift+← → move its end
// (shrink or grow), Home / End go to the first or last bin, Enter applies it, Escape drops it.
import uPlot from "uplot";
import { DAY, binDays, chooseBin, chooseRange, firstDay, lastDay, parseDay } from "./bins.js";
import { clear, h } from "./dom.js";

export const AXIS_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const HEIGHT = 180;
const INK = "#1c2833";
const KILLED = "#D55E00";  // Okabe-Ito vermillion: apart from the bars' ink for every colour vision
const UNIT_WORDS = { day: "day", week: "week", month: "month", year: "year" };

function describe(bins, unit, start, end) {
  const chosen = bins.slice(start, end + 1);
  const incidents = chosen.reduce((n, b) => n + b.incidents, 0);
  const killed = chosen.reduce((n, b) => n + b.killed, 0);
  return `${bins[start].from} to ${bins[end].to} (${end - start + 1} ${UNIT_WORDS[unit]}${end > start ? "s" : ""}): `
    + `${incidents} ${incidents === 1 ? "row" : "rows"}, ${killed} killed`;
}

// The bins' indexes that hold the days from..to (either may be missing: the open end).
function binsOf(bins, from, to) {
  if (!from && !to) return null;
  let start = bins.findIndex((b) => !from || b.to >= from);
  let end = bins.length - 1;
  while (end > 0 && to && bins[end].from > to) end -= 1;
  if (start < 0 || end < start) return null;
  return { start, end };
}

// days: [{date, count, killed}] (/api/incidents/days); selected: [from, to] (the date filter);
// zoomed: show only the selected dates. onBrush([from, to]) sets the filter; onZoom(bool) toggles the zoom.
export function drawTimeline(container, days, { selected = [], zoomed = false, noun = "incidents", onBrush, onZoom } = {}) {
  clear(container);
  const range = chooseRange(days);
  if (!range) {
    container.appendChild(h("p", { className: "muted" }, `No dated ${noun} match these filters.`));
    return null;
  }
  const [selFrom, selTo] = [firstDay(selected[0]), lastDay(selected[1])];
  let { first, last } = range;
  if (zoomed && (selFrom || selTo)) {
    first = selFrom || first;
    last = selTo || last;
  }
  const unit = chooseBin(Math.round((parseDay(last) - parseDay(first)) / DAY) + 1);
  const bins = binDays(days, unit, first, last);
  const title = `${noun[0].toUpperCase()}${noun.slice(1)} and people killed per ${UNIT_WORDS[unit]}, ${bins[0].from} to ${bins[bins.length - 1].to}`;
  const status = h("p", { className: "timeline-status small-print", id: "timeline-status", role: "status" });
  const help = h("p", { className: "muted small-print", id: "timeline-help" },
    "Drag across the chart to choose dates, or focus it and use ← → (Shift to resize), then Enter.");
  const chart = h("div", { className: "timeline-chart", id: "timeline-chart", tabindex: 0, role: "application",
    "aria-label": title, "aria-describedby": "timeline-help timeline-status",
    dataset: { bin: unit, bins: bins.length } });
  const tools = h("div", { className: "timeline-tools" });
  if (selFrom || selTo) {
    const zoom = h("button", { type: "button", className: "small", id: "timeline-zoom" },
      zoomed ? "Show all dates" : "Zoom to the chosen dates");
    zoom.addEventListener("click", () => onZoom && onZoom(!zoomed));
    tools.appendChild(zoom);
  }
  if (range.outside.length) {
    tools.appendChild(h("span", { className: "muted small-print" },
      `${range.left} dated far from the rest (${range.outside.slice(0, 3).join(", ")}) are left out of the chart, not of the list.`));
  }
  container.append(h("h2", { id: "timeline-title" }, title), chart, status, help, tools);

  const xs = bins.map((b) => b.start / 1000);
  const opts = {
    width: Math.max(280, chart.clientWidth || container.clientWidth || 600),
    height: HEIGHT,
    legend: { show: false },
    scales: { x: { time: true, range: [xs[0], (parseDay(bins[bins.length - 1].to) + DAY) / 1000] },
      n: { range: (u, min, max) => [0, Math.max(1, max)] }, k: { range: (u, min, max) => [0, Math.max(1, max)] } },
    series: [
      {},
      { label: noun, scale: "n", fill: "rgba(28, 40, 51, 0.55)", stroke: INK, width: 0,
        paths: uPlot.paths.bars({ size: [0.9, 60], align: 1 }) },
      { label: "killed", scale: "k", stroke: KILLED, width: 2, points: { show: false },
        paths: uPlot.paths.stepped({ align: 1 }) },
    ],
    axes: [
      { font: AXIS_FONT, stroke: INK, space: 70, grid: { show: false } },
      { scale: "n", font: AXIS_FONT, labelFont: AXIS_FONT, stroke: INK, label: noun, labelSize: 18, size: 44,
        grid: { stroke: "#e5e7e9" } },
      { scale: "k", side: 1, font: AXIS_FONT, labelFont: AXIS_FONT, stroke: KILLED, label: "killed", labelSize: 18,
        size: 44, grid: { show: false } },
    ],
    cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
    hooks: { setSelect: [(u) => chooseByDrag(u)] },
  };
  const plot = new uPlot(opts, [xs, bins.map((b) => b.incidents), bins.map((b) => b.killed)], chart);
  chart.uplot = plot;  // the tests read the fonts the chart draws its axes with

  let pending = binsOf(bins, selFrom, selTo);
  const applied = pending && { ...pending };
  const leftOf = (i) => plot.valToPos(bins[i].start / 1000, "x");
  const rightOf = (i) => plot.valToPos((parseDay(bins[i].to) + DAY) / 1000, "x");
  const show = (sel, { announce = true } = {}) => {
    if (!sel) {
      plot.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
      status.textContent = "";
      return;
    }
    const left = leftOf(sel.start);
    plot.setSelect({ left, width: Math.max(2, rightOf(sel.end) - left), top: 0, height: plot.bbox.height / devicePixelRatio }, false);
    if (announce) status.textContent = describe(bins, unit, sel.start, sel.end) + (sameAs(sel, applied) ? "." : ". Enter sets the dates.");
  };
  const sameAs = (a, b) => a && b && a.start === b.start && a.end === b.end;
  const apply = (sel) => onBrush && onBrush([bins[sel.start].from, bins[sel.end].to]);

  function chooseByDrag(u) {
    if (u.select.width < 1) return;  // a plain click: keep the choice
    const from = u.posToVal(u.select.left, "x") * 1000;
    const to = u.posToVal(u.select.left + u.select.width, "x") * 1000;
    const start = Math.max(0, bins.findIndex((b) => parseDay(b.to) + DAY > from));
    let end = bins.length - 1;
    while (end > start && bins[end].start >= to) end -= 1;
    pending = { start, end };
    show(pending);
    apply(pending);
  }

  chart.addEventListener("keydown", (event) => {
    const last_ = bins.length - 1;
    let sel = pending ? { ...pending } : null;
    const width = sel ? sel.end - sel.start : 0;
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      const step = event.key === "ArrowLeft" ? -1 : 1;
      if (!sel) sel = step < 0 ? { start: last_, end: last_ } : { start: 0, end: 0 };
      else if (event.shiftKey) sel.end = Math.min(last_, Math.max(sel.start, sel.end + step));
      else if (sel.start + step >= 0 && sel.end + step <= last_) { sel.start += step; sel.end += step; }
    } else if (event.key === "Home") {
      sel = { start: 0, end: width };
    } else if (event.key === "End") {
      sel = { start: last_ - width, end: last_ };
    } else if (event.key === "Enter") {
      if (sel) apply(sel);
      event.preventDefault();
      return;
    } else if (event.key === "Escape") {
      sel = applied ? { ...applied } : null;
    } else {
      return;
    }
    event.preventDefault();
    pending = sel;
    show(pending);
  });

  show(pending, { announce: true });
  const resize = new ResizeObserver(() => {
    const width = chart.clientWidth;
    if (width && Math.abs(width - plot.width) > 4) {
      plot.setSize({ width, height: HEIGHT });
      show(pending, { announce: false });
    }
  });
  resize.observe(chart);
  return { plot, bins, unit };
}
