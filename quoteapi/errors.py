"""One error hierarchy for the whole package.

Each error carries the HTTP status it maps to, so the API renders every one of them in a single
problem+json shape and the CLI prints its message; library code never needs to know which.
"""

from typing import Any


class QuoteapiError(Exception):
    """Base class: ``message`` for people, ``status`` for HTTP, ``extra`` for machine-readable detail."""

    status = 500
    title = "Internal Server Error"

    def __init__(self, message: str, *, status: int | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.extra = extra


class BadInput(QuoteapiError):
    """Input that cannot be used: unreadable, undecodable, empty, too large, malformed."""

    status = 400
    title = "Bad Request"


class Unprocessable(QuoteapiError):
    """Well-formed input that gives nothing to store: a URL that cannot be fetched (or may not
    be), a page that holds no article or one in another language."""

    status = 422
    title = "Unprocessable Content"


class NotFound(QuoteapiError):
    status = 404
    title = "Not Found"


class Ambiguous(QuoteapiError):
    """A name that fits several things; ``extra['candidates']`` lists them."""

    status = 409
    title = "Conflict"


class ModelMissing(QuoteapiError):
    """An NLP model that is configured but not installed; the message names the command to fix it."""

    status = 503
    title = "Service Unavailable"


class Unauthorized(QuoteapiError):
    """No credentials: the request needs an API key."""

    status = 401
    title = "Unauthorized"
    headers = {"WWW-Authenticate": 'Bearer realm="quoteapi"'}


class Forbidden(QuoteapiError):
    """Credentials that do not allow this (a wrong key, or writing disabled)."""

    status = 403
    title = "Forbidden"


class Unavailable(QuoteapiError):
    """A backing service (the database) does not answer."""

    status = 503
    title = "Service Unavailable"
