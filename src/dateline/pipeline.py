"""The stages chained. ``process_batch`` is pure, module-level and picklable, so
local process pools and Dask can run it unchanged (see parallel.py)."""
from __future__ import annotations

import logging

from .clean.html import clean_html
from .clean.text import clean_text
from .errors import DatelineError
from .models import Extraction, Failure, Page

log = logging.getLogger(__name__)


def process_page(page: Page) -> Extraction:
    """Clean one page into stories; a page that fails becomes a recorded Failure."""
    try:
        if page.kind == "html":
            cleaned = clean_html(page.text, url=page.url, fetched=page.fetched)
        else:
            cleaned = clean_text(page.text, fetched=page.fetched)
    except DatelineError as exc:
        return Extraction(page=page, failure=Failure(page.source, "clean", str(exc), page.offset))
    except RecursionError:
        return Extraction(page=page, failure=Failure(page.source, "clean", "page nests too deeply to parse", page.offset))
    except Exception as exc:  # one bad page never stops a batch
        log.exception("cleaning %s failed", page.source)
        reason = f"cleaner crashed: {type(exc).__name__}: {exc}"
        return Extraction(page=page, failure=Failure(page.source, "clean", reason, page.offset))
    return Extraction(page=page, stories=cleaned.stories, removed=cleaned.removed,
                      cleaner_version=cleaned.cleaner_version)


def process_batch(pages: list[Page]) -> list[Extraction]:
    """Process a batch of pages, in order, one Extraction per page."""
    return [process_page(page) for page in pages]
