"""Logging for the command line: one line per message on standard error,
tracebacks only with --verbose. The library only logs; this sets the handler."""
from __future__ import annotations

import logging
import sys
from typing import TextIO

# Libraries that report every odd page at WARNING; their news is rarely the user's.
QUIET_LIBRARIES = ("trafilatura", "htmldate", "charset_normalizer", "warcio", "courlan", "justext")


class _OneLineFormatter(logging.Formatter):
    def __init__(self, *, verbose: bool) -> None:
        super().__init__("%(levelname)s: %(name)s: %(message)s")
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        record.levelname = record.levelname.lower()
        if self.verbose:
            return super().format(record)
        saved = record.exc_info, record.exc_text
        record.exc_info, record.exc_text = None, None
        try:
            line = super().format(record)
        finally:
            record.exc_info, record.exc_text = saved
        return line.splitlines()[0] if line else line


class _CurrentStderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is now, so a live progress bar can route it."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def configure_logging(*, verbose: bool = False) -> None:
    """Send dateline's log to standard error: warnings, or everything with --verbose."""
    handler = _CurrentStderrHandler()
    handler.setFormatter(_OneLineFormatter(verbose=verbose))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_dateline", False)]:
        root.removeHandler(old)
    handler._dateline = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.ERROR)
