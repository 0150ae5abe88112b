"""Photo captions from HTML markup, each distinct caption once, its credit apart.

A caption is a ``<figcaption>``, or an element whose class, id or itemprop says
caption (data/en/clean/html_caption_markup.txt) and that stands beside a picture. Its
credit is the text of a credit element inside it, else what the credit patterns
of data/en/clean/html_caption_credit.txt split off its end ("... (Photo: Jane Roe)").
"""
from __future__ import annotations

import re
from functools import cache

from lxml.html import HtmlElement

from ..lexicon import LANGUAGE, read_entries, read_table
from ..models import Caption
from .html_tree import SKIPPED_TAGS, iterate_text, join_pieces, normalize_space

MEDIA_TAGS = frozenset({"img", "picture", "video", "figure", "svg", "iframe", "amp-img"})
NEVER_CAPTION_TAGS = frozenset({"html", "body", "main", "article", "li", "ul", "ol", "nav",
                                "header", "footer", "img", "a", "button", "form"})
# Labels before a caption's own text: "Image caption", "Image 3 of 12".
CAPTION_LABEL = re.compile(r"^(?:(?:image|media|photo)\s+caption\s*:?\s*|(?:image|photo|slide)\s+\d+\s+of\s+\d+\s*)+",
                           re.IGNORECASE)
MAX_CAPTION_CHARS = 700
MIN_CAPTION_CHARS = 8
# A credit standing alone, as a caption prefix or suffix ("Photo:", "Credit...").
CREDIT_LABEL = re.compile(r"^\s*(?:(?:image\s+|photo\s+)?(?:credit|photograph|photo|image|picture|foto|source)s?"
                          r"\s*(?::|\.\.\.|…)"
                          r"|(?:image\s+|photo\s+)?(?:copyright|©)(?!\s*\d))\s*",
                          re.IGNORECASE)


@cache
def load_markup_rules() -> dict[str, tuple[re.Pattern[str], ...]]:
    """Caption and credit class-name rules by kind (caption, credit, not)."""
    rules: dict[str, list[re.Pattern[str]]] = {"caption": [], "credit": [], "not": []}
    for row in read_table(f"{LANGUAGE}/clean/html_caption_markup.txt").rows:
        rules[row["kind"]].append(re.compile(row["pattern"], re.IGNORECASE))
    return {kind: tuple(patterns) for kind, patterns in rules.items()}


@cache
def load_credit_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE | re.DOTALL)
                 for pattern in read_entries(f"{LANGUAGE}/clean/html_caption_credit.txt"))


def name_tokens(element: HtmlElement) -> list[str]:
    """The class names, id and itemprop of an element."""
    return " ".join(element.get(attr) or "" for attr in ("class", "id", "itemprop")).split()


def match_kind(element: HtmlElement, kind: str) -> bool:
    """Whether the element's names mark it as ``kind`` (caption or credit) and not as a control."""
    rules = load_markup_rules()
    tokens = name_tokens(element)
    wanted = [t for t in tokens if any(p.search(t) for p in rules[kind])]
    return any(not any(p.search(t) for p in rules["not"]) for t in wanted)


def read_text(element: HtmlElement, *, skip: set[HtmlElement] | None = None) -> str:
    """The element's visible text on one line, leaving out the elements in ``skip``."""
    if not skip:
        return " ".join(join_pieces(iterate_text(element)))
    clone = element.__copy__()
    doomed = [copied for original, copied in zip(element.iter(), clone.iter(), strict=True) if original in skip]
    for copied in doomed:
        copied.drop_tree()
    return " ".join(join_pieces(iterate_text(clone)))


def stands_beside_media(element: HtmlElement, *, levels: int = 3) -> bool:
    """Whether a picture sits in the element or in one of its nearest ancestors."""
    node: HtmlElement | None = element
    for _ in range(levels + 1):
        if node is None:
            return False
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in MEDIA_TAGS or any(True for _ in node.iter(*MEDIA_TAGS)):
            return True
        node = node.getparent()
    return False


def split_credit(text: str) -> Caption:
    """A caption with its credit split off its text, where it carries one."""
    text = normalize_space(text)
    for pattern in load_credit_patterns():
        match = pattern.match(text)
        if match and match.group("text").strip(" .-–—|"):
            credit = clean_credit(match.group("credit"))
            return Caption(text=match.group("text").strip(" -–—|"), credit=credit or None)
    return Caption(text=text)


