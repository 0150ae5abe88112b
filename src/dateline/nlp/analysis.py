"""Parse story bodies once and read entities, quotes and the tokens' roles from each parse.

``analyse_stories(texts)`` runs ``nlp.pipe`` a single time over the bodies (each the
story's paragraphs joined with a blank line) and returns plain records: the spaCy
``Doc`` objects are dropped before anything leaves this module. The extractors reuse
one ``EntityIndex`` per doc, so no text is parsed or clustered twice.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from dateline.nlp.entities import build_index
from dateline.nlp.marks import normalise_marks
from dateline.nlp.model import MODEL_NAME, load_nlp
from dateline.nlp.parse import read_parse
from dateline.nlp.quotes import extract_quotes
from dateline.nlp.records import StoryAnalysis

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 32


def analyse_stories(texts: Iterable[str], *, nlp=None, model: str = MODEL_NAME,
                    batch_size: int = DEFAULT_BATCH_SIZE, n_process: int = 1,
                    is_place: Callable[[str], bool] | None = None) -> list[StoryAnalysis]:
    """One StoryAnalysis per text, in order; the texts are parsed in one ``nlp.pipe`` run."""
    nlp = nlp if nlp is not None else load_nlp(model)
    texts = list(texts)
    results = []
    prepared = (normalise_marks(text) for text in texts)
    for text, doc in zip(texts, nlp.pipe(prepared, batch_size=batch_size, n_process=n_process), strict=True):
        results.append(analyse_doc(doc, text=text, is_place=is_place))
    log.debug("analysed %d stories", len(results))
    return results


def parse_story(text: str, *, nlp=None):
    """The Doc of one story body, parsed from its copy with normalised quotation marks."""
    nlp = nlp if nlp is not None else load_nlp()
    return nlp(normalise_marks(text))


def analyse_doc(doc, *, text: str | None = None,
                is_place: Callable[[str], bool] | None = None) -> StoryAnalysis:
    """Entities, quotes and the parse's tokens of one parsed story body (``text``: the body as written)."""
    index = build_index(doc, text=text, is_place=is_place)
    quotes = extract_quotes(doc, index=index)
    words = count_words(doc)
    return StoryAnalysis(entities=tuple(index.entities()), quotes=tuple(quotes), words=words,
                         parse=read_parse(doc))


def count_words(doc) -> int:
    """Tokens that are neither space nor punctuation, read from the doc's arrays at once."""
    from spacy.attrs import IS_PUNCT, IS_SPACE

    if not len(doc):
        return 0
    flags = doc.to_array([IS_SPACE, IS_PUNCT])
    return int((flags.sum(axis=1) == 0).sum())
