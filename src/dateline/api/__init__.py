"""The JSON API and the web UI (``dateline serve``): see app.py."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
