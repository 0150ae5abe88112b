"""Splitting a classified page into stories.

The cleaner walks the page's lines in order. A story opens with its first prose
paragraph; the short lines, stamps and captions just before it are its "head"
(headline, byline, date stamp, standfirst, lead photo). A new story starts when,
after some body text:

- a paragraph opens with a strong dateline ("QUITO, Ecuador (AP) —"), or
- a headline-like line is followed by a photo caption before the next paragraph,
  or is preceded by a label the page already used above its first story
  ("Cloud Precipitation" over every teaser of a topic page).

Otherwise short lines between paragraphs are chrome (an injected related-article
headline, a subhead), unless they read as a sentence of the story.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Caption, Removed
from .captions import ends_on_date, split_credit
from .datelines import DatelineMatch, read_dateline
from .headlines import choose_headline, clean_headline
from .lines import Line, count_words, is_lower_word, ends_sentence, is_headline_like, squash
from .stamps import Stamp
from .tables import load_word_sets

ARTICLES = load_word_sets("words")["articles"]
# kinds given to lines by text.classify_lines
PROSE, SHORT, STAMP, CHROME, CAPTION, BYLINE, DUPLICATE, OUTSIDE = (
    "prose", "short", "stamp", "chrome", "caption", "byline", "duplicate", "outside")
REASONS = {STAMP: "metadata", BYLINE: "metadata", CAPTION: "caption", DUPLICATE: "duplicate"}


@dataclass(slots=True)
class Tagged:
    """A line and what the cleaner takes it for (mutable while the page is read)."""

    line: Line
    kind: str
    note: str | None = None
    stamp: Stamp | None = None
    caption: Caption | None = None
    inside: bool = True


@dataclass(slots=True)
class Draft:
    """A story being put together."""

    head: list[Tagged] = field(default_factory=list)
    body: list[Tagged] = field(default_factory=list)
    tail: list[Tagged] = field(default_factory=list)  # lines after body started, not yet placed
    captions: list[Caption] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    headline: str | None = None
    dateline: DatelineMatch | None = None
    byline: str | None = None


def reads_as_sentence(text: str, *, question_ok: bool = True) -> bool:
    """A short line that is still a sentence of the story, not a link or a label."""
    if text[:1] in "“\"‘'" or text[:1].islower():
        return True
    if count_words(text) < 3 or (text.endswith("?") and not question_ok):
        return False
    words = text.split()
    lower = sum(1 for w in words if is_lower_word(w))
    return ends_sentence(text) and lower >= len(words) / 3


def is_cut_short(text: str) -> bool:
    """A paragraph the page cut off mid-sentence: running text with no end."""
    words = text.split()
    lower = sum(1 for w in words if is_lower_word(w))
    return len(words) >= 8 and lower >= len(words) * 0.5 and not text.endswith("?")


def looks_like_link_title(text: str) -> bool:
    """A headline dropped into the text as a link: headline wording (no articles, no
    closing stop) in a line of its own."""
    words = [w.lower() for w in text.split()]
    return (is_headline_like(text) and len(words) >= 5 and not ends_sentence(text)
            and not ARTICLES.intersection(words))


def keeps_short_line(pending: list[Tagged], i: int, *, closing: bool, extracted: bool = False) -> bool:
    """Whether a short line after a story's paragraphs is still part of its text.

    In text an extractor already cut to the main content (``extracted``), short
    lines are list items and subheads of the story unless they close it in a run
    of link titles."""
    text = pending[i].line.text
    if extracted:
        run = find_trailing_links(pending) if closing else []
        return not (len(run) >= 3 and any(t is pending[i] for t in run))
    if not closing:
        if count_words(text) <= 3 and not ends_sentence(text):
            return False  # a subhead or label
        return reads_as_sentence(text) or not looks_like_link_title(text)
    rest = [t for t in pending[i + 1:] if t.kind in (SHORT, PROSE)]
    if not rest:
        return reads_as_sentence(text, question_ok=False) or is_cut_short(text)
    if any(t is pending[i] for t in find_trailing_links(pending)):
        return False
    return pending[i].inside and keeps_short_line(pending, i, closing=False)


def find_trailing_links(pending: list[Tagged]) -> list[Tagged]:
    """The run of link titles and labels that closes a page (related articles, tags)."""
    run: list[Tagged] = []
    for item in reversed(pending):
        text = item.line.text
        if item.kind != SHORT:
            continue
        if text[:1] in "“\"‘'" or text[:1].islower() or not (is_headline_like(text) or count_words(text) <= 3):
            break
        run.append(item)
    return run


def opens_new_story(pending: list[Tagged], labels: set[str]) -> bool:
    """Short lines between paragraphs that head a story of their own."""
    for i, tagged in enumerate(pending):
        if tagged.kind != SHORT or not is_headline_like(tagged.line.text):
            continue
        after = pending[i + 1:]
        if any(t.kind == CAPTION or (t.kind == SHORT and ends_on_date(t.line.text)) for t in after):
            return True
        if any(squash(t.line.text) in labels for t in pending[:i]):
            return True
    return False


def follows_standfirst(current: Draft, pending: list[Tagged]) -> bool:
    """A datelined paragraph right after a story's one undated paragraph continues that
    story: the first paragraph was its standfirst (a summary above the lead), not a story
    of its own, unless a headline stands between them."""
    return (len(current.body) == 1 and current.dateline is None
            and read_dateline(current.body[0].line.text) is None
            and not any(t.kind == SHORT and is_headline_like(t.line.text) for t in pending))


def split_pending(pending: list[Tagged], labels: set[str]) -> tuple[list[Tagged], list[Tagged]]:
    """The lines between two stories: the first one's tail, then the next one's head
    (from its label or headline on)."""
    heads = [i for i, t in enumerate(pending) if t.kind == SHORT and is_headline_like(t.line.text)]
    if not heads:
        return pending, []
    cut = heads[-1]
    while cut > 0 and (squash(pending[cut - 1].line.text) in labels or pending[cut - 1].kind in (STAMP, BYLINE)):
        cut -= 1
    return pending[:cut], pending[cut:]


def split_stories(tagged: list[Tagged], *, removed: list[Removed], extracted: bool = False) -> list[Draft]:
    """Group the page's lines into story drafts; lines that belong to none go to ``removed``."""
    drafts: list[Draft] = []
    pending: list[Tagged] = []
    labels: set[str] = set()
    for item in tagged:
        if item.kind != PROSE:
            pending.append(item)
            continue
        dateline = read_dateline(item.line.text)
        current = drafts[-1] if drafts else None
        if current is None:  # the first story; a label above it may stand above later ones too
            labels = {squash(t.line.text) for t in pending if t.kind in (SHORT, CHROME)
                      and not is_headline_like(t.line.text)}
            draft = Draft(head=pending, dateline=dateline)
            drafts.append(draft)
        else:
            if dateline is not None and follows_standfirst(current, pending):
                current.dateline = dateline  # the lead after a standfirst carries the story's dateline
                dateline = None
            if (dateline is not None and dateline.strong) or opens_new_story(pending, labels):
                tail, head = split_pending(pending, labels)
                close_tail(current, tail, removed, closing=False, extracted=extracted)
                draft = Draft(head=head, dateline=dateline)
                drafts.append(draft)
            else:
                close_tail(current, pending, removed, closing=False, extracted=extracted)
                draft = current
        pending = []
        draft.body.append(item)
    if drafts:
        close_tail(drafts[-1], pending, removed, closing=True, extracted=extracted)
    else:
        removed.extend(Removed(t.line.text, give_reason(t), t.note) for t in pending)
    return drafts


