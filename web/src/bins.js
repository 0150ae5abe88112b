// Time bins for the timeline: a day, an ISO week (Monday to Sunday) or a calendar month
// (a year for very long ranges), chosen from the range so the bars stay readable.
// (First written in the unlanded wip/issue-14-ui branch; kept, with the points binned here.)
// Dates are ISO days ("2025-06-20") read as UTC midnights; pure functions, no DOM.

export const DAY = 86400000;

// The longest range (in days) each bin still suits; beyond the last, years.
export const BIN_LIMITS = [["day", 92], ["week", 731], ["month", 366 * 20]];

export function parseDay(text) {
  const [y, m, d] = text.split("-").map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1);
}

export function formatDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export function chooseBin(spanDays) {
  for (const [unit, limit] of BIN_LIMITS) if (spanDays <= limit) return unit;
  return "year";
}

// The first day (UTC ms) of the bin that holds the day `ms`.
export function binStart(ms, unit) {
  const d = new Date(ms);
  if (unit === "week") return ms - ((d.getUTCDay() + 6) % 7) * DAY;
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === "year") return Date.UTC(d.getUTCFullYear(), 0, 1);
  return ms;
}

// The last day (UTC ms) of the bin that starts on `start`.
export function binEnd(start, unit) {
  const d = new Date(start);
  if (unit === "week") return start + 6 * DAY;
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY;
  if (unit === "year") return Date.UTC(d.getUTCFullYear() + 1, 0, 1) - DAY;
  return start;
}

// The first and last ISO day of the bin that holds `day`.
export function binRange(day, unit) {
  const start = binStart(parseDay(day), unit);
  return [formatDay(start), formatDay(binEnd(start, unit))];
}

// The dated points as bins from `first` to `last` (ISO days), empty bins included, so a bar
// stands for the same span everywhere and the keyboard steps one bin at a time:
// [{from, to, start (ms), incidents, killed}].
export function binPoints(points, unit, first, last) {
  const bins = [];
  const index = new Map();
  for (let start = binStart(parseDay(first), unit); start <= parseDay(last); start = binEnd(start, unit) + DAY) {
    index.set(start, bins.length);
    bins.push({ from: formatDay(start), to: formatDay(binEnd(start, unit)), start, incidents: 0, killed: 0 });
  }
  for (const point of points) {
    if (!point.date || point.date < first || point.date > last) continue;
    const bin = bins[index.get(binStart(parseDay(point.date), unit))];
    if (!bin) continue;
    bin.incidents += 1;
    bin.killed += point.killed || 0;
  }
  return bins;
}

// The span the chart shows: every date, except stray ones far from the rest (a date misread as
// 1800 in a store of 2015-2024): below the 1st percentile or above the 99th by more than two
// years. Returns {first, last, outside: [dates left out]}.
export function chooseRange(dates) {
  const sorted = dates.filter(Boolean).sort();
  if (!sorted.length) return null;
  const low = sorted[Math.floor(sorted.length * 0.01)];
  const high = sorted[Math.ceil(sorted.length * 0.99) - 1];
  const floor = formatDay(parseDay(low) - 731 * DAY);
  const ceiling = formatDay(parseDay(high) + 731 * DAY);
  const kept = sorted.filter((d) => d >= floor && d <= ceiling);
  return { first: kept[0], last: kept[kept.length - 1], outside: sorted.filter((d) => d < floor || d > ceiling) };
}

// The first and last day a date filter of any precision means: "2019" -> 2019-01-01 / 2019-12-31,
// "2019-02" -> 2019-02-01 / 2019-02-28.
export function firstDay(text) {
  return text ? formatDay(parseDay(text)) : text;
}

export function lastDay(text) {
  if (!text || text.length === 10) return text;
  const [y, m] = text.split("-").map(Number);
  return formatDay(m ? Date.UTC(y, m, 1) - DAY : Date.UTC(y + 1, 0, 1) - DAY);
}
