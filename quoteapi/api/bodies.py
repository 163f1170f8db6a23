"""JSON request bodies, checked before a view reads them: 415 for any other media type (webargs
would take a form or text body for an empty JSON object and answer 422), 413 over the size limit
(chunked or not: Werkzeug counts what arrives), 400 for JSON that does not parse or nests deeper
than Python's parser can follow (it raised RecursionError: a 500). Also the documentation of the
errors a body can cause.
"""

import json
from collections.abc import Callable
from typing import Any

from flask import current_app, request
from flask_smorest import Blueprint
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge, UnsupportedMediaType

from .errors import problem_doc

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def require_json_body() -> None:
    if request.method not in BODY_METHODS:
        return
    if not request.is_json:
        got = request.mimetype or "no content type"
        raise UnsupportedMediaType(f"Send the body as application/json (got {got}).")
    body = request.get_data(cache=True)  # webargs reads this copy
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if request.content_length is None and limit is not None and len(body) >= limit:
        # a chunked body: Werkzeug stops reading at the limit without saying so (a declared
        # Content-Length over it is refused before reading); one that reached it is too large
        raise RequestEntityTooLarge(f"The body is larger than {limit:,} bytes.")
    try:
        json.loads(body)
    except RecursionError:
        raise BadRequest("The JSON body nests too deeply.") from None
    except ValueError as error:  # UnicodeDecodeError included
        raise BadRequest(f"The body is not valid JSON: {error}.") from None


def accept_json_bodies(blueprint: Blueprint) -> None:
    """Check every body the blueprint receives (after the API key, when protect_writes came first)."""
    blueprint.before_request(require_json_body)


def body_problems(blueprint: Blueprint) -> Callable[[Any], Any]:
    """Document the errors of a JSON request body."""

    def decorate(operation: Any) -> Any:
        for status, description in (
            (400, "The body is not valid JSON."),
            (413, "The body is larger than the server accepts."),
            (415, "The body is not application/json."),
        ):
            operation = blueprint.alt_response(status, description=description, **problem_doc())(
                operation
            )
        return operation

    return decorate


def extraction_problems(blueprint: Blueprint) -> Callable[[Any], Any]:
    """Document the errors of a request that extracts quotes (api/extraction.py)."""

    def decorate(operation: Any) -> Any:
        for status, description in (
            (500, "Extraction failed on this text (logged under the request's id)."),
            (
                503,
                "Too many extractions at once, one took too long (Retry-After), or the NLP "
                "model is not installed (`detail` names the fix).",
            ),
        ):
            operation = blueprint.alt_response(status, description=description, **problem_doc())(
                operation
            )
        return operation

    return decorate