def clean_credit(text: str) -> str | None:
    credit = CREDIT_LABEL.sub("", normalize_space(text)).strip(" ()[].|")
    return credit or None


def build_caption(element: HtmlElement) -> Caption | None:
    """The caption an element holds, its credit element (if any) read apart."""
    credits = [e for e in element.iterdescendants() if isinstance(e.tag, str) and match_kind(e, "credit")]
    credits = [e for e in credits if not any(a in credits for a in e.iterancestors())]
    credit_text = " ".join(read_text(e) for e in credits).strip()
    text = read_text(element, skip=set(credits)) if credits else read_text(element)
    text = CAPTION_LABEL.sub("", text)
    if credit_text and text:
        return Caption(text=text.strip(" -–—|"), credit=clean_credit(credit_text))
    if not (MIN_CAPTION_CHARS <= len(text) <= MAX_CAPTION_CHARS):
        return None
    return split_credit(text)


def find_caption_elements(tree: HtmlElement) -> list[HtmlElement]:
    """Caption elements in document order, none inside another.

    A <figcaption> is taken whole. Of caption-named elements nested in one
    another the outermost is taken, unless it holds the picture too: then it is
    a wrapper around picture, labels and caption, and the caption is inside.
    """
    candidates: list[HtmlElement] = []
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in SKIPPED_TAGS or tag in NEVER_CAPTION_TAGS:
            continue
        if tag == "figcaption" or (match_kind(element, "caption") and stands_beside_media(element)):
            candidates.append(element)
    marked = set(candidates)
    outer = {a for e in candidates for a in e.iterancestors() if a in marked}
    found: list[HtmlElement] = []
    taken: set[HtmlElement] = set()
    for element in candidates:
        if element in outer and element.tag != "figcaption" and holds_media(element):
            continue
        if any(a in taken for a in element.iterancestors()):
            continue
        found.append(element)
        taken.add(element)
    return found


def holds_media(element: HtmlElement) -> bool:
    return any(True for _ in element.iterdescendants(*MEDIA_TAGS))


def find_sibling_credit(element: HtmlElement) -> str | None:
    """The text of a credit element standing right beside the caption element."""
    for sibling in (element.getnext(), element.getprevious()):
        if sibling is not None and isinstance(sibling.tag, str) and match_kind(sibling, "credit") \
                and not match_kind(sibling, "caption"):
            return clean_credit(read_text(sibling))
    return None


def find_captions(tree: HtmlElement) -> tuple[Caption, ...]:
    """Each distinct photo caption of the page once, in order, credits split off.

    A caption that is only a credit ("Photo: Getty Images") credits the caption
    before it; of captions that agree over their first words (a truncated copy
    beside the full one) the fuller is kept.
    """
    captions: list[Caption] = []
    for element in find_caption_elements(tree):
        caption = build_caption(element)
        if caption is None:
            continue
        if caption.credit is None:
            credit = find_sibling_credit(element)
            caption = Caption(caption.text, credit) if credit else caption
        if CREDIT_LABEL.match(caption.text) or re.fullmatch(r"[(\[].*[)\]]", caption.text):
            if captions and captions[-1].credit is None:
                captions[-1] = Caption(captions[-1].text, clean_credit(caption.text))
            continue
        if len(caption.text) >= MIN_CAPTION_CHARS:
            merge_caption(captions, caption)
    return tuple(captions)


def merge_caption(captions: list[Caption], caption: Caption) -> None:
    """Add ``caption`` unless it repeats one already there (keeping the fuller of the two)."""
    key = fold_caption(caption.text)
    for index, other in enumerate(captions):
        other_key = fold_caption(other.text)
        if key.startswith(other_key[:80]) or other_key.startswith(key[:80]):
            fuller = max((other, caption), key=lambda c: (c.credit is not None, len(c.text)))
            credit = fuller.credit or other.credit or caption.credit
            captions[index] = Caption(fuller.text, credit)
            return
    captions.append(caption)


def fold_caption(text: str) -> str:
    return re.sub(r"\W+", " ", text).casefold().strip()
