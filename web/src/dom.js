// Safe DOM building: text always goes in as text nodes (never parsed as HTML), so a page
// holding <script> or javascript: links shows as text. Links are made only for http(s) URLs.

const SVG_NS = "http://www.w3.org/2000/svg";
const SAFE_URL = /^https?:\/\//i;

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(key) || key === "innerHTML" || key === "href" || key === "src") {
      throw new Error(`refusing to set ${key} through h(): use safeLink()`);
    }
    if (key === "className") el.setAttribute("class", value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  return append(el, children);
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  return append(el, children);
}

// An <a> for an http(s) URL, else the URL as plain text.
export function safeLink(url, text) {
  const label = text ?? url ?? "";
  if (typeof url === "string" && SAFE_URL.test(url.trim())) {
    const a = h("a", { rel: "noopener noreferrer nofollow", target: "_blank" }, label);
    a.href = url.trim();
    return a;
  }
  return h("span", { className: "plain-url" }, label);
}

// An in-app link to a hash route; each part of the route is URL-encoded.
export function routeLink(parts, text, attrs) {
  const a = h("a", attrs, text);
  a.href = "#/" + parts.map((part) => encodeURIComponent(String(part))).join("/");
  return a;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function formatCount(n) {
  return n === null || n === undefined ? "–" : String(n);
}

export function formatDate(start, end) {
  if (!start) return "undated";
  return end ? `${start} – ${end}` : start;
}

// A round colour key (a family's colour) before a label.
export function swatch(colour) {
  const el = h("i", { className: "swatch" });
  el.style.background = colour;  // CSSOM, not a style attribute: allowed by the page's CSP
  return el;
}

// Who did it to whom, as the lists, the incident and the story show it:
// "Rapid Support Forces (rebels, SD) → civilians (civilians, SD)".
export function partyLabel(party) {
  if (!party) return "unknown";
  const country = party.country && !party.name.includes(party.country) ? `, ${party.country}` : "";
  return `${party.name} (${party.kind.replace(/_/g, " ")}${country})`;
}

export function partiesText(actor, target) {
  if (!actor && !target) return "";
  return `${partyLabel(actor)} → ${partyLabel(target)}`;
}
