"""What every answer says to browsers, and the caps on what every request may send.

Headers, on every response: ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``
and a Content-Security-Policy. JSON answers get the strictest one (nothing loads, nothing frames
them). HTML pages (Swagger UI at /docs, the widget demo) may load their own scripts, styles and
images, plus the inline scripts they carry, each allowed by its SHA-256 hash (computed from the
page as sent, so an injected script would not match); nobody may frame them
(``frame-ancestors 'none'``). /widget.js itself is embedded by other sites' pages with a script
tag, which CSP on our side does not limit.

Caps: a path over MAX_PATH or a query string over MAX_QUERY characters is refused (414) before
any view or lookup runs; each value in it is then capped by its schema (200 characters).
"""

import base64
import hashlib
import re

from flask import Flask, Response, request
from werkzeug.exceptions import RequestURITooLarge

MAX_PATH = 512
MAX_QUERY = 8192  # raw bytes: 200 characters of any script, percent-encoded (up to 12 bytes each), and the other filters fit
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
PAGE_POLICY = (
    "default-src 'self'; script-src 'self' {scripts}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI and the widget style elements they build at run time: styles stay 'unsafe-inline'
# (a style cannot run code); scripts never are.
INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def check_lengths() -> None:
    if len(request.path) > MAX_PATH:
        raise RequestURITooLarge(f"The path is longer than {MAX_PATH} characters.")
    if len(request.query_string) > MAX_QUERY:
        raise RequestURITooLarge(f"The query string is longer than {MAX_QUERY} characters.")


def add_headers(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = page_policy(response)
    else:
        response.headers["Content-Security-Policy"] = API_POLICY
    return response


def page_policy(response: Response) -> str:
    """PAGE_POLICY allowing the page's own inline scripts by hash ('none' besides 'self')."""
    if response.direct_passthrough:  # a file sent as is: read it once to hash its scripts
        response.direct_passthrough = False
    body = response.get_data()
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
            for script in INLINE_SCRIPT.findall(body)
        }
    )
    return PAGE_POLICY.format(scripts=" ".join(hashes)).replace("'self' ;", "'self';")


def register(app: Flask) -> None:
    app.before_request(check_lengths)
    app.after_request(add_headers)
