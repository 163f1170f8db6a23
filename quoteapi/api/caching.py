"""HTTP caching for reads: a strong ETag over the body, Cache-Control, and 304 on If-None-Match.

Hand-written as one ``after_request`` hook rather than flask-smorest's ``@blp.etag``: the ETag then
covers the exact bytes sent (pagination links included) on every GET without per-view decorators,
and Werkzeug's ``make_conditional`` does the RFC 9110 comparison (weak match, ``*``, lists).
"""

from collections.abc import Callable
from typing import Any

from flask import Flask, Response, g, request
from flask_smorest import Blueprint

# Reuse only after asking again (If-None-Match, answered 304 while nothing changed): an answer
# after a write reflects it, in browsers and shared caches too (see cache.py)
CACHE_CONTROL = "public, no-cache"
ETAG_HEADER_DOC = {
    "description": "Entity tag of the body; send it back in If-None-Match.",
    "schema": {"type": "string"},
}
CACHE_HEADER_DOC = {
    "description": "public, no-cache: keep it, but revalidate before each reuse.",
    "schema": {"type": "string"},
}
READ_HEADERS_DOC = {"ETag": ETAG_HEADER_DOC, "Cache-Control": CACHE_HEADER_DOC}


def not_modified(blueprint: Blueprint) -> Callable[[Any], Any]:
    """Document the 304 a GET answers when If-None-Match holds its current ETag."""
    return blueprint.alt_response(
        304,
        description="Not Modified: If-None-Match holds the current ETag; no body.",
        headers={"ETag": ETAG_HEADER_DOC},
    )


def add_cache_headers(response: Response) -> Response:
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if response.direct_passthrough:  # a static file: send_file set its own validators
        return response
    response.add_etag()
    response.headers["Cache-Control"] = g.get("cache_control", CACHE_CONTROL)  # auth.PRIVATE
    return response.make_conditional(request)


def register(app: Flask) -> None:
    app.after_request(add_cache_headers)
