"""Running the app with uvicorn so that every answer, even the ones uvicorn writes itself,
is in the JSON error envelope, and so that a stop (SIGTERM, Ctrl-C) takes seconds.

    run_server(app, host=, port=)    uvicorn with EnvelopeProtocol and EnvelopeGuard,
                                     GRACEFUL_SHUTDOWN_SECONDS

uvicorn answers some requests itself: a request line or header block it cannot parse (a
URL past MAX_HEAD_BYTES, a malformed header) gets its plain-text 400, and an app that fails
before it answers its plain-text 500. EnvelopeProtocol (uvicorn's HTTP/1.1 protocol, h11,
with another 400) and EnvelopeGuard (around the app) answer both with the envelope of
api/errors.py instead. On a stop, uvicorn
waits at most GRACEFUL_SHUTDOWN_SECONDS for open requests, then the app's shutdown stops the
upload jobs (jobs.py: the batch being stored finishes, the rest is cancelled).
"""
from __future__ import annotations

import json
import logging

import h11
import uvicorn
from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from .errors import error_body
from .limits import SECURITY_HEADERS, send_error

log = logging.getLogger(__name__)

GRACEFUL_SHUTDOWN_SECONDS = 5
MAX_HEAD_BYTES = 16 * 1024  # request line and headers together (h11's default, stated)
BAD_REQUEST = ("the request is not valid HTTP, or its request line and headers are over "
               f"{MAX_HEAD_BYTES // 1024} KiB together: shorten the URL")
SERVER_ERROR = "the server failed on this request; the log has the details"


def encode_error(status: int, message: str) -> bytes:
    return json.dumps(error_body(status, message)).encode()


class EnvelopeProtocol(H11Protocol):
    """uvicorn's h11 protocol answering a request it cannot parse in the JSON error envelope."""

    def send_400_response(self, msg: str) -> None:
        log.info("refused a request uvicorn could not parse: %s", msg)
        body = encode_error(400, BAD_REQUEST)
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                   (b"connection", b"close"), *SECURITY_HEADERS]
        output = self.conn.send(h11.Response(status_code=400, headers=headers, reason=b"Bad Request"))
        output += self.conn.send(h11.Data(data=body))
        output += self.conn.send(h11.EndOfMessage())
        self.transport.write(output)
        self.transport.close()


class EnvelopeGuard:
    """The outermost ASGI layer: an error that escapes the app before it answered (or an app that
    returned without answering) gets a 500 in the envelope, not uvicorn's plain text; one that
    escapes after the answer began (Starlette re-raises what its handler answered) is logged once."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception:
            if started:
                return  # answered already (the app's handler logged it)
            log.exception("the app failed before answering %s", scope.get("path"))
        if not started:
            await send_error(send, 500, SERVER_ERROR)


def run_server(app: FastAPI, *, host: str, port: int) -> None:
    """Serve ``app`` until stopped (SIGTERM or SIGINT)."""
    uvicorn.run(EnvelopeGuard(app), host=host, port=port, log_level="warning", http=EnvelopeProtocol,
                h11_max_incomplete_event_size=MAX_HEAD_BYTES, timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS)
