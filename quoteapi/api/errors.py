"""One renderer for every error: RFC 9457 problem details (``application/problem+json``).

Flask's own errors (404, 405 with Allow, 413, 400 for malformed JSON), webargs' validation errors
(422, with the field errors), our ``QuoteapiError`` hierarchy (404/409 with nearest names or
candidates, 503) and anything unexpected (500, without internals) all pass through ``problem()``,
so a client parses one shape. Every request has an id (``request_ids.py``): each problem carries it
and every error >= 500 is logged under it, with the traceback where there is one.
"""

import dataclasses
import logging
from collections.abc import Iterator, Mapping
from typing import Any

from flask import Flask, Response, g, json, request
from werkzeug.exceptions import HTTPException

from ..errors import QuoteapiError
from .common import ProblemSchema

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("quoteapi.api")


def problem(
    status: int, title: str, detail: str, headers: Mapping[str, str] | None = None, **extra: Any
) -> Response:
    """A problem+json response; ``extra`` holds RFC 9457 extension members (errors, candidates...)."""
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.path,
        "request_id": g.get("request_id"),
    }
    body.update(extra)
    body = {key: value for key, value in body.items() if value is not None}
    response = Response(json.dumps(body, default=_plain), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _plain(value: Any) -> Any:
    """JSON for the dataclasses errors carry (SpeakerRef candidates and nearest names)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def field_errors(messages: Mapping[str, Any]) -> list[dict[str, str]]:
    """webargs' nested ``{location: {field: [message]}}`` as a flat list with dotted field paths."""
    return [
        {"location": location, "field": path, "message": message}
        for location, fields in messages.items()
        for path, message in _flatten(fields)
    ]


def _flatten(node: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, Mapping):
        for key, child in node.items():
            yield from _flatten(child, f"{prefix}.{key}" if prefix else str(key))
    elif (
        isinstance(node, list | tuple) and node and not all(isinstance(item, str) for item in node)
    ):
        for item in node:
            yield from _flatten(item, prefix)
    elif isinstance(node, list | tuple):
        for message in node:
            yield prefix or "_body", message
    else:
        yield prefix or "_body", str(node)


def handle_http_exception(error: HTTPException) -> Response:
    """Flask's and webargs' errors (webargs puts validation messages in ``error.data``)."""
    status = error.code or 500
    if status >= 500:
        return handle_unexpected(error)
    data = getattr(error, "data", None) or {}
    headers = dict(error.get_headers())
    headers.update(data.get("headers") or {})
    errors = field_errors(data["messages"]) if "messages" in data else None
    detail = data.get("message") or _detail(error, errors)
    return problem(status, error.name, detail, headers, errors=errors)


def _detail(error: HTTPException, errors: list[dict[str, str]] | None) -> str:
    if errors:
        return "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5])
    if allowed := getattr(error, "valid_methods", None):
        return f"{request.method} is not allowed here; use {', '.join(sorted(allowed))}."
    return error.description or error.name


def handle_quoteapi_error(error: QuoteapiError) -> Response:
    """Our own hierarchy: the status, title and message it carries, ``extra`` as extension
    members. A 5xx among them (a missing model, a database that does not answer) is logged."""
    if error.status >= 500:
        log.error(
            "%s on %s %s [request %s]: %s",
            error.status,
            request.method,
            request.path,
            g.get("request_id"),
            error.message,
            exc_info=error.__cause__,
        )
    extra = dict(error.extra)
    headers = {**getattr(error, "headers", {}), **extra.pop("headers", {})}
    return problem(error.status, error.title, error.message, headers, **extra)


def handle_unexpected(error: Exception) -> Response:
    """Anything else: log it with its traceback, tell the client only that it happened."""
    original = getattr(error, "original_exception", None) or error
    log.error(
        "500 on %s %s [request %s]",
        request.method,
        request.path,
        g.get("request_id"),
        exc_info=original,
    )
    return problem(
        500,
        "Internal Server Error",
        "The server failed to answer; the error is logged under this request's id.",
    )


def problem_doc() -> dict[str, Any]:
    """Keyword arguments for ``blp.alt_response`` documenting a problem+json answer."""
    return {"schema": ProblemSchema, "content_type": PROBLEM_JSON}


def any_problem(blueprint: Any) -> Any:
    """Document the ``default`` answer of an operation: any other error, as problem details."""
    return blueprint.alt_response(
        "default", description="Any other error, as problem details.", **problem_doc()
    )


def register(app: Flask) -> None:
    """Our hierarchy and anything unexpected; HTTPException goes through ``ProblemApi``."""
    app.register_error_handler(QuoteapiError, handle_quoteapi_error)
    app.register_error_handler(Exception, handle_unexpected)
