"""``GET /health``: is the index answering, and how big is it."""

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from ..errors import QuoteapiError, Unavailable
from .cache import remembered
from .caching import READ_HEADERS_DOC, not_modified
from .common import JSON
from .context import current_index
from .errors import any_problem, problem_doc
from .examples import HEALTH
from .health_schemas import HealthSchema

blp = Blueprint(
    "Health", __name__, url_prefix="/health", description="Service state, for monitors."
)


def package_version() -> str:
    try:
        return version("quoteapi")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


@blp.route("")
class Health(MethodView):
    @blp.doc(operationId="getHealth")
    @any_problem(blp)
    @blp.response(200, HealthSchema, content_type=JSON, headers=READ_HEADERS_DOC, example=HEALTH)
    @not_modified(blp)
    @blp.alt_response(503, description="The database does not answer.", **problem_doc())
    def get(self) -> dict[str, Any]:
        """Check health

        `ok` with the number of quotes (counted again after each change of the index) when the
        database answers; an error (503) when it does not.
        """
        try:
            current_index().is_empty()  # a round trip to the database on every call
            state = remembered("health", current_index().health)
        except QuoteapiError:
            raise
        except Exception as error:  # any driver error means the same to a monitor
            raise Unavailable("The database does not answer.") from error
        return {
            "status": "ok",
            "version": current_app.config["API_VERSION"],
            "database": str(state.get("database", "ok")),
            "quotes": state.get("quotes"),
        }
