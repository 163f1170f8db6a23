"""The app factory: ``create_app()`` wires the index, the blueprints, errors, caching and CORS.

Configuration is ``DefaultConfig``, then the QUOTEAPI_* environment (``quoteapi.config``), then the
``config`` mapping passed in (tests).
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from flask import Flask, Response, request
from flask_cors import CORS
from flask_smorest import Api
from flask_swagger_ui import get_swaggerui_blueprint
from werkzeug.exceptions import HTTPException

from ..config import settings
from . import (
    articles,
    batches,
    cache,
    caching,
    errors,
    extract,
    health,
    home,
    quotes,
    request_ids,
    security,
    speakers,
    widget,
)
from .auth import API_KEY_HEADER, SECURITY_SCHEMES
from .common import ProblemSchema
from .context import EXTENSION
from .errors import PROBLEM_JSON
from .health import package_version

if TYPE_CHECKING:
    from ..index.service import Index

BLUEPRINTS = (speakers.blp, quotes.blp, articles.blp, extract.blp, batches.blp, health.blp)
READ_METHODS = ("GET", "HEAD", "OPTIONS")
DESCRIPTION = """\
Who said what, in what role, where and when: quotes found in news articles, attributed to their \
speakers, searchable by speaker, words, role, source and date.

Reading needs no key. Writing (`POST /articles`, `DELETE /articles/{article_id}`, \
`POST /extract`) needs an API key, sent as `X-API-Key: <key>` or `Authorization: Bearer <key>`.

Every error is `application/problem+json` (RFC 9457). Character offsets count the characters of \
the article's text as submitted. GET answers carry an ETag and honour If-None-Match."""


class DefaultConfig:
    API_TITLE = "quoteapi"
    API_VERSION = package_version()
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/"
    OPENAPI_JSON_PATH = "openapi.json"
    API_SPEC_OPTIONS: ClassVar[dict[str, Any]] = {
        "info": {
            "description": DESCRIPTION,
            "license": {"name": "MIT", "url": "https://opensource.org/licenses/MIT"},
        },
        "components": {"securitySchemes": SECURITY_SCHEMES},
    }
    DOCS_PATH = "/docs"


class ProblemApi(Api):
    """flask-smorest's Api through its public hooks: errors rendered (``handle_http_exception``)
    and documented (``ERROR_SCHEMA``, ``DEFAULT_RESPONSE_CONTENT_TYPE``; every success says
    ``content_type=JSON``) as problem+json. Its generic default error response is off
    (``DEFAULT_ERROR_RESPONSE_NAME``): it would say application/json; each operation documents
    its own problems (``errors.problem_doc``) and the ``default`` one (``documented``)."""

    ERROR_SCHEMA = ProblemSchema
    DEFAULT_ERROR_RESPONSE_NAME = None
    DEFAULT_RESPONSE_CONTENT_TYPE = PROBLEM_JSON  # of the responses it documents by status

    def handle_http_exception(self, error: HTTPException) -> Response:  # type: ignore[override]
        return errors.handle_http_exception(error)


def create_app(config: Mapping[str, Any] | None = None, index: "Index | None" = None) -> Flask:
    """The WSGI app. ``index`` defaults to ``Index(DATABASE_URL)``."""
    app = Flask("quoteapi")
    load_config(app, config)
    app.json.sort_keys = False  # type: ignore[attr-defined]  # keep the schemas' field order
    app.extensions[EXTENSION] = index  # None: opened on first use (context.current_index)
    request_ids.register(app)  # first: every later hook, view and error has the id
    security.register(app)  # its after_request hook runs last: headers on every answer
    api = ProblemApi(app)
    errors.register(app)
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    # flask-smorest documents its X-Pagination header's schema whether used or not; we do not use
    # it (pagination.py), and apispec's components are plain dicts
    api.spec.components.schemas.pop("PaginationMetadata", None)
    app.register_blueprint(widget.bp)
    app.register_blueprint(home.bp)
    app.register_blueprint(
        get_swaggerui_blueprint(
            app.config["DOCS_PATH"], "/openapi.json", config={"app_name": "quoteapi"}
        )
    )
    cache.register(app)  # its after_request hook runs after caching's (reverse order)
    caching.register(app)
    app.after_request(cors_for_reads_only)  # registered first, so it runs after flask-cors' hook
    CORS(
        app,
        origins="*",
        send_wildcard=True,
        methods=list(READ_METHODS),
        expose_headers=["ETag", request_ids.HEADER],
        max_age=86400,
    )
    return app


def load_config(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    app.config.from_object(DefaultConfig)
    current = settings()
    app.config["DATABASE_URL"] = current.database_url
    app.config["API_KEYS"] = current.api_keys
    app.config["MAX_CONTENT_LENGTH"] = current.max_request_bytes
    app.config["CACHE_ENTRIES"] = current.cache_entries  # see cache.py
    app.config["EXTRACT_PROCESSES"] = current.extract_processes  # see extraction.py
    app.config["EXTRACT_QUEUE"] = current.extract_queue
    app.config["EXTRACT_SECONDS"] = current.extract_seconds
    app.config["FETCH_ALLOW_PRIVATE"] = current.fetch_allow_private  # see fetching.py
    app.config.update(overrides or {})


def cors_for_reads_only(response: Response) -> Response:
    """flask-cors answers any method from any origin; cross-origin pages may only read."""
    preflight_for = request.headers.get("Access-Control-Request-Method", "").upper()
    reading = request.method in ("GET", "HEAD") or (
        request.method == "OPTIONS" and preflight_for in ("GET", "HEAD")
    )
    if not reading:
        cors = [
            name
            for name, _ in response.headers.items()
            if name.lower().startswith("access-control-")
        ]
        for header in cors:
            del response.headers[header]
    return response


__all__ = ["API_KEY_HEADER", "DefaultConfig", "create_app"]
