"""What an HTML page says about itself: headline, author, site, published and updated.

Headline, author and site name are trafilatura's metadata; ``site_name`` (the outlet's name)
only where the metadata gives one, not trafilatura's fallback to the URL's host.

Dates come from htmldate (``find_date`` with ``original_date`` True for the
published date, False for the latest one); where the page's metadata carries the
time of day for that same date (``article:published_time``, ``datePublished`` in
JSON-LD or microdata, ``<time datetime>``), the time is kept too, to the minute.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement

log = logging.getLogger(__name__)

# ISO date-times as pages write them: 2021-11-08T07:15:32+02:00, 2021-11-08 07:15.
ISO_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?")
PUBLISHED_KEYS = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
                  "publishdate", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")
UPDATED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified")
JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
JSONLD_UPDATED = re.compile(r'"dateModified"\s*:\s*"([^"]{10,40})"')


@dataclass(frozen=True, slots=True)
class PageMeta:
    """``sitename`` is trafilatura's, its fallback to the URL's host included (a page line that
    repeats it is metadata: html_account.py); ``site_name`` only a name the metadata gives
    (Cleaned.site_name, which names the outlet)."""

    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    published: str | None = None
    updated: str | None = None
    site_name: str | None = None


def read_stamps(tree: HtmlElement, keys: tuple[str, ...], jsonld: re.Pattern[str]) -> list[str]:
    """Date-time strings the page's metadata gives under ``keys``, in page order."""
    stamps: list[str] = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in keys and meta.get("content"):
            stamps.append(meta.get("content"))
    for element in tree.iter("time"):
        itemprop = (element.get("itemprop") or "").lower()
        if element.get("datetime") and (itemprop in keys or (not itemprop and "datepublished" in keys)):
            stamps.append(element.get("datetime"))
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            stamps.extend(jsonld.findall(script.text))
    return stamps


def refine_date(day: str | None, stamps: list[str]) -> str | None:
    """``day`` (YYYY-MM-DD) with the time of day of a stamp for that same day, if any."""
    if not day:
        return None
    for stamp in stamps:
        match = ISO_DATETIME.search(stamp)
        # midnight means "no time"
        if match and match.group(1) == day and match.group(2) and (match.group(2), match.group(3)) != ("00", "00"):
            return f"{day}T{match.group(2)}:{match.group(3)}"
    return day


def find_dates(tree: HtmlElement, *, url: str | None = None) -> tuple[str | None, str | None]:
    """Published and updated date (updated only where it differs), ISO 8601."""
    try:
        published = find_date(tree, original_date=True, url=url, extensive_search=True)
        latest = find_date(tree, original_date=False, url=url, extensive_search=True)
    except (ValueError, TypeError, RecursionError) as exc:  # htmldate on hostile markup
        log.debug("htmldate failed: %s", exc)
        return None, None
    published = refine_date(published, read_stamps(tree, PUBLISHED_KEYS, JSONLD_PUBLISHED))
    updated = refine_date(latest, read_stamps(tree, UPDATED_KEYS, JSONLD_UPDATED))
    if not published or not updated or updated <= published or updated[:10] == published[:10] and len(updated) <= 10:
        updated = None
    return published, updated


def read_meta(tree: HtmlElement, document: object | None, *, url: str | None = None) -> PageMeta:
    """The page's metadata from trafilatura's document (title, author, site) and its dates."""
    published, updated = find_dates(tree, url=url)
    return PageMeta(
        title=clean_field(getattr(document, "title", None)),
        author=clean_field(getattr(document, "author", None)),
        sitename=clean_field(getattr(document, "sitename", None)),
        published=published,
        updated=updated,
        site_name=read_site_name(document),
    )


def read_site_name(document: object | None) -> str | None:
    """The site's name as trafilatura reads it from the metadata (``og:site_name``,
    ``application-name``, ``twitter:site``, a JSON-LD publisher, a domain in the title); None
    where trafilatura only fell back to the host of the page's URL, which names no site."""
    sitename = clean_field(getattr(document, "sitename", None))
    if sitename and sitename.casefold() == read_host(getattr(document, "url", None)):
        return None
    return sitename


def read_host(url: str | None) -> str | None:
    """The host of a URL in lower case, without ``www.``/``w2.`` (as trafilatura strips it)."""
    try:
        host = urlsplit(url or "").netloc.casefold()
    except ValueError:  # a malformed URL (an unclosed IPv6 bracket)
        return None
    return re.sub(r"^(?:www|w[0-9]+)\.", "", host) or None


def clean_field(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None