def drop_teasers(drafts: list[Draft], removed: list[Removed], *, min_run: int = 3,
                 article_paragraphs: int = 4) -> list[Draft]:
    """Without the teaser blocks of a page that also holds an article: runs of
    ``min_run`` or more one-paragraph stories in a row (a headline and its summary,
    over and over), when some story runs to ``article_paragraphs`` or more."""
    if not any(len(d.body) >= article_paragraphs for d in drafts):
        return drafts
    kept: list[Draft] = []
    run: list[Draft] = []
    for draft in [*drafts, None]:
        if draft is not None and len(draft.body) == 1:
            run.append(draft)
            continue
        if len(run) >= min_run:
            for teaser in run:
                removed.extend(Removed(t.line.text, "boilerplate", "teaser of another story")
                               for t in [*teaser.head, *teaser.body])
        else:
            kept.extend(run)
        run = []
        if draft is not None:
            kept.append(draft)
    return kept


def give_reason(item: Tagged) -> str:
    """Why a line left out of every story was removed: by its kind, else boilerplate."""
    return REASONS.get(item.kind, "boilerplate")


def close_tail(draft: Draft, pending: list[Tagged], removed: list[Removed], *, closing: bool,
               extracted: bool = False) -> None:
    """Place the lines that followed a story's paragraphs: kept sentences, captions, chrome."""
    for i, item in enumerate(pending):
        if item.kind == CAPTION:
            draft.captions.append(item.caption or split_credit(item.line.text))
            removed.append(Removed(item.line.text, "caption", "photo caption"))
        elif item.kind == STAMP and item.stamp is not None:
            draft.stamps.append(item.stamp)
            removed.append(Removed(item.line.text, "metadata", "date stamp"))
        elif item.kind == SHORT and (item.inside or (closing and i == 0)) and keeps_short_line(
                pending, i, closing=closing, extracted=extracted):
            draft.body.append(item)
        else:
            note = item.note or ("related headline or subhead" if item.kind == SHORT else None)
            removed.append(Removed(item.line.text, give_reason(item), note))


