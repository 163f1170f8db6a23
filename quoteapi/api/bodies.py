"""JSON request bodies: 415 for any other media type, checked before anything reads the body.

(webargs would otherwise treat a form or text body as an empty JSON object and answer 422.)
Also the documentation of the errors a body can cause.
"""

from collections.abc import Callable
from typing import Any

from flask import request
from flask_smorest import Blueprint
from werkzeug.exceptions import UnsupportedMediaType

from .errors import problem_doc

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def require_json_body() -> None:
    if request.method in BODY_METHODS and not request.is_json:
        got = request.mimetype or "no content type"
        raise UnsupportedMediaType(f"Send the body as application/json (got {got}).")


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
