"""The site's name an HTML page's metadata gives, as the cleaner reads it and the record shows it:
og:site_name, application-name where that is all there is, and nothing (not the URL's host)
where the metadata names no site. Flat text pages have no such field."""
from __future__ import annotations

import pytest

from dateline.clean.html import clean_html
from dateline.models import Page
from dateline.pipeline import clean_page
from dateline.record import to_record

ARTICLE = "".join(
    f"<p>Gunmen opened fire in the Gao market on Monday, killing five traders, officials said in their"
    f" statement number {n} about the attack.</p>" for n in range(1, 6))


def write_page(head: str) -> str:
    """A made-up article page with ``head`` in its <head>."""
    return (f"<html><head><title>Gunmen attack the Gao market</title>{head}</head><body><nav>Home · World</nav>"
            f"<article><h1>Gunmen attack the Gao market</h1>{ARTICLE}</article></body></html>")


OG_PAGE = write_page('<meta property="og:site_name" content="Sahel Wire">'
                     '<meta name="application-name" content="SW Reader">')
APP_PAGE = write_page('<meta name="application-name" content="River Post">')
BARE_PAGE = write_page('<meta name="description" content="An attack on a market">')
CANONICAL_PAGE = write_page('<link rel="canonical" href="https://www.delta-news.example/gao">')


@pytest.mark.parametrize("url", [None, "https://www.sahelwire.example/gao-market"])
@pytest.mark.parametrize("html, site_name", [
    (OG_PAGE, "Sahel Wire"),          # og:site_name comes first
    (APP_PAGE, "River Post"),         # application-name where it is all there is
    (BARE_PAGE, None),                # no name: not the URL's host either (the outlet falls back to it)
    (CANONICAL_PAGE, None),           # a canonical URL is no site name
], ids=["og-site-name", "application-name", "none", "canonical-only"])
def test_the_cleaner_reads_the_site_name_from_the_pages_metadata(html, site_name, url) -> None:
    cleaned = clean_html(html, url=url)
    assert cleaned.stories and cleaned.stories[0].headline == "Gunmen attack the Gao market"
    assert cleaned.site_name == site_name


def test_an_html_record_names_its_site_and_a_text_record_has_no_such_field() -> None:
    html = to_record(clean_page(Page("gao.html", OG_PAGE, kind="html", url="https://sahelwire.example/gao")))
    bare = to_record(clean_page(Page("bare.html", BARE_PAGE, kind="html")))
    text = to_record(clean_page(Page("gao.txt", "Gunmen attack the Gao market\n\nGunmen opened fire in the Gao"
                                     " market on Monday, killing five traders, officials said.",
                                     url="https://sahelwire.example/gao")))
    assert html["site_name"] == "Sahel Wire"
    assert "site_name" in bare and bare["site_name"] is None
    assert "site_name" not in text and text["stories"]


def test_a_line_that_repeats_the_host_trafilatura_names_the_site_by_is_still_metadata() -> None:
    """The outlet's name leaves out trafilatura's fallback to the host; the cleaner still knows
    that host as the site's name, so a page line giving it is metadata, not boilerplate."""
    html = CANONICAL_PAGE.replace("<nav>", "<header>delta-news.example</header><nav>")
    cleaned = clean_html(html)
    assert cleaned.site_name is None
    assert [(r.text, r.reason) for r in cleaned.removed if "delta" in r.text] == [("delta-news.example", "metadata")]
