"""Every request gets an id: the caller's ``X-Request-Id`` when it is a plain token (a proxy's), or
a new one. The answer carries it back (``X-Request-Id``), problems name it (``request_id``), and the
errors >= 500 are logged under it (errors.py), so a report can be matched with the log."""

import re
import uuid

from flask import Flask, Response, g, request

HEADER = "X-Request-Id"
TOKEN = re.compile(r"[A-Za-z0-9._-]{8,64}")  # anything else (long, odd characters) is replaced


def assign() -> None:
    given = request.headers.get(HEADER, "")
    g.request_id = given if TOKEN.fullmatch(given) else uuid.uuid4().hex


def send(response: Response) -> Response:
    if "request_id" in g:
        response.headers[HEADER] = g.request_id
    return response


def register(app: Flask) -> None:
    """Register first: the id exists before any other hook or view runs."""
    app.before_request(assign)
    app.after_request(send)
