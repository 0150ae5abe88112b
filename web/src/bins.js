// Time bins for the timeline: a day, an ISO week (Monday to Sunday) or a calendar month
// (a year for very long ranges), chosen from the range so the bars stay readable.
// (First written in the unlanded wip/issue-14-ui branch; kept, now binning the days /api/incidents/days counts.)
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

// The days ([{date, count, killed}], /api/incidents/days) as bins from `first` to `last` (ISO
// days), empty bins included, so a bar stands for the same span everywhere and the keyboard steps
// one bin at a time: [{from, to, start (ms), incidents, killed}].
export function binDays(days, unit, first, last) {
  const bins = [];
  const index = new Map();
  for (let start = binStart(parseDay(first), unit); start <= parseDay(last); start = binEnd(start, unit) + DAY) {
    index.set(start, bins.length);
    bins.push({ from: formatDay(start), to: formatDay(binEnd(start, unit)), start, incidents: 0, killed: 0 });
  }
  for (const day of days) {
    if (!day.date || day.date < first || day.date > last) continue;
    const bin = bins[index.get(binStart(parseDay(day.date), unit))];
    if (!bin) continue;
    bin.incidents += day.count;
    bin.killed += day.killed || 0;
  }
  return bins;
}

// The day below which a share of the rows lie (days sorted, each with its count).
function dayAt(days, share, total) {
  let seen = 0;
  for (const day of days) {
    seen += day.count;
    if (seen > share * total) return day.date;
  }
  return days[days.length - 1].date;
}

// The span the chart shows: every day, except stray ones far from the rest (a date misread as
// 1800 in a store of 2015-2024): below the 1st percentile of the rows or above the 99th by more
// than two years. Returns {first, last, outside: [days left out], left: rows on them}.
export function chooseRange(days) {
  const sorted = days.filter((d) => d.date && d.count).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!sorted.length) return null;
  const total = sorted.reduce((n, d) => n + d.count, 0);
  const floor = formatDay(parseDay(dayAt(sorted, 0.01, total)) - 731 * DAY);
  const ceiling = formatDay(parseDay(dayAt(sorted, 0.99, total)) + 731 * DAY);
  const kept = sorted.filter((d) => d.date >= floor && d.date <= ceiling);
  const outside = sorted.filter((d) => d.date < floor || d.date > ceiling);
  return { first: kept[0].date, last: kept[kept.length - 1].date, outside: outside.map((d) => d.date),
    left: outside.reduce((n, d) => n + d.count, 0) };
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
