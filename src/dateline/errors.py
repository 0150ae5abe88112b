"""One exception tree for dateline.

    DatelineError
    ├── ReadError            a source could not be read into pages
    │   ├── UnsupportedInput     binary or unknown format
    │   ├── EmptyInput           nothing but whitespace
    │   ├── InputTooLarge        over the configured page size limit
    │   └── CorruptRecord        a container (WARC, JSONL) is broken at an offset
    ├── CleanError           the cleaner could not make stories of a page
    ├── StoreError           the store refused or failed a write or a query
    │   └── MigrationError       the schema could not be brought up to date
    └── DataFileError        a packaged data file (a lexicon, the actor dictionary) is malformed

Every error carries the fields a caller needs and a message that says what to do.
"""
from __future__ import annotations


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""


class ReadError(DatelineError):
    def __init__(self, source: str, reason: str, *, offset: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.offset = offset
        where = f" at byte {offset}" if offset is not None else ""
        super().__init__(f"{source}{where}: {reason}")


class UnsupportedInput(ReadError):
    pass


class EmptyInput(ReadError):
    pass


class InputTooLarge(ReadError):
    pass


class CorruptRecord(ReadError):
    pass


class CleanError(DatelineError):
    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class StoreError(DatelineError):
    pass


class MigrationError(StoreError):
    pass


class DataFileError(DatelineError):
    """A row of a data file that cannot be used: fix the file at that line (its header says how)."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(f"{source} line {line}: {reason}" if line else f"{source}: {reason}")
