"""HTML to stories: trafilatura finds the main text, then the flat-text story logic.

    markup ─parse─▶ tree ─trafilatura─▶ main text ─┐
                     ├─htmldate───────▶ dates ─────┤
                     └─<figcaption>───▶ captions ──┴─▶ clean_text(extracted=True) ─▶ stories

The site's name (``Cleaned.site_name``) is what trafilatura's metadata gives: ``og:site_name``,
``application-name``, a JSON-LD publisher, a domain in the title (clean/html_meta.py).

The main text is trafilatura's precision-first extraction, with its default
extraction as the fallback where that comes out empty or much shorter. Caption
text and the headline or byline repeated at the top are taken out of the body
here; datelines, date stamps, several stories in one page and the remaining
chrome are the flat-text cleaner's business (clean/text.py), so HTML and flat
pages are cleaned alike. Every page line left out is recorded in ``removed``.

Where the parser loses the page's text (libxml2 drops whatever nests deeper than
255 levels) or cannot parse it at all, the page is flattened from the raw markup
and cleaned as flat text, main-content selection included.
"""
from __future__ import annotations

import dataclasses
import logging
import re

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document

from ..errors import CleanError
from ..models import Caption, Cleaned, Story
from .html_account import account_page_lines, fold, strip_metadata_lines
from .html_captions import find_captions
from .html_meta import PageMeta, read_meta
from .html_tree import (count_words, flatten_markup, flatten_tree, measure_link_density, normalize_space,
                        parse_html)
from .text import clean_text

log = logging.getLogger(__name__)

MAX_MARKUP_CHARS = 20_000_000  # trafilatura's own ceiling (settings.cfg MAX_FILE_SIZE)
# The default extraction replaces the precision-first one below this share of its length.
FALLBACK_SHARE = 0.2
# The tree must hold at least this share of the words the raw markup shows.
PARSED_SHARE = 0.5
_HEAVY_BLOCKS = re.compile(r"<(script|style|svg|noscript|template)\b.*?</\1\s*>|<!--.*?-->",
                           re.IGNORECASE | re.DOTALL)


def clean_html(html: str, *, url: str | None = None, fetched: str | None = None) -> Cleaned:
    """The stories of one HTML page and every line left out of them, with the reason.

    Raises CleanError when the page has no visible text or is too large to parse.
    """
    source = url or "HTML page"
    markup = reduce_markup(html, source=source)
    raw_lines = flatten_markup(markup)
    if not raw_lines:
        raise CleanError(source, "the page has no visible text (only markup, scripts or styles)")
    tree = parse_html(markup)
    page_lines = flatten_tree(tree) if tree is not None else []
    if count_words(page_lines) < PARSED_SHARE * count_words(raw_lines):
        log.warning("%s: the HTML parser lost most of the text (nesting too deep or markup broken);"
                    " cleaning the page as flat text", source)
        return clean_flattened(raw_lines, fetched=fetched)
    captions = find_captions(tree)
    document, body = extract_main(tree, url=url)
    meta = read_meta(tree, document, url=url)
    if not body:
        log.info("%s: no main text found; cleaning the whole page as flat text", source)
        cleaned = clean_flattened(page_lines, fetched=fetched, meta=meta, captions=captions)
        return dataclasses.replace(cleaned, site_name=meta.site_name)
    kept, dropped = strip_metadata_lines(body, meta=meta, captions=captions,
                                         link_density=measure_link_density(tree))
    cleaned = clean_story_text("\n".join(kept), fetched=fetched, meta=meta, captions=captions, extracted=True)
    if not cleaned.stories and kept:
        cleaned = keep_extracted(kept, meta=meta, captions=captions, source=source)
    elif len(cleaned.stories) > 1:
        cleaned = place_captions(cleaned, captions=captions, page_lines=page_lines)
    outside = account_page_lines(page_lines, extracted=body, meta=meta, captions=captions)
    return dataclasses.replace(cleaned, removed=tuple(outside) + tuple(dropped) + cleaned.removed,
                               site_name=meta.site_name)


def keep_extracted(paragraphs: list[str], *, meta: PageMeta, captions: tuple[Caption, ...],
                   source: str) -> Cleaned:
    """One story of the extracted paragraphs, where the text cleaner found none in them.

    The extractor chose these paragraphs as the page's main text; dropping them all
    would lose the article (the text cleaner reads prose by Latin-script cues, so
    it can miss a page written in Japanese, or one made of a list or a table).
    """
    log.warning("%s: the text cleaner found no story in the extracted main text; keeping it whole", source)
    story = Story(headline=meta.title, body=tuple(paragraphs), published=meta.published, updated=meta.updated,
                  captions=captions, byline=meta.author)
    return Cleaned(stories=(story,))