def is_datelined_lead(text: str) -> bool:
    """A short line that opens with a place and an agency is the story's lead, however
    short (a live page's "QUITO (AP) — The latest on the floods:"); a label such as "NCIS:"
    or a slug such as "AP-US--Vote" is not."""
    found = read_dateline(text)
    return (found is not None and found.dateline.place is not None and found.dateline.agency is not None
            and count_words(text[found.end:]) >= 3)


def read_head(draft: Draft, *, first: bool, all_lines: list[Line], removed: list[Removed],
              title: str | None = None, extracted: bool = False) -> None:
    """Headline, byline, stamps and lead captions from the lines above a story."""
    shorts = [t.line for t in draft.head if t.kind == SHORT]
    chosen = None if title else choose_headline(shorts, all_lines=all_lines, first=first)
    glued_label = None  # a section label the chosen line prints before the headline
    if title:
        draft.headline = title
    elif chosen is not None:
        draft.headline = clean_headline(chosen.text, all_lines=all_lines)
        if draft.headline != chosen.text:
            glued_label = chosen.text[: len(chosen.text) - len(draft.headline)].strip()
    head = HeadReading(headline_key=squash(draft.headline or ""), after_headline=chosen is None,
                       extracted=extracted)
    for item in draft.head:
        if item.kind == SHORT and chosen is not None and item.line.index == chosen.index:
            head.after_headline = True
            if glued_label is not None:
                removed.append(Removed(glued_label, "boilerplate", "section label glued to the headline"))
            continue
        place_head_line(draft, item, head=head, removed=removed)
    draft.body[:0] = head.lead


@dataclass(slots=True)
class HeadReading:
    """What ``read_head`` knows while it walks the lines above a story."""

    headline_key: str  # the headline squashed, to find it repeated
    after_headline: bool  # the headline line has been passed (or there is none)
    extracted: bool  # the text is an extractor's main content
    lead: list[Tagged] = field(default_factory=list)  # head lines that open the story's body


def place_head_line(draft: Draft, item: Tagged, *, head: HeadReading, removed: list[Removed]) -> None:
    """Put one line above a story where it belongs: a stamp, byline or caption of the
    story, the lead of its body, or a removed line with its reason."""
    text = item.line.text
    short_after_headline = item.kind == SHORT and head.after_headline
    if item.kind == STAMP and item.stamp is not None:
        draft.stamps.append(item.stamp)
        removed.append(Removed(text, "metadata", "date stamp"))
    elif item.kind == BYLINE:
        draft.byline = draft.byline or text
        removed.append(Removed(text, "metadata", "byline"))
    elif item.kind == CAPTION:
        draft.captions.append(item.caption or split_credit(text))
        removed.append(Removed(text, "caption", "photo caption"))
    elif item.kind == SHORT and head.headline_key and head.headline_key in squash(text):
        removed.append(Removed(text, "duplicate", "headline repeated"))
    elif short_after_headline and ends_on_date(text) and count_words(text) >= 4:
        draft.captions.append(split_credit(text))
        removed.append(Removed(text, "caption", "photo caption above the story"))
    elif short_after_headline and head.extracted and count_words(text) >= 3:
        head.lead.append(item)  # the extractor kept it as article text
    elif short_after_headline and not head.lead and is_datelined_lead(text):
        head.lead.append(item)  # "SANTIAGO (AP) — The latest on the wildfires (all times local):"
        draft.dateline = draft.dateline or read_dateline(text)
    elif short_after_headline and count_words(text) >= 8:
        removed.append(Removed(text, "metadata", "standfirst or teaser"))
    else:
        removed.append(Removed(text, give_reason(item), item.note))
