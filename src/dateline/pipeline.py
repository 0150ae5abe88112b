"""The stages chained. ``process_batch`` is pure, module-level and picklable, so
local process pools and Dask can run it unchanged.

    pages ──clean (each page)──▶ stories ──nlp (ONE nlp.pipe over every story of the
    batch)──▶ entities, quotes, sentences ──code (each story)──▶ events ──▶ Extraction

Copies are done once: stories of a batch with the same body text are parsed once
(``nlp.pipe`` receives each distinct text once) and coded once for each distinct
(text, date, dateline, headline), so every copy gets the same coding.

A page that fails in a stage becomes an Extraction with a Failure (stage ``clean`` or
``nlp``) and the batch goes on: when the batch's single parse fails, the pages are
parsed one by one so that only the page at fault is marked. The spaCy ``Doc`` objects
never leave ``parse_stories``.
"""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from .clean.html import clean_html
from .clean.text import clean_text
from .coding import code_events
from .coding import describe_version as describe_coder_version
from .errors import DatelineError, TextTooLong
from .models import NLP_VERSION, Event, Extraction, Failure, Page, Span, Story, StoryAnalysis

log = logging.getLogger(__name__)

NLP_BATCH_SIZE = 32


def clean_page(page: Page) -> Extraction:
    """Clean one page into stories; a page that fails becomes a recorded Failure."""
    try:
        if page.kind == "html":
            cleaned = clean_html(page.text, url=page.url, fetched=page.fetched)
        else:
            cleaned = clean_text(page.text, fetched=page.fetched, url=page.url)
    except DatelineError as exc:
        return Extraction(page=page, failure=Failure(page.source, "clean", str(exc), page.offset))
    except RecursionError:
        reason = "page nests too deeply to parse"
        return Extraction(page=page, failure=Failure(page.source, "clean", reason, page.offset))
    except Exception as exc:  # one bad page never stops a batch
        log.exception("cleaning %s failed", page.source)
        reason = f"cleaner crashed: {type(exc).__name__}: {exc}"
        return Extraction(page=page, failure=Failure(page.source, "clean", reason, page.offset))
    return Extraction(page=page, stories=cleaned.stories, removed=cleaned.removed,
                      cleaner_version=cleaned.cleaner_version, site_name=cleaned.site_name)


def parse_stories(texts: Sequence[str], *, nlp=None) -> list[tuple[StoryAnalysis, tuple[Span, ...]]]:
    """Entities, quotes and sentence spans of each text, from one ``nlp.pipe`` run over
    the distinct texts (a text given twice is parsed once; both get its result)."""
    from .nlp.analysis import analyse_doc
    from .nlp.marks import normalise_marks
    from .nlp.model import load_nlp

    nlp = nlp if nlp is not None else load_nlp()
    distinct = list(dict.fromkeys(texts))  # each text parsed once, in first-seen order
    check_lengths(distinct, getattr(nlp, "max_length", None))
    prepared = (normalise_marks(text) for text in distinct)
    parsed: dict[str, tuple[StoryAnalysis, tuple[Span, ...]]] = {}
    for text, doc in zip(distinct, nlp.pipe(prepared, batch_size=NLP_BATCH_SIZE), strict=True):
        sentences = tuple((sent.start_char, sent.end_char) for sent in doc.sents)
        parsed[text] = (analyse_doc(doc, text=text), sentences)
    if len(distinct) < len(texts):
        log.debug("parsed %d distinct story texts for %d stories", len(distinct), len(texts))
    return [parsed[text] for text in texts]


def check_lengths(texts: Sequence[str], limit: int | None) -> None:
    """Refuse, before parsing, a text longer than the parser takes (TextTooLong); a
    stand-in pipeline without ``max_length`` takes any length."""
    for text in texts:
        if limit is not None and len(text) > limit:
            raise TextTooLong(len(text), limit)


def annotate_story(story: Story, analysis: StoryAnalysis, sentences: Sequence[Span], *,
                   coded: dict[tuple, tuple[Event, ...]] | None = None) -> Story:
    """The story with its entities, quotes and coded events.

    ``coded`` remembers the events of stories already coded in this batch, keyed by
    everything the coder reads (text, date, dateline place, headline, captions): a copy is coded once.
    """
    dateline_place = story.dateline.place if story.dateline else None
    captions = tuple(caption.text for caption in story.captions)
    key = (story.text, story.published, dateline_place, story.headline, captions)
    events = coded.get(key) if coded is not None else None
    if events is None:
        events = code_events(story.text, sentences=sentences, story_date=story.published,
                             dateline_place=dateline_place, headline=story.headline, entities=analysis.entities,
                             captions=captions, parse=analysis.parse)
        if coded is not None:
            coded[key] = events
    return dataclasses.replace(story, entities=analysis.entities, quotes=analysis.quotes, events=events)


def fail_nlp(extraction: Extraction, exc: BaseException) -> Extraction:
    page = extraction.page
    if isinstance(exc, DatelineError):
        reason = str(exc)
    else:
        log.debug("nlp on %s failed", page.source, exc_info=True)
        reason = f"NLP stage crashed: {type(exc).__name__}: {exc}"
    return dataclasses.replace(extraction, failure=Failure(page.source, "nlp", reason, page.offset))


def annotate_extractions(extractions: list[Extraction], *, nlp=None) -> list[Extraction]:
    """Parse every story of the cleaned pages in one pipe and code their events."""
    todo = [i for i, item in enumerate(extractions) if item.ok and item.stories]
    texts = [story.text for i in todo for story in extractions[i].stories]
    try:
        parsed = parse_stories(texts, nlp=nlp)
    except Exception as exc:  # find the page at fault: parse page by page
        if len(todo) <= 1:
            return [fail_nlp(item, exc) if i in todo else item for i, item in enumerate(extractions)]
        log.debug("batch parse failed (%s); parsing page by page", exc)
        return [annotate_extractions([item], nlp=nlp)[0] for item in extractions]
    coder_version = describe_coder_version()
    coded: dict[tuple, tuple[Event, ...]] = {}
    result = list(extractions)
    at = 0
    for i in todo:
        item = extractions[i]
        pairs = parsed[at:at + len(item.stories)]
        at += len(item.stories)
        try:
            stories = tuple(annotate_story(story, analysis, sentences, coded=coded)
                            for story, (analysis, sentences) in zip(item.stories, pairs, strict=True))
        except Exception as exc:  # one bad page never stops a batch
            log.exception("coding %s failed", item.page.source)
            result[i] = dataclasses.replace(item, failure=Failure(
                item.page.source, "code", f"event coder crashed: {type(exc).__name__}: {exc}", item.page.offset))
            continue
        result[i] = dataclasses.replace(item, stories=stories, nlp_version=NLP_VERSION, coder_version=coder_version)
    return result


def process_batch(pages: list[Page], *, analyse: bool = True, nlp=None) -> list[Extraction]:
    """Process a batch of pages, in order, one Extraction per page.

    ``analyse=False`` stops after cleaning (no entities, quotes or events).
    """
    extractions = [clean_page(page) for page in pages]
    if not analyse:
        return extractions
    return annotate_extractions(extractions, nlp=nlp)


def process_page(page: Page, *, analyse: bool = True) -> Extraction:
    """One page through every stage: ``process_batch([page])[0]``."""
    return process_batch([page], analyse=analyse)[0]