def reduce_markup(html: str, *, source: str) -> str:
    """The markup, without scripts and styles if it is too large with them."""
    if not html.strip():
        raise CleanError(source, "the page is empty")
    if "\x00" in html[:4096]:
        raise CleanError(source, "the page is binary data, not HTML")
    if len(html) <= MAX_MARKUP_CHARS:
        return html
    reduced = _HEAVY_BLOCKS.sub(" ", html)
    if len(reduced) > MAX_MARKUP_CHARS:
        raise CleanError(source, f"the page holds {len(reduced) / 1e6:.0f} MB of markup besides scripts and"
                                 f" styles, over the {MAX_MARKUP_CHARS / 1e6:.0f} MB limit; split it before cleaning")
    return reduced


def extract_main(tree: HtmlElement, *, url: str | None) -> tuple[Document | None, list[str]]:
    """trafilatura's document (metadata) and main-text paragraphs of the page."""
    try:
        document = run_trafilatura(tree, url=url, favor_precision=True, with_metadata=True)
        precise = split_paragraphs(document.text if document is not None else None)
        if len(" ".join(precise)) < 1000:
            fallback = run_trafilatura(tree, url=url, favor_precision=False, with_metadata=False)
            default = split_paragraphs(fallback.text if fallback is not None else None)
            if len(" ".join(precise)) < FALLBACK_SHARE * len(" ".join(default)):
                log.debug("%s: precision-first extraction too short, taking the default one", url)
                precise = default
                document = document if document is not None else fallback
    except (ValueError, TypeError, RecursionError) as exc:  # trafilatura on hostile markup
        log.warning("%s: trafilatura failed: %s", url or "HTML page", exc)
        return None, []
    return document, precise


def run_trafilatura(tree: HtmlElement, *, url: str | None, favor_precision: bool,
                    with_metadata: bool) -> Document | None:
    """One trafilatura extraction: main text with tables, without comments and images."""
    document = trafilatura.bare_extraction(tree, url=url, favor_precision=favor_precision,
                                           with_metadata=with_metadata, include_comments=False,
                                           include_images=False, include_tables=True)
    return document if isinstance(document, Document) else None  # a dict only with as_dict=True


def split_paragraphs(text: str | None) -> list[str]:
    """trafilatura's text output as paragraphs, whitespace collapsed."""
    return [p for p in (normalize_space(line) for line in (text or "").splitlines()) if p]


def clean_flattened(lines: list[str], *, fetched: str | None, meta: PageMeta | None = None,
                    captions: tuple[Caption, ...] = ()) -> Cleaned:
    """The fallback: the page's text lines cleaned as a flat page."""
    return clean_story_text("\n".join(lines), fetched=fetched, meta=meta or PageMeta(), captions=captions,
                            extracted=False)


def clean_story_text(text: str, *, fetched: str | None, meta: PageMeta, captions: tuple[Caption, ...],
                     extracted: bool) -> Cleaned:
    """The flat-text story logic on the page's text, then the page's own metadata where it is missing."""
    cleaned = clean_text(text, fetched=fetched, title=meta.title, published=meta.published,
                         captions=tuple(caption.text for caption in captions), extracted=extracted)
    return fill_metadata(cleaned, meta=meta, captions=captions)


def fill_metadata(cleaned: Cleaned, *, meta: PageMeta, captions: tuple[Caption, ...]) -> Cleaned:
    """Give the page's first story the headline, dates, byline and captions the HTML states."""
    if not cleaned.stories:
        return cleaned
    first = cleaned.stories[0]
    first = dataclasses.replace(
        first,
        headline=first.headline or meta.title,
        published=first.published or meta.published,
        updated=first.updated or (meta.updated if (first.published or meta.published) == meta.published else None),
        byline=first.byline or meta.author,
        captions=merge_captions(captions, first.captions) if len(cleaned.stories) == 1 else first.captions,
    )
    return dataclasses.replace(cleaned, stories=(first, *cleaned.stories[1:]))


def place_captions(cleaned: Cleaned, *, captions: tuple[Caption, ...], page_lines: list[str]) -> Cleaned:
    """Give each marked caption to the story it stands in: the last one begun above it on the page."""
    keys = [fold(line) for line in page_lines]

    def position(text: str) -> int | None:
        key = fold(text)
        return next((i for i, line in enumerate(keys) if key and line.startswith(key)), None)

    starts = [position(story.body[0]) if story.body else None for story in cleaned.stories]
    placed: list[list[Caption]] = [[] for _ in cleaned.stories]
    for caption in captions:
        where = position(caption.text)
        owner = 0
        for number, start in enumerate(starts):
            if where is not None and start is not None and start <= where:
                owner = number
        placed[owner].append(caption)
    stories = tuple(dataclasses.replace(story, captions=merge_captions(tuple(mine), story.captions))
                    for story, mine in zip(cleaned.stories, placed, strict=True))
    return dataclasses.replace(cleaned, stories=stories)


def merge_captions(marked: tuple[Caption, ...], found: tuple[Caption, ...]) -> tuple[Caption, ...]:
    """The captions the markup gives, then those the text cleaner found that they lack."""
    known = {normalize_space(caption.text).casefold() for caption in marked}
    return marked + tuple(c for c in found if normalize_space(c.text).casefold() not in known)
