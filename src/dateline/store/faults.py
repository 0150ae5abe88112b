"""Fault injection, for the reliability tests (tests/reliability) and for anyone who wants
to see what a crash at a given moment leaves behind. Off unless DATELINE_FAULT is set:

    DATELINE_FAULT=<action>@<point>[#<n>[+]]    e.g. kill@batch-committed#3, fail@batch-written#2+

``action`` is ``kill`` (SIGKILL this process, as kill -9 or a power cut would) or ``fail``
(raise OSError ENOSPC, as a full disk would); ``n`` picks the n-th time the point is
reached in this process (the first by default), ``n+`` that time and every later one (a
disk that stays full). The points:

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
from dataclasses import dataclass

log = logging.getLogger(__name__)

FAULT_ENV = "DATELINE_FAULT"
POINTS = ("batch-written", "batch-committed", "pages-done", "refresh-written")
ACTIONS = ("kill", "fail")

_reached: Counter[str] = Counter()


@dataclass(frozen=True, slots=True)
class Fault:
    action: str
    point: str
    nth: int
    onwards: bool  # the n-th time and every later one

    def is_due(self, reached: int) -> bool:
        return reached >= self.nth if self.onwards else reached == self.nth


def read_fault(value: str) -> Fault | None:
    """The fault a DATELINE_FAULT value names; None when it names no fault we know."""
    action, _, rest = value.strip().partition("@")
    point, _, nth = rest.partition("#")
    onwards = nth.endswith("+")
    nth = nth.removesuffix("+")
    if action not in ACTIONS or point not in POINTS or (nth and not nth.isdecimal()):
        return None
    return Fault(action, point, int(nth) if nth else 1, onwards)


def trip(point: str) -> None:
    """Kill this process, or raise, when DATELINE_FAULT names this point and this is its n-th time."""
    value = os.environ.get(FAULT_ENV)
    if not value:
        return
    fault = read_fault(value)
    if fault is None:
        log.warning("%s=%r is not <kill|fail>@<point>[#n[+]] with a point among %s: ignored",
                    FAULT_ENV, value, ", ".join(POINTS))
        return
    if fault.point != point:
        return
    _reached[point] += 1
    if not fault.is_due(_reached[point]):
        return
    log.warning("%s: %s at %s (time %d)", FAULT_ENV, fault.action, point, _reached[point])
    if fault.action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    raise OSError(errno.ENOSPC, "No space left on device (injected by DATELINE_FAULT)")
