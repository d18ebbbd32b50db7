"""One error hierarchy: each exception carries its HTTP status and a public message.

Every room raises these; only ``http/errors.py`` renders them, as PixLab's
``{"status": N, "error": "..."}``. Internal detail never goes into ``message``.
"""

from __future__ import annotations


class PixmillError(Exception):
    """Base class: a failure with a status code and a message safe to show the client."""

    status: int = 500

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross the worker-process boundary by pickling; keep the status.
        return (_rebuild, (type(self), self.message, self.status, self.__dict__))


def _rebuild(cls: type[PixmillError], message: str, status: int, state: dict) -> PixmillError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    error.message, error.status = message, status
    return error


class BadRequest(PixmillError):
    """A missing or invalid parameter, or an input that cannot be processed."""

    status = 400


class Unauthorized(PixmillError):
    status = 401


class Forbidden(PixmillError):
    status = 403


class NotFound(PixmillError):
    status = 404


class PayloadTooLarge(PixmillError):
    status = 413


class UnsupportedMedia(PixmillError):
    status = 415


class TooManyRequests(PixmillError):
    status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Unavailable(PixmillError):
    """A feature whose dependency (a model file, an optional package) is missing."""

    status = 503
