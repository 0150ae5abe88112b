"""An incident's sources as a reader follows them: which outlet each is, in the order
they were published, and the toll each report gave (the toll history).

    name_outlet(url, agency, site_name) -> "Sahel Wire" | "apnews.com" | "AP" | None
    order_sources(sources)       -> the sources by publication, then retrieval and ingest order
    build_history(sources)       -> [TollPoint]: one per source (story group), in publication order

An outlet is the site's name the page's metadata gives (``og:site_name``,
``application-name``: HTML pages only, stored as ``pages.site_name``), else the page's host
without ``www.`` when it has a URL, else the news agency its dateline names ("(AP) —"), else
None (the UI then shows the file path, kept as a detail of every source; docs/incidents.md).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from .figures import Reported, order_reports


class Told(Reported, Protocol):
    """A source as the store gives it back: a report, with where and when it was read."""

    @property
    def outlet(self) -> str | None: ...
    @property
    def fetched(self) -> str | None: ...
    @property
    def stored_at(self) -> str: ...
    @property
    def page_id(self) -> str: ...
    @property
    def story_position(self) -> int: ...


S = TypeVar("S", bound=Told)


@dataclass(frozen=True, slots=True)
class TollPoint:
    """One report of the toll history: when it came out, which outlets carried it, its figures."""

    published: str | None
    outlets: tuple[str, ...]
    group_id: str
    killed: int | None
    injured: int | None
    arrested: int | None


def name_outlet(url: str | None, agency: str | None = None, site_name: str | None = None) -> str | None:
    """The outlet of a source: the site's name in its page's metadata, else its URL's host
    without ``www.``, else the dateline's agency."""
    if site_name and site_name.strip():
        return site_name.strip()
    host = read_host(url)
    if host:
        return host
    return (agency or "").strip() or None


def read_host(url: str | None) -> str | None:
    """The host of a URL, lower case, without ``www.`` and a port; None for no URL or a bad one."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:  # a malformed URL (an unclosed IPv6 bracket)
        return None
    return host.removeprefix("www.") if host else None


def order_sources(sources: Sequence[S]) -> list[S]:
    """Sources by publication (undated last), then when they were fetched and stored."""
    return sorted(sources, key=lambda s: (s.published is None, s.published or "", s.fetched or "", s.stored_at,
                                          s.page_id, s.story_position))


def build_history(sources: Sequence[Told]) -> list[TollPoint]:
    """The toll across reports: each source's figures (copies once) in publication order,
    undated reports last; what incidents/figures.py takes the latest of."""
    outlets: dict[str, dict[str, None]] = {}
    for source in order_sources(sources):
        outlets.setdefault(source.group_id, {})[source.outlet or "unknown outlet"] = None
    reports = order_reports(sources)
    dated = [r for r in reports if r.published] + [r for r in reports if not r.published]
    return [TollPoint(published=r.published, outlets=tuple(outlets[r.group_id]), group_id=r.group_id,
                      killed=r.killed, injured=r.injured, arrested=r.arrested) for r in dated]
