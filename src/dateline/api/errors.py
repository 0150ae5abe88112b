"""One error envelope for every 4xx and 5xx the API sends:

    {"error": {"status": 404, "code": "not_found", "message": "no story 'abc-0': ..."}}

``ApiError`` (a DatelineError) carries its HTTP status; the handlers here turn it,
the tree of dateline.errors (InvalidFilter 422, StoreError 503, any other
DatelineError 400), FastAPI's validation errors, Starlette's routing errors and
anything unexpected into that shape. The middleware in limits.py builds the same
body with ``error_body``.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import DatelineError, InvalidFilter, StoreError

log = logging.getLogger(__name__)

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         406: "not_acceptable", 413: "too_large", 415: "unsupported_media_type", 422: "invalid_parameter",
         429: "rate_limited", 500: "internal_error", 503: "unavailable"}


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorEnvelope(BaseModel):
    """What every 4xx and 5xx response holds."""

    error: ErrorDetail


# For routers: documents the envelope as the body of every error response.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": {"model": ErrorEnvelope, "description": "The request was refused; the envelope says why."},
    "5XX": {"model": ErrorEnvelope, "description": "The server failed; the envelope says what to try."},
}


class ApiError(DatelineError):
    """An error a client caused or should know about, with its HTTP status and a stable code."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.headers = headers
        super().__init__(message)


def error_body(status: int, message: str, *, code: str | None = None) -> dict[str, dict[str, Any]]:
    return {"error": {"status": status, "code": code or CODES.get(status, "error"), "message": message}}


def error_response(status: int, message: str, *, code: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, code=code), status_code=status, headers=headers)


def describe_validation(exc: RequestValidationError) -> str:
    """'limit: Input should be less than or equal to 1000; ...' from FastAPI's error list."""
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'is not valid')}")
    return "; ".join(parts) or "the request is not valid"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, code=exc.code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, describe_validation(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = "no such path: see /docs for what the API offers"
        elif exc.status_code == 405:
            message = "this method is not allowed here: see /docs"
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(InvalidFilter)
    async def _invalid_filter(_request: Request, exc: InvalidFilter) -> JSONResponse:
        return error_response(422, f"{exc.name}: {exc}")

    @app.exception_handler(StoreError)
    async def _store(_request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", exc)
        return error_response(503, f"the database could not answer: {exc}")

    @app.exception_handler(DatelineError)
    async def _dateline(_request: Request, exc: DatelineError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error: %s", exc)
        return error_response(500, "the server failed on this request; the log has the details")
