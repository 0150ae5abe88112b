"""Bounds on what one client may send: request bodies (413) and requests per minute
(429), as ASGI middleware in front of the app, plus the headers every response
carries (a Content-Security-Policy that lets the UI run only its own scripts).

The body is never buffered here: a declared Content-Length over the limit is refused at
once, and a body sent without one is counted as the app reads it (an endpoint that
never reads it, or refuses the request first, costs no memory)."""
from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Sequence

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ApiError, error_body

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
     b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


async def send_error(send: Send, status: int, message: str, *,
                     headers: Sequence[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps(error_body(status, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *headers, *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


class LimitMiddleware:
    """413 past ``max_body_bytes``; 429 past ``rate_limit`` requests per ``rate_window`` seconds per client."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, rate_limit: int, rate_window: float = 60.0) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.rate_limit = rate_limit
        self.rate_window = rate_window
        self.seen: dict[str, deque[float]] = {}

    def _over_rate(self, client: str) -> float | None:
        """Seconds to wait when this client is over its rate, else None (and the request is counted)."""
        now = time.monotonic()
        times = self.seen.setdefault(client, deque())
        while times and now - times[0] >= self.rate_window:
            times.popleft()
        if len(times) >= self.rate_limit:
            return self.rate_window - (now - times[0])
        times.append(now)
        if len(self.seen) > 10_000:  # forget idle clients
            for key in [k for k, v in self.seen.items() if not v or now - v[-1] >= self.rate_window]:
                del self.seen[key]
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self._over_rate(client)
        if wait is not None:
            await send_error(send, 429, f"too many requests: at most {self.rate_limit} per "
                             f"{self.rate_window:g} s; try again in {wait:.0f} s",
                             headers=[(b"retry-after", str(max(1, round(wait))).encode())])
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body_bytes):
            await send_error(send, 413, f"the request body is over the {self.max_body_bytes} byte limit")
            return
        size = 0

        async def receive_counted() -> Message:
            """The body as the app reads it, counted: past the limit the app's read fails with a 413."""
            nonlocal size
            message = await receive()
            if message["type"] == "http.request":
                size += len(message.get("body", b""))
                if size > self.max_body_bytes:
                    raise ApiError(413, f"the request body is over the {self.max_body_bytes} byte limit")
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive_counted, send_with_headers)
