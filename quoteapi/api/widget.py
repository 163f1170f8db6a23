"""The embeddable quote widget: ``GET /widget.js`` (the ``<quote-widget>`` web component) and
``GET /widget/demo`` (a page showing it).

A plain Flask blueprint, not a flask-smorest one: these are files for browsers, not API operations,
so they stay out of openapi.yaml. Both answer with an ETag and honour If-None-Match (send_file's
conditional responses); the script works from any origin because it calls the API with CORS GETs.
"""

from pathlib import Path

from flask import Blueprint, Response, send_from_directory

STATIC = Path(__file__).with_name("static")
SCRIPT_MAX_AGE = 600  # seconds: short, since embedding pages load an unversioned URL

bp = Blueprint("widget", __name__)


@bp.get("/widget.js")
def widget_js() -> Response:
    """The web component; a page embeds it with <script src="https://HOST/widget.js" async>."""
    return send_from_directory(
        STATIC, "widget.js", mimetype="text/javascript", max_age=SCRIPT_MAX_AGE, conditional=True
    )


@bp.get("/widget/demo")
def widget_demo() -> Response:
    """A page with a few widgets: default, themed, interactive and an unknown speaker."""
    response = send_from_directory(
        STATIC, "widget-demo.html", mimetype="text/html", max_age=0, conditional=True
    )
    response.cache_control.no_cache = True
    return response
