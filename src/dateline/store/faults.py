"""Fault injection, for the reliability tests (tests/reliability) and for anyone who wants
to see what a crash at a given moment leaves behind. Off unless DATELINE_FAULT is set:

    DATELINE_FAULT=<action>@<point>[#<n>]       e.g. kill@batch-committed#3

``action`` is ``kill`` (SIGKILL this process, as kill -9 or a power cut would) or ``fail``
(raise OSError ENOSPC, as a full disk would); ``n`` picks the n-th time the point is
reached in this process (the first by default). The points:

    batch-written      a batch's rows are written, its transaction not yet committed
    batch-committed    a batch is committed
    pages-done         every page of an ingest is stored; incidents not yet regrouped
    refresh-written    the incidents are rewritten, the refresh not yet committed
"""
from __future__ import annotations

import errno
import logging
import os
import signal
from collections import Counter

log = logging.getLogger(__name__)

FAULT_ENV = "DATELINE_FAULT"
POINTS = ("batch-written", "batch-committed", "pages-done", "refresh-written")
ACTIONS = ("kill", "fail")

_reached: Counter[str] = Counter()


def read_fault(value: str) -> tuple[str, str, int] | None:
    """(action, point, n) from a DATELINE_FAULT value; None when it names no fault we know."""
    action, _, rest = value.strip().partition("@")
    point, _, nth = rest.partition("#")
    if action not in ACTIONS or point not in POINTS or (nth and not nth.isdecimal()):
        return None
    return action, point, int(nth) if nth else 1


def trip(point: str) -> None:
    """Kill this process, or raise, when DATELINE_FAULT names this point and this is its n-th time."""
    value = os.environ.get(FAULT_ENV)
    if not value:
        return
    fault = read_fault(value)
    if fault is None:
        log.warning("%s=%r is not <kill|fail>@<point>[#n] with a point among %s: ignored",
                    FAULT_ENV, value, ", ".join(POINTS))
        return
    action, wanted, nth = fault
    if wanted != point:
        return
    _reached[point] += 1
    if _reached[point] != nth:
        return
    log.warning("%s: %s at %s (time %d)", FAULT_ENV, action, point, nth)
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    raise OSError(errno.ENOSPC, "No space left on device (injected by DATELINE_FAULT)")
