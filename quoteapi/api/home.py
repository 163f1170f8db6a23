"""The front page, ``GET /``: what quoteapi is and where to go, for people and for programs.

A browser (which asks for text/html) gets a page: the most quoted speakers, a search box whose
results are listed on the page itself, and links to the docs, the widget demo, the OpenAPI
document and /health. Any other client (curl, an SDK: ``*/*`` or application/json) gets the same
links as JSON. ``GET /openapi.yaml`` serves the contract the repository commits as openapi.yaml.

A plain Flask blueprint, like widget.py: pages for browsers stay out of openapi.yaml.
"""

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from ..index.records import QuoteQuery
from .common import MAX_QUERY_TEXT
from .context import current_index
from .openapi import document_yaml

TOP_SPEAKERS = 10
RESULTS = 20
LINKS = {
    "docs": "/docs",
    "openapi": "/openapi.yaml",
    "openapi_json": "/openapi.json",
    "widget_demo": "/widget/demo",
    "health": "/health",
    "speakers": "/speakers",
    "quotes": "/quotes",
}

bp = Blueprint("home", __name__, template_folder="templates")


def wants_html() -> bool:
    """Whether the client prefers a page to JSON: browsers ask for text/html by name; ``*/*``
    alone (curl) ranks both the same and gets JSON."""
    accepted = request.accept_mimetypes
    return accepted["text/html"] > accepted["application/json"]


@bp.get("/")
def home() -> Response:
    """The front page (HTML) or its links (JSON), by the request's Accept header."""
    if not wants_html():
        response = jsonify(
            name="quoteapi",
            description="Who said what, in what role, where and when: quotes found in news "
            "articles, attributed to their speakers.",
            version=current_app.config["API_VERSION"],
            links=LINKS,
        )
    else:
        query = request.args.get("q", "").strip()[:MAX_QUERY_TEXT].replace("\x00", "")
        response = Response(render_template("home.html", query=query, **page_data(query)))
    response.vary.add("Accept")
    return response


def page_data(query: str) -> dict[str, Any]:
    index = current_index()
    speakers = index.speakers(None, limit=TOP_SPEAKERS).items
    found = index.quotes(QuoteQuery(q=query, sort="relevance", limit=RESULTS)) if query else None
    return {"speakers": speakers, "found": found, "links": LINKS}


@bp.get("/openapi.yaml")
def openapi_yaml() -> Response:
    """The OpenAPI document as YAML (as committed: ``quoteapi openapi write``)."""
    api = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
    return Response(document_yaml(api.spec.to_dict()), mimetype="application/yaml")
