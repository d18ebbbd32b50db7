"""One renderer for every failure, the framework's own included."""

from __future__ import annotations

import logging
from http import HTTPStatus

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from pixmill.errors import PixmillError, TooManyRequests
from pixmill.http.replies import error_reply

log = logging.getLogger("pixmill.http")

_FRAMEWORK_MESSAGES = {
    404: "Unknown endpoint",
    405: "Method not allowed: use GET or POST",
}


def render(error: Exception, path: str = "") -> Response:
    """The PixLab JSON error for any exception; detail of unexpected ones goes to the log only."""
    if isinstance(error, PixmillError):
        headers: dict[str, str] = {}
        if isinstance(error, TooManyRequests):
            headers["Retry-After"] = str(error.retry_after)
        return error_reply(error.status, error.message, headers)
    if isinstance(error, HTTPException):
        message = _FRAMEWORK_MESSAGES.get(error.status_code) or HTTPStatus(error.status_code).phrase
        return error_reply(error.status_code, message, dict(error.headers or {}))
    log.exception("unexpected failure on %s", path, exc_info=error)
    return error_reply(500, "Internal server error")


async def handle(request: Request, error: Exception) -> Response:
    """Starlette exception handler."""
    return render(error, request.url.path)
