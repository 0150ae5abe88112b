"""One exception tree for dateline.

    DatelineError
    ├── SettingsError        a setting has a value dateline cannot use (also a ValueError)
    ├── ReadError            a source could not be read into pages
    │   ├── UnsupportedInput     binary or unknown format
    │   ├── EmptyInput           nothing but whitespace
    │   ├── InputTooLarge        over the configured page size limit
    │   └── CorruptRecord        a container (WARC, JSONL) is broken at an offset
    ├── CleanError           the cleaner could not make stories of a page
    ├── NlpError             the NLP stage could not run
    │   ├── ModelMissing         spaCy or its model package is not installed
    │   └── TextTooLong          a story is longer than the parser takes
    ├── ParallelError        workers could not be started (no Dask, no scheduler there)
    ├── StoreError           the store refused or failed a write or a query
    │   ├── StoreBusy            other writers held the database past every retry
    │   ├── MigrationError       the schema could not be brought up to date
    │   └── InvalidFilter        a filter or sort value the store cannot use
    └── DataError            a data table (word list, pattern table) has a bad line

Every error carries the fields a caller needs and a message that says what to do.
The readers turn a ReadError into a Failure record and go on; the pipeline does the
same with CleanError and NlpError. The CLI prints any DatelineError as a one-line
error; the API answers InvalidFilter with 422 and StoreError with 503 (api/errors.py).
"""
from __future__ import annotations


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""


class SettingsError(DatelineError, ValueError):
    """A setting (flag, environment variable) has a value dateline cannot use."""


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
    """A record of a container file is broken: ``path`` is the file, ``offset`` the byte
    where the broken record starts, ``source`` the record's name (``path#offset`` for a
    WARC record, ``path#line`` for a JSON Lines line)."""

    def __init__(self, path: str, offset: int | None, reason: str, *, source: str | None = None) -> None:
        self.path = path
        super().__init__(source or f"{path}#{offset}", reason, offset=offset)


class CleanError(DatelineError):
    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class NlpError(DatelineError):
    """The NLP stage could not run on a text (its model or library is missing or broken)."""


class ModelMissing(NlpError):
    def __init__(self, name: str, package: str | None, reason: str) -> None:
        self.name = name
        self.package = package
        self.reason = reason
        hint = f"install it with: pip install {package}" if package else "install the package that provides it"
        super().__init__(f"spaCy model {name!r} is not available ({reason}); {hint}")


class TextTooLong(NlpError):
    """A story longer than the parser's limit (spaCy's ``max_length``), checked before parsing."""

    def __init__(self, length: int, limit: int) -> None:
        self.length = length
        self.limit = limit
        super().__init__(f"a story is too long for the parser (over {limit:,} characters)")


class ParallelError(DatelineError):
    """Workers could not be started (a bad --workers or --dask value, no scheduler there)."""


class StoreError(DatelineError):
    pass


class StoreBusy(StoreError):
    """The database stayed locked (or deadlocked) by other writers through every retry: the
    write was not made, and may succeed later."""


class MigrationError(StoreError):
    pass


class InvalidFilter(StoreError):
    """A filter or sort value the store cannot use: ``name`` is the filter (``date_from``,
    ``sort``, ``bbox``), ``value`` what was given, ``reason`` what to give instead."""

    def __init__(self, name: str, value: str, reason: str) -> None:
        self.name = name
        self.value = value
        self.reason = reason
        super().__init__(reason)


class DataError(DatelineError, ValueError):
    """A data table (lexicon.py) cannot be used: ``source`` and ``line`` say where (line 0: the whole file)."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(f"{source}:{line}: {reason}" if line else f"{source}: {reason}")
