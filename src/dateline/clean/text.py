"""Flattened text to stories: the cleaner for plain-text pages (and for the text the
HTML cleaner extracts).

    text ─▶ lines (normalised; scraper stamps split off)
         ─▶ main-content regions (region.py; skipped when ``extracted``)
         ─▶ each line classified: stamp, chrome, caption, byline, prose, short
         ─▶ repeats marked (exact and near) ─▶ stories split (stories.py)
         ─▶ headline, dateline, dates and captions per story

Every line that does not end up in a story's body, headline or captions is kept
as a ``Removed`` record with its reason.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from itertools import pairwise

from ..models import Caption, Cleaned, Dateline, Removed, Story
from .captions import (ends_on_date, is_bare_credit, is_caption, split_credit, split_glued_caption,
                       split_trailing_caption)
from .datelines import read_dateline
from .lines import Line, count_words, ends_sentence, is_chrome, is_prose, split_lines, squash
from .lists import find_list_items
from .region import select_regions
from .stamps import Stamp, find_copyright_years, parse_iso_date, read_stamp, read_url_date
from .story_dates import PageContext, date_story
from .stories import (BYLINE, CAPTION, CHROME, DUPLICATE, OUTSIDE, PROSE, SHORT, STAMP, Draft, Tagged,
                      drop_teasers, looks_like_link_title, read_head, split_stories)
from .tables import load_mapping, load_regexes, load_words, match_any

log = logging.getLogger(__name__)

BYLINE_LINE = re.compile(r"\A(?:by|from)\s+[A-Z][\w.'’\- ]{1,80}\Z", re.I)
NEAR_REPEAT = 0.85
MIN_GALLERY_WORDS = 12  # the median caption of a gallery runs longer than a headline


def clean_text(text: str, *, fetched: str | None = None, title: str | None = None, published: str | None = None,
               captions: Sequence[str] = (), extracted: bool = False, url: str | None = None) -> Cleaned:
    """The stories of one flattened page, and every line dropped on the way.

    ``published`` (from a page's metadata) or else the date in its ``url``
    ("/2019/06/20/") dates the first story where it prints no stamp of its own.
    """
    published = published or read_url_date(url)
    lines, scraper_stamps = split_lines(text)
    removed = [Removed(s, "metadata", "scraper date stamp") for s in scraper_stamps]
    inside = mark_inside(lines, extracted=extracted)
    tagged = split_glued_captions(classify_lines(lines, inside=inside, caption_hints=captions))
    if not extracted:
        mark_list_items(tagged)
        mark_trailing_gallery(tagged)
        mark_cut_off_paragraph(tagged, cut_off=text.rstrip(" \t")[-1:].isalpha())
    mark_gallery_captions(tagged)
    mark_doubled_captions(tagged)
    rescue_datelined(tagged)
    mark_repeats(tagged)
    drafts = drop_teasers(split_stories(tagged, removed=removed, extracted=extracted), removed)
    page_stamps = [s for s in (read_stamp(x) for x in scraper_stamps) if s is not None]
    fetched_on = parse_iso_date(fetched)
    context = PageContext(
        years=find_copyright_years([line.text for line in lines]) + ([fetched_on.year] if fetched_on else []),
        fetched=fetched_on,
        agency=find_page_agency(tagged),
    )
    stories = []
    for number, draft in enumerate(drafts):
        read_head(draft, first=number == 0, all_lines=lines, removed=removed,
                  title=title.strip() if title and number == 0 else None, extracted=extracted)
        stories.append(finish_story(draft, context=context, page_stamps=page_stamps,
                                    published=published if number == 0 else None, removed=removed))
        if number == 0 and stories[0].published:
            page_stamps = page_stamps or [stamp for stamp in draft.stamps]
    stories = [story for story in stories if story.body]
    removed = order_by_page(removed, lines)
    log.debug("cleaned %d lines into %d stories, %d removed", len(lines), len(stories), len(removed))
    return Cleaned(stories=tuple(stories), removed=tuple(removed))


def order_by_page(removed: list[Removed], lines: list[Line]) -> list[Removed]:
    """Removed lines in the order the page shows them (parts of lines, such as a
    label cut off a headline, stay next to what came before them)."""
    where: dict[str, int] = {}
    for line in lines:
        where.setdefault(line.text, line.index)
    keyed, last = [], -1
    for order, item in enumerate(removed):
        last = where.get(item.text, find_containing_line(item.text, lines, last))
        keyed.append((last, order, item))
    return [item for _, _, item in sorted(keyed, key=lambda k: (k[0], k[1]))]


def find_containing_line(text: str, lines: list[Line], default: int, *, min_chars: int = 20) -> int:
    """The line a removed piece was cut from (a caption glued to a paragraph)."""
    if len(text) < min_chars:
        return default
    return next((line.index for line in lines if text in line.text), default)


def mark_inside(lines: list[Line], *, extracted: bool) -> list[bool]:
    if extracted or not lines:
        return [True] * len(lines)
    inside = [False] * len(lines)
    for start, end in select_regions([line.text for line in lines]):
        for i in range(max(0, start), min(end, len(lines))):
            inside[i] = True
    return inside


def classify_lines(lines: list[Line], *, inside: list[bool], caption_hints: Sequence[str]) -> list[Tagged]:
    """What each line is taken for, on its own evidence."""
    hinted = {squash(split_credit(c).text) for c in caption_hints if c.strip()}
    tagged = []
    for line, is_inside in zip(lines, inside, strict=True):
        text = line.text
        stamp = read_stamp(text)
        if squash(split_credit(text).text) in hinted:
            item = Tagged(line, CAPTION, "marked as a caption", caption=split_credit(text))
        elif stamp is not None:
            item = Tagged(line, STAMP, "date stamp", stamp=stamp)
        elif is_chrome(text):
            item = Tagged(line, CHROME, "site chrome")
        elif is_bare_credit(text):
            item = Tagged(line, CHROME, "photo credit")
        elif is_caption(text):
            item = Tagged(line, CAPTION, "photo caption", caption=split_credit(text))
        elif BYLINE_LINE.match(text) and count_words(text) <= 10:
            item = Tagged(line, BYLINE, "byline")
        elif is_prose(text) and not (count_words(text) <= 30 and ends_on_date(text)):
            item = Tagged(line, PROSE)
        else:
            item = Tagged(line, SHORT)
        item.inside = is_inside or (line.glued and item.kind == PROSE)  # the page's own lead or standfirst
        if not item.inside and item.kind == PROSE:
            item.kind, item.note = OUTSIDE, "outside main content"
        tagged.append(item)
    return tagged


def split_glued_captions(tagged: list[Tagged]) -> list[Tagged]:
    """A paragraph with a photo caption, its credit and a related story's title glued in
    front of it comes apart: the caption goes with the story's captions, the title is
    removed as chrome, the paragraph stays (captions.split_glued_caption)."""
    result = []
    for item in tagged:
        glued = split_glued_caption(item.line.text) if item.kind in (PROSE, OUTSIDE) else None
        trailing = split_trailing_caption(item.line.text) if item.kind in (PROSE, OUTSIDE) and not glued else None
        line = item.line
        if trailing is not None:
            paragraph, printed, caption = trailing
            if paragraph:
                kind = item.kind if is_prose(paragraph) else SHORT
                result.append(Tagged(Line(line.index, paragraph, line.follows_blank), kind, item.note,
                                     inside=item.inside))
            result.append(Tagged(Line(line.index, printed, False), CAPTION, "photo caption glued after a "
                                 "paragraph", caption=caption, inside=item.inside))
            continue
        if glued is None:
            result.append(item)
            continue
        result.append(Tagged(Line(line.index, glued.line, line.follows_blank), CAPTION, "photo caption glued to a "
                             "paragraph", caption=glued.caption, inside=item.inside))
        if glued.title:
            result.append(Tagged(Line(line.index, glued.title, False), CHROME,
                                 "related story's title glued to a paragraph", inside=item.inside))
        if glued.rest:
            kind = item.kind if is_prose(glued.rest) else SHORT
            result.append(Tagged(Line(line.index, glued.rest, False), kind, item.note, inside=item.inside))
    return result


def mark_list_items(tagged: list[Tagged]) -> None:
    """Short lines that are items of a list in the article are its text (lists.py)."""
    items = find_list_items([t.line.text for t in tagged], [t.inside for t in tagged])
    for i in sorted(items):
        item = tagged[i]
        if item.kind in (SHORT, OUTSIDE):
            item.kind, item.note, item.inside = PROSE, "list item", True


def mark_cut_off_paragraph(tagged: list[Tagged], *, cut_off: bool) -> None:
    """A page whose text stops in the middle of a word (a scraper kept only its first
    characters) ends on a paragraph cut short, however few words are left of it ("Officials
    expect the bridge to reop"): kept as printed when it follows the story's prose and
    reads as running text (a capital or quote to open, a word in lower case)."""
    if not cut_off or len(tagged) < 2 or tagged[-1].kind != SHORT or tagged[-2].kind != PROSE:
        return
    text = tagged[-1].line.text
    words = text.split()
    if len(words) >= 2 and (text[:1].isupper() or text[:1] in "“\"‘'") and any(w[:1].islower() for w in words[1:]):
        tagged[-1].kind, tagged[-1].note, tagged[-1].inside = PROSE, "paragraph cut off by the page", True


def is_bare_caption(text: str, *, min_words: int = 6, max_words: int = 50) -> bool:
    """Could be a photo caption printed without credit: a few lines long, opens with a
    capital and no dateline, ends on no stop (captions print none; a story's sentences
    do) and not mid-sentence (a paragraph the page cut off ends on a word such as "the"
    or "to")."""
    words = text.rstrip().split()
    return (min_words <= len(words) <= max_words and text[:1].isupper() and not ends_sentence(text)
            and read_dateline(text) is None and not looks_like_link_title(text)
            and not text.rstrip().endswith((":", ";", ",", "-", "–", "—"))
            and words[-1].lower().strip("\"'”’)") not in load_words("function_words"))


def mark_trailing_gallery(tagged: list[Tagged], *, min_run: int = 2) -> None:
    """The captions of a gallery appended below the last story, without credits: a run
    of two or more such lines that closes the page's text, after prose that ends in
    sentences."""
    run: list[Tagged] = []
    for item in reversed(tagged):
        if item.kind in (CHROME, STAMP, DUPLICATE, CAPTION, OUTSIDE, BYLINE):
            continue
        if item.note == "list item" or not is_bare_caption(item.line.text):
            break
        run.append(item)
    prose_before = any(t.kind == PROSE and ends_sentence(t.line.text) for t in tagged if t not in run)
    lengths = sorted(count_words(t.line.text) for t in run)
    if len(run) < min_run or not prose_before or lengths[len(lengths) // 2] < MIN_GALLERY_WORDS:
        return  # two short lines are more likely the titles of related stories
    for item in run:
        item.kind, item.note, item.caption = CAPTION, "photo caption below the story", split_credit(item.line.text)


def mark_doubled_captions(tagged: list[Tagged], *, max_share: float = 1 / 3, max_words: int = 60) -> None:
    """A paragraph printed twice in a row, with no blank line between, is a picture's alt
    text and its caption: a caption, once. A copy cut short further on is the same caption.
    Where most of a page is doubled (a scraper that read each paragraph twice) this says
    nothing, and the repeats are left to ``mark_repeats``."""
    pairs = [(first, second) for first, second in pairwise(tagged)
             if first.line.text == second.line.text and not second.line.follows_blank
             and first.kind in (PROSE, SHORT) and count_words(first.line.text) <= max_words]
    prose = sum(1 for t in tagged if t.kind == PROSE)
    if not pairs or len(pairs) > max_share * max(prose, 1):
        return
    captions = []
    for first, second in pairs:
        first.kind, first.note, first.caption = CAPTION, "photo caption printed twice", split_credit(first.line.text)
        second.kind, second.note = DUPLICATE, "repeated"
        captions.append(first.line.text)
    for item in tagged:  # "The six-storey hotel was being refitted when its roof gave way onto the stre"
        text = item.line.text
        if item.kind in (PROSE, SHORT) and len(text) >= 40 and any(
                c.startswith(text) and len(c) > len(text) for c in captions):
            item.kind, item.note = DUPLICATE, "caption cut short"


def mark_gallery_captions(tagged: list[Tagged]) -> None:
    """A slideshow's counter ("Image 2 of 5") is chrome and the line after it its caption."""
    for index, item in enumerate(tagged):
        if match_any("gallery_counters", item.line.text) is None:
            continue
        item.kind, item.note = CHROME, "slideshow counter"
        after = tagged[index + 1] if index + 1 < len(tagged) else None
        if after is not None and after.kind in (PROSE, SHORT, OUTSIDE):
            after.kind, after.note, after.caption = CAPTION, "slideshow caption", split_credit(after.line.text)


def collect_words(text: str) -> set[str]:
    return set(squash(text).split())


def mark_repeats(tagged: list[Tagged]) -> None:
    """Later copies of a paragraph or caption become duplicates; a caption repeated
    with its credit glued on turns its earlier bare copy into the caption."""
    seen: dict[str, Tagged] = {}
    openings: dict[str, list[Tagged]] = {}
    for item in tagged:
        if item.kind not in (PROSE, CAPTION, SHORT):
            continue  # a copy outside the main content does not make the one inside a repeat
        text = item.caption.text if item.caption else item.line.text
        key = squash(text)
        if not key:
            continue
        earlier = seen.get(key)
        if earlier is not None and (item.kind != SHORT or earlier.kind == CAPTION):
            if item.kind == CAPTION and earlier.kind in (SHORT, PROSE):
                earlier.kind, earlier.caption, earlier.note = CAPTION, item.caption, "photo caption"
            item.kind, item.note = DUPLICATE, "repeated"
            continue
        if item.kind == PROSE and is_near_repeat(key, openings):
            item.kind, item.note = DUPLICATE, "near repeat"
            continue
        seen.setdefault(key, item)
        if item.kind == PROSE:
            words = key.split()
            for probe in (" ".join(words[:8]), " ".join(words[-8:])):
                openings.setdefault(probe, []).append(item)


def is_near_repeat(key: str, openings: dict[str, list[Tagged]]) -> bool:
    words = key.split()
    mine = set(words)
    for probe in (" ".join(words[:8]), " ".join(words[-8:])):
        for other in openings.get(probe, ()):
            theirs = collect_words(other.line.text)
            if len(mine & theirs) >= NEAR_REPEAT * max(len(mine), len(theirs)):
                return True
    return False


def rescue_datelined(tagged: list[Tagged]) -> None:
    """A story the region selector left out still counts when it opens with a strong
    dateline: that paragraph and the prose right after it are kept."""
    rescuing = False
    for item in tagged:
        if item.kind == OUTSIDE:
            found = read_dateline(item.line.text)
            if rescuing or (found is not None and found.strong):
                item.kind, item.note, item.inside, rescuing = PROSE, None, True, True
        elif item.kind in (SHORT, CHROME) or item.inside:
            rescuing = False


def strip_trailing_code(text: str) -> tuple[str, str | None]:
    """A paragraph without the editor's code that closes it ("... (T/RE1)")."""
    for pattern in load_regexes("trailing_codes"):
        body = re.compile(r"\s+(?P<code>" + pattern.pattern.removesuffix(r"\Z") + r")\s*\Z", re.I)
        match = body.search(text)
        if match:
            return text[: match.start()].rstrip(), match.group("code")
    return text, None


def find_page_agency(tagged: list[Tagged]) -> str | None:
    """An agency the page names in a stamp or byline ("AFP Published ...", "By The Associated Press")."""
    agencies = load_mapping("agencies")
    for item in tagged:
        if item.kind == STAMP and item.stamp and item.stamp.agency:
            return item.stamp.agency
        if item.kind == BYLINE:
            name = re.sub(r"\A(?:by|from)\s+", "", item.line.text, flags=re.I).strip().lower()
            if name in agencies:
                return agencies[name]
    return None


def finish_story(draft: Draft, *, context: PageContext, page_stamps: list[Stamp], published: str | None,
                 removed: list[Removed]) -> Story:
    body = []
    for item in draft.body:
        paragraph, code = strip_trailing_code(item.line.text)
        if code:
            removed.append(Removed(code, "boilerplate", "editor's code"))
        body.append(paragraph)
    dateline = None
    found = (draft.dateline or read_dateline(body[0])) if body else None
    if found is not None:
        dateline = Dateline(place=found.dateline.place, agency=found.dateline.agency or context.agency)
    captions: list[Caption] = []
    keys: set[str] = set()
    for caption in draft.captions:
        key = squash(caption.text)
        if key and key not in keys:
            keys.add(key)
            captions.append(caption)
    stamped, updated = date_story(draft, context=context, page_stamps=page_stamps, published=published,
                                  lead=body[0] if body else "", texts=body + [c.text for c in captions],
                                  captions=[c.text for c in captions],
                                  filed=found.filed if found is not None else None)
    return Story(headline=draft.headline, body=tuple(body), dateline=dateline, published=stamped,
                 updated=updated, captions=tuple(captions), byline=draft.byline)
