"""HTML pages: told from text by their markup, decoded by their declared charset."""
from __future__ import annotations

import gzip

import pytest

from dateline.models import Page
from dateline.readers import read_sources
from dateline.readers.html import looks_like_html

HTML = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="windows-1252"><title>Incendie à Lyon | Le Quotidien</title>
<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Incendie à Lyon : le café rouvrira</h1>
<figure><img src="x.jpg"><figcaption>Les pompiers devant le café. (Photo Jean Dupré)</figcaption></figure>
<p>LYON (AFP) — Les pompiers ont maîtrisé l’incendie vers 6 heures.</p></article>
<footer>© Le Quotidien</footer></body></html>
"""


def test_html_page_is_read_as_html_in_its_declared_charset(tmp_path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML.encode("cp1252"))
    [page] = read_sources([str(path)])
    assert isinstance(page, Page)
    assert page.kind == "html" and page.encoding == "cp1252"
    assert "maîtrisé l’incendie" in page.text


def test_gzipped_html_is_unpacked(tmp_path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(HTML.encode("cp1252")))
    [page] = read_sources([str(path)])
    assert page.kind == "html" and "Incendie à Lyon" in page.text
    assert page.source == str(path)


@pytest.mark.parametrize(("text", "is_html"), [
    (HTML, True),
    ("<div class='story'><p>One</p><p>Two</p><p>Three</p><span>x</span><a href='#'>y</a></div>", True),
    ("   <!-- saved page -->\n<html><body>x</body></html>", True),
    ("LYON (AFP) — The <p> tag opens a paragraph in HTML, a reader wrote.\nMore text.", False),
    ("<Reuters> said on Tuesday that talks would resume.\nAnother line.", False),
])
def test_markup_is_told_from_prose(text, is_html) -> None:
    assert looks_like_html(text) is is_html


def test_format_flag_forces_the_kind(tmp_path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [page] = read_sources([str(path)], fmt="text")
    assert page.kind == "text"
    notes = tmp_path / "notes.txt"
    notes.write_text("Just a line of text.\n", encoding="utf-8")
    [page] = read_sources([str(notes)], fmt="html")
    assert page.kind == "html"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        list(read_sources(["x"], fmt="pdf"))
