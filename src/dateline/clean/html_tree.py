"""HTML markup to a tree and to lines of text, safely.

Two ways from markup to the page's text lines, the way a plain scraper would
see them (a line break around every block element, scripts and styles dropped):

- ``flatten_tree`` walks a parsed lxml tree;
- ``flatten_markup`` works on the raw markup with regular expressions, for pages
  the parser cannot hold (libxml2 silently drops everything nested deeper than
  255 levels) or that are too broken to parse at all.

Both give what the cleaner accounts for when it drops lines outside the main
content, and what it falls back to when the main-content extractor finds nothing.
"""
from __future__ import annotations

import html as html_entities
import logging
import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

log = logging.getLogger(__name__)

# Elements whose text is never page text.
SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "head", "iframe",
    "object", "embed", "canvas", "select", "option", "button", "input", "textarea",
})
# Elements that start and end a line.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label", "legend", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "title", "tr", "ul",
})
SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")

_SKIPPED_BLOCKS = re.compile(
    r"<(script|style|noscript|template|svg|math|head|iframe|object|select|textarea)\b.*?</\1\s*>"
    r"|<!--.*?-->|<!\[CDATA\[.*?\]\]>",
    re.IGNORECASE | re.DOTALL,
)
_BLOCK_NAMES = "|".join(sorted(BLOCK_TAGS))
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_NAMES})\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[!/?]?[a-zA-Z][^>]*>|<!--|-->")


def normalize_space(text: str) -> str:
    """Collapse every run of (Unicode) whitespace to one space and strip the ends."""
    return SPACES.sub(" ", text).strip()


def parse_html(markup: str) -> HtmlElement | None:
    """The parsed tree of ``markup``, or None where lxml can make nothing of it."""
    try:
        tree = load_html(markup)
    except (ValueError, etree.ParserError, RecursionError) as exc:  # broken beyond repair
        log.debug("cannot parse markup: %s", exc)
        return None
    return tree


def iterate_text(element: HtmlElement) -> Iterator[str | None]:
    """Text pieces of ``element`` in document order; None marks a line break."""
    stack: list[tuple[HtmlElement, bool]] = [(element, False)]
    while stack:  # iterative, so deep pages cannot exhaust the Python stack
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.lower()
        if closing:
            if tag in BLOCK_TAGS:
                yield None
            if node.tail:
                yield node.tail
            continue
        if not tag or tag in SKIPPED_TAGS:  # comments, processing instructions, scripts
            if node.tail:
                yield node.tail
            continue
        if tag in BLOCK_TAGS:
            yield None
        if tag == "title" and node.text:
            yield node.text
            yield None
            continue
        if node.text:
            yield node.text
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))


def join_pieces(pieces: Iterator[str | None]) -> list[str]:
    """Lines from text pieces and line breaks: whitespace collapsed, empty lines gone."""
    lines: list[str] = []
    current: list[str] = []
    for piece in pieces:
        if piece is None:
            line = normalize_space("".join(current))
            if line:
                lines.append(line)
            current = []
        else:
            current.append(piece)
    line = normalize_space("".join(current))
    if line:
        lines.append(line)
    return lines


def flatten_tree(tree: HtmlElement) -> list[str]:
    """The page's text lines, in document order, the <title> first."""
    lines: list[str] = []
    title = tree.find(".//title")
    if title is not None and title.text:
        lines.extend(join_pieces(iter([title.text])))
    body = tree.find(".//body")
    lines.extend(join_pieces(iterate_text(body if body is not None else tree)))
    return lines


def flatten_markup(markup: str) -> list[str]:
    """The page's text lines from raw markup, without a parser (the fallback)."""
    text = _SKIPPED_BLOCKS.sub("\n", markup)
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    text = html_entities.unescape(text)
    return [line for line in (normalize_space(raw) for raw in text.split("\n")) if line]


def count_words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def measure_link_density(tree: HtmlElement) -> dict[str, float]:
    """For each block of text holding links: its text (whitespace collapsed) and
    the share of it that is link text. Blocks with no link are left out."""
    linked: dict[HtmlElement, int] = {}
    for anchor in tree.iter("a"):
        block = anchor.getparent()
        while block is not None and (not isinstance(block.tag, str) or block.tag.lower() not in BLOCK_TAGS):
            block = block.getparent()
        if block is not None:
            linked[block] = linked.get(block, 0) + len(normalize_space(anchor.text_content()))
    density: dict[str, float] = {}
    for block, chars in linked.items():
        text = " ".join(join_pieces(iterate_text(block)))
        if text:
            density[text] = max(density.get(text, 0.0), min(1.0, chars / len(text)))
    return density
