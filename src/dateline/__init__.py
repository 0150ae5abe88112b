"""dateline: raw news pages in, clean stories and coded events out."""

__version__ = "0.1.0"
