"""API keys for the writing routes, and for the one read that is not public (batches).

Keys come from configuration (``QUOTEAPI_API_KEYS``, comma separated), never from code. A client
sends one as ``X-API-Key: <key>`` or ``Authorization: Bearer <key>``. Every configured key is
compared with ``hmac.compare_digest`` (constant time, and all of them, so timing tells nothing about
which or how many keys exist). Reading the index needs no key; reading a batch does (it names the
sender's files), and its answers are then marked private for caches.
"""

import hmac
from collections.abc import Callable
from typing import Any

from flask import current_app, g, request
from flask_smorest import Blueprint

from ..errors import Forbidden, Unauthorized
from .errors import problem_doc

API_KEY_HEADER = "X-API-Key"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Security schemes for the OpenAPI document: either header works.
SECURITY_SCHEMES = {
    "ApiKeyHeader": {
        "type": "apiKey",
        "in": "header",
        "name": API_KEY_HEADER,
        "description": "An API key from QUOTEAPI_API_KEYS.",
    },
    "BearerKey": {
        "type": "http",
        "scheme": "bearer",
        "description": "The same API key, as a bearer token.",
    },
}
SECURITY = [{"ApiKeyHeader": []}, {"BearerKey": []}]


def presented_key() -> str | None:
    """The key the request carries, from X-API-Key or a bearer Authorization header."""
    if key := request.headers.get(API_KEY_HEADER):
        return key
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def key_is_valid(key: str, keys: list[str]) -> bool:
    given = key.encode()
    matches = [hmac.compare_digest(given, known.encode()) for known in keys]
    return any(matches)


def check_key(what: str = "This request changes the index") -> None:
    """Raise 401 without a key, 403 with a wrong one or when no keys are configured."""
    keys: list[str] = current_app.config["API_KEYS"]
    key = presented_key()
    if key is None:
        raise Unauthorized(
            f"{what} and needs an API key in the {API_KEY_HEADER} header "
            "or as 'Authorization: Bearer <key>'.",
        )
    if not keys:
        raise Forbidden(
            f"{what}, which is disabled on this server: no API keys are configured "
            "(QUOTEAPI_API_KEYS)."
        )
    if not key_is_valid(key, keys):
        raise Forbidden("The API key is not valid.")


def protect_writes(blueprint: Blueprint) -> None:
    """Check the key before anything else (body parsing included) on the blueprint's writing routes."""

    @blueprint.before_request
    def _require_key() -> None:
        if request.method in WRITE_METHODS:
            check_key()


PRIVATE = "private, no-cache"  # the Cache-Control of answers that needed a key (caching.py)


def protect_reads(blueprint: Blueprint, what: str) -> None:
    """Every route of the blueprint needs a key (``what`` it does, for the message), and its
    answers are private."""

    @blueprint.before_request
    def _require_key() -> None:
        check_key(what)
        g.cache_control = PRIVATE


def write_problems(blueprint: Blueprint) -> Callable[[Any], Any]:
    """Document a keyed operation's security and its 401/403 answers."""

    def decorate(operation: Any) -> Any:
        for status, description in (
            (401, "No API key was sent."),
            (403, "The API key is wrong, or no API keys are configured on this server."),
        ):
            operation = blueprint.alt_response(status, description=description, **problem_doc())(
                operation
            )
        return blueprint.doc(security=SECURITY)(operation)

    return decorate
